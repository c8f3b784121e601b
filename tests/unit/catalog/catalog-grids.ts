/**
 * Test helper: writes procedures as the spreadsheet rows an administrator would type,
 * following the layout documented in docs/catalog-import.md (headers hard-coded here on
 * purpose, so a change to the layout in code must also change this contract).
 */
import type { Procedure } from '../../../src/shared/catalog/procedure';
import type { SheetGrid } from '../../../src/shared/catalog/sheet-import';
import type { Cell } from '../../../src/shared/catalog/sheet-layout';

export const PROCEDURE_HEADERS = [
  'Mã TTHC', 'Mã TTHC của tỉnh', 'Tên thủ tục', 'Mã lĩnh vực', 'Tên lĩnh vực', 'Cấp thực hiện', 'Cơ quan thực hiện',
  'Mức độ dịch vụ công', 'Thời hạn', 'Đơn vị thời hạn', 'Trong ngày', 'Thời hạn kéo dài', 'Ghi chú thời hạn', 'Còn hiệu lực',
];
export const DOCUMENT_HEADERS = ['Mã TTHC', 'Mã giấy tờ', 'Tên giấy tờ', 'Bắt buộc', 'Bản chính', 'Bản chứng thực', 'Bản photo'];
export const FEE_HEADERS = [
  'Mã TTHC', 'Mã phí', 'Tên phí, lệ phí', 'Cách tính', 'Mức thu', 'Bậc giá theo trang', 'Tối đa mỗi bản', 'Ghi chú',
];

const LEVEL = { TINH: 'Cấp tỉnh', XA: 'Cấp xã' };
const ONLINE = { TOANTRINH: 'Toàn trình', MOTPHAN: 'Một phần', TTIN: 'Cung cấp thông tin' };
const UNIT = { WORKING_DAYS: 'Ngày làm việc', CALENDAR_DAYS: 'Ngày', HOURS: 'Giờ làm việc' };
const KIND = { FIXED: 'Cố định', FREE: 'Miễn', PER_COPY: 'Theo bản', PER_PAGE_TIERED: 'Theo trang' };
const yesNo = (b: boolean) => (b ? 'Có' : 'Không');

/** Rows (without header) of the three sheets for the given procedures. */
export function procedureRows(procedures: readonly Procedure[]): { procedures: Cell[][]; documents: Cell[][]; fees: Cell[][] } {
  const out = { procedures: [] as Cell[][], documents: [] as Cell[][], fees: [] as Cell[][] };
  for (const p of procedures) {
    const ref = p.localCode ?? p.code;
    out.procedures.push([
      p.code, p.localCode ?? null, p.name, p.fieldCode, p.fieldName, LEVEL[p.level], p.competentAgency, ONLINE[p.onlineLevel],
      p.duration.amount, UNIT[p.duration.unit], yesNo(p.duration.sameDay), p.duration.extendedAmount ?? null,
      p.duration.extensionNote ?? null, yesNo(p.inForce),
    ]);
    for (const d of p.documents) {
      out.documents.push([ref, d.code, d.name, yesNo(d.required), d.originals, d.certifiedCopies, d.copies]);
    }
    for (const f of p.fees) {
      const tiers = f.tiers?.map((t) => `${t.fromPage}-${t.toPage ?? ''}:${t.pricePerPage}`).join('; ') ?? null;
      out.fees.push([ref, f.code, f.name, KIND[f.kind], f.amount ?? null, tiers, f.capPerCopy ?? null, f.note ?? null]);
    }
  }
  return out;
}

/** In-memory grids (header on row 1) as the workbook reader would produce them. */
export function procedureGrids(procedures: readonly Procedure[]): SheetGrid[] {
  const rows = procedureRows(procedures);
  const grid = (name: string, header: string[], body: Cell[][]): SheetGrid => ({
    name,
    rows: [header, ...body].map((cells, i) => ({ rowNumber: i + 1, cells })),
  });
  return [
    grid('ThuTuc', PROCEDURE_HEADERS, rows.procedures),
    grid('ThanhPhanHoSo', DOCUMENT_HEADERS, rows.documents),
    grid('PhiLePhi', FEE_HEADERS, rows.fees),
  ];
}
