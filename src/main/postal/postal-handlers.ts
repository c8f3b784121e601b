import type { AppContext, Caller } from '../app/app-context';
import type { HandlerMap } from '../api/dispatcher';
import { getUser } from '../users/users-service';
import { getOfficeSettings } from '../settings/settings-store';
import { getRowById, type DossierRow } from '../dossiers/dossier-repo';
import { dossierView } from '../dossiers/dossier-handlers';
import { addInboundItem, closeInbound, markInboundIncomplete, openInbound, receiveInboundItem, removeInboundItem } from './postal-inbound';
import { handOverResults, outboundCandidates } from './postal-outbound';
import { slipDocument } from './postal-print';
import { handoverView, listHandovers } from './postal-repo';

type PostalMethods =
  | 'postal.openInbound' | 'postal.addItem' | 'postal.removeItem' | 'postal.receiveItem' | 'postal.markIncomplete' | 'postal.closeInbound'
  | 'postal.outboundCandidates' | 'postal.handOver' | 'postal.list' | 'postal.get' | 'postal.printSlip';

export function createPostalHandlers(app: AppContext): Pick<HandlerMap, PostalMethods> {
  const counterOf = (c: Caller) => (c.userId ? getUser(app, c.userId).counterNumber : null) ?? getOfficeSettings(app.db)?.counterNumber ?? null;
  const changed = (id: string) => {
    const h = handoverView(app.db, id);
    app.events.emit('postal.changed', { handoverId: h.id, direction: h.direction, state: h.state });
    return h;
  };
  const dossierChanged = (r: DossierRow) => app.events.emit('dossier.changed', { id: r.id, code: r.code, status: Number(r.status) });
  return {
    'postal.openInbound': (input, caller) => changed(openInbound(app, caller, input)),
    'postal.addItem': (input, caller) => {
      const r = addInboundItem(app, caller, input);
      return { handover: changed(input.handoverId), itemId: r.itemId, warning: r.warning };
    },
    'postal.removeItem': (input, caller) => changed(removeInboundItem(app, caller, input.itemId)),
    'postal.receiveItem': (input, caller) => {
      const r = receiveInboundItem(app, caller, input, counterOf(caller));
      const row = getRowById(app.db, r.id)!;
      dossierChanged(row);
      return { dossier: dossierView(app, row, r.dueNotes), handover: changed(input.handoverId) };
    },
    'postal.markIncomplete': (input, caller) => {
      const outcome = markInboundIncomplete(app, caller, input, counterOf(caller));
      return { outcome, handover: changed(input.handoverId) };
    },
    'postal.closeInbound': async (input, caller) => {
      closeInbound(app, caller, input.handoverId);
      changed(input.handoverId);
      // Closing is committed first: a rendering failure leaves a closed hand-over whose slip can be made later.
      const document = await slipDocument(app, caller, input.handoverId);
      return { handover: handoverView(app.db, input.handoverId), document };
    },
    'postal.outboundCandidates': () => outboundCandidates(app),
    'postal.handOver': async (input, caller) => {
      const r = handOverResults(app, caller, input);
      r.dossiers.forEach(dossierChanged);
      changed(r.handoverId);
      const document = await slipDocument(app, caller, r.handoverId);
      return { handover: handoverView(app.db, r.handoverId), document, warnings: r.warnings };
    },
    'postal.list': (input) => listHandovers(app.db, input),
    'postal.get': (input) => handoverView(app.db, input.id),
    'postal.printSlip': (input, caller) => slipDocument(app, caller, input.handoverId),
  };
}
