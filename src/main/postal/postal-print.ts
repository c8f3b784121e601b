import type { AppContext, Caller } from '../app/app-context';
import { mutate } from '../audit/audit-log';
import { getDocument, renderAndArchive } from '../printing/printing-service';
import type { RenderedDocument } from '../../shared/api/printing-contract';
import { requireHandover } from './postal-repo';

/**
 * The slip of a closed hand-over: the one archived at closing, or (if rendering failed then) a new one
 * archived now and remembered on the hand-over. Reprints send the archived PDF again.
 */
export async function slipDocument(app: AppContext, caller: Caller, handoverId: string): Promise<RenderedDocument> {
  const h = requireHandover(app.db, handoverId);
  if (h.slip_document_id) return getDocument(app, h.slip_document_id);
  const doc = await renderAndArchive(app, caller, h.id, 'postalHandover');
  mutate(app, caller, { action: 'postal.slip', entity: 'postal_handover', entityId: h.id, detail: { number: h.number, document: doc.id } }, () => {
    app.db.prepare('UPDATE postal_handovers SET slip_document_id = ? WHERE id = ? AND slip_document_id IS NULL').run(doc.id, h.id);
  });
  return doc;
}
