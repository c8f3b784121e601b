import type { AppContext } from '../app/app-context';
import { AppError } from '../api/app-error';
import { agencyHeader } from '../printing/form-mapper';
import { formatVnd } from '../../shared/domain/money';
import type { PostalHandoverData, PostalHandoverRow } from '../../shared/printing/form-data';
import type { HandoverItemView } from '../../shared/postal/postal-types';
import { itemViews, requireHandover } from './postal-repo';

const NO_CODE = 'Chưa cấp mã';

function noteOf(direction: 'IN' | 'OUT', i: HandoverItemView): string | undefined {
  const parts: string[] = [];
  if (direction === 'IN' && i.outcome === 'incomplete') parts.push('Thiếu giấy tờ, Mẫu 02');
  if (direction === 'OUT' && i.returnsItemId) parts.push('Trả hồ sơ thiếu, Mẫu 02');
  if (i.seal === 'damaged') parts.push(`Niêm phong: ${i.sealNote ?? 'không nguyên vẹn'}`);
  if (i.postalFee > 0) parts.push(`Cước ${formatVnd(i.postalFee)}`);
  if (i.note) parts.push(i.note);
  return parts.length ? parts.join('; ') : undefined;
}

/** The slip of a closed hand-over, from the stored rows (a reprint shows the same content). */
export function postalSlipData(app: AppContext, handoverId: string): { number: string; title: string; data: PostalHandoverData } {
  const h = requireHandover(app.db, handoverId);
  if (h.state !== 'closed' || !h.closed_at) throw new AppError('INVALID_STATE', `Phiếu ${h.number} chưa kết thúc: chưa in được phiếu bàn giao.`);
  const rows: PostalHandoverRow[] = itemViews(app.db, h.id).map((i) => ({
    postalCode: i.postalCode,
    dossierCode: i.dossierCode ?? NO_CODE,
    ownerName: i.ownerName ?? '—',
    procedureName: i.procedureName ?? '—',
    sets: i.sets,
    note: noteOf(h.direction, i),
  }));
  return {
    number: h.number,
    title: h.direction === 'IN' ? 'Phiếu bàn giao hồ sơ từ bưu chính công ích' : 'Phiếu bàn giao kết quả cho bưu chính công ích',
    data: {
      header: agencyHeader(app),
      direction: h.direction,
      slipNumber: h.number,
      at: h.closed_at,
      postalEmployee: { name: h.employee_name, phone: h.employee_phone ?? undefined },
      postOffice: h.post_office,
      clerkName: h.clerk_name,
      rows,
    },
  };
}
