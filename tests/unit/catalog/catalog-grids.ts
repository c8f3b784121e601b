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
export const DOCUMENT_HEADERS = ['Mã TTHC', 'Mã giấy tờ', 'Tên giấy tờ', 'Bắt buộc', 'Bản chính', 'Bản chứng thực', 'Bản photo', 'Mã trường hợp'];
export const FEE_HEADERS = [
  'Mã TTHC', 'Mã phí', 'Tên phí, lệ phí', 'Cách tính', 'Mức thu', 'Bậc giá theo trang', 'Tối đa mỗi bản', 'Ghi chú',
  'Nhóm loại trừ', 'Mặc định', 'Mã trường hợp',
];
export const VARIANT_HEADERS = [
  'Mã TTHC', 'Mã trường hợp', 'Tên trường hợp', 'Mặc định', 'Thời hạn', 'Đơn vị thời hạn', 'Trong ngày', 'Thời hạn kéo dài',
  'Ghi chú thời hạn', 'Cơ quan thực hiện',
];

const LEVEL = { TINH: 'Cấp tỉnh', XA: 'Cấp xã' };
const ONLINE = { TOANTRINH: 'Toàn trình', MOTPHAN: 'Một phần', TTIN: 'Cung cấp thông tin' };
const UNIT = { WORKING_DAYS: 'Ngày làm việc', CALENDAR_DAYS: 'Ngày', HOURS: 'Giờ làm việc' };
const KIND = { FIXED: 'Cố định', FREE: 'Miễn', PER_COPY: 'Theo bản', PER_PAGE_TIERED: 'Theo trang' };
const yesNo = (b: boolean) => (b ? 'Có' : 'Không');

/** Rows (without header) of the three sheets for the given procedures. */
export function procedureRows(procedures: readonly Procedure[]): { procedures: Cell[][]; documents: Cell[][]; fees: Cell[][]; variants: Cell[][] } {
  const out = { procedures: [] as Cell[][], documents: [] as Cell[][], fees: [] as Cell[][], variants: [] as Cell[][] };
  const variantDocs: Cell[][] = [];
  const variantFees: Cell[][] = [];
  const docRow = (ref: string, d: Procedure['documents'][number], variant: string | null): Cell[] =>
    [ref, d.code, d.name, yesNo(d.required), d.originals, d.certifiedCopies, d.copies, variant];
  const feeRow = (ref: string, f: Procedure['fees'][number], variant: string | null): Cell[] => {
    const tiers = f.tiers?.map((t) => `${t.fromPage}-${t.toPage ?? ''}:${t.pricePerPage}`).join('; ') ?? null;
    return [ref, f.code, f.name, KIND[f.kind], f.amount ?? null, tiers, f.capPerCopy ?? null, f.note ?? null,
      f.group ?? null, f.isDefault === undefined ? null : yesNo(f.isDefault), variant];
  };
  for (const p of procedures) {
    const ref = p.localCode ?? p.code;
    out.procedures.push([
      p.code, p.localCode ?? null, p.name, p.fieldCode, p.fieldName, LEVEL[p.level], p.competentAgency, ONLINE[p.onlineLevel],
      p.duration.amount, UNIT[p.duration.unit], yesNo(p.duration.sameDay), p.duration.extendedAmount ?? null,
      p.duration.extensionNote ?? null, yesNo(p.inForce),
    ]);
    for (const d of p.documents) out.documents.push(docRow(ref, d, null));
    for (const f of p.fees) out.fees.push(feeRow(ref, f, null));
    for (const v of p.variants ?? []) {
      const d = v.duration;
      out.variants.push([
        ref, v.code, v.name, v.isDefault === undefined ? null : yesNo(v.isDefault), d?.amount ?? null, d ? UNIT[d.unit] : null,
        d ? yesNo(d.sameDay) : null, d?.extendedAmount ?? null, d?.extensionNote ?? null, v.competentAgency ?? null,
      ]);
      // Rows of a case come after every procedure's own rows (tests index the own rows by position).
      for (const x of v.documents ?? []) variantDocs.push(docRow(ref, x, v.code));
      for (const f of v.fees ?? []) variantFees.push(feeRow(ref, f, v.code));
    }
  }
  out.documents.push(...variantDocs);
  out.fees.push(...variantFees);
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
    grid('TruongHop', VARIANT_HEADERS, rows.variants),
  ];
}
