/**
 * Layout of the spreadsheet catalog (XLSX): three sheets, a header row, then data rows.
 * Headers are matched ignoring case and diacritics. The same layout is documented for
 * administrators in docs/catalog-import.md; keep the two in step.
 */
import { foldVietnamese } from '../domain/text-fold';
import type { FeeTier } from './procedure';

/** A cell value after reading the workbook (formulas resolved, rich text flattened). */
export type Cell = string | number | boolean | null;

/** Result of reading one cell: a value (undefined = empty) or a Vietnamese error. */
export type CellParse = { ok: true; value: unknown } | { ok: false; error: string };

/** How one spreadsheet column maps to the model. */
export interface ColumnSpec {
  /** Header as printed in the template. */
  header: string;
  /** Target key in the procedure / document / fee object; `duration.x` nests; `procedure` is the link column. */
  key: string;
  /** Whether the header must be present (the cell may still be empty when the field is optional). */
  required: boolean;
  parse: (cell: Cell) => CellParse;
}

const okv = (value: unknown): CellParse => ({ ok: true, value });
const isEmpty = (c: Cell): boolean => c === null || (typeof c === 'string' && c.trim() === '');

/** Text cell; numbers are written back as text. */
export const textCell = (c: Cell): CellParse => (isEmpty(c) ? okv(undefined) : okv(String(c).trim()));

/**
 * Procedure-code cell. Excel turns `1.000890` typed in a General cell into the number
 * 1.00089, losing the trailing zero; six decimals restore it.
 */
export const procedureCodeCell = (c: Cell): CellParse =>
  typeof c === 'number' && c > 0 && c < 10 ? okv(c.toFixed(6)) : textCell(c);

/** Number cell; accepts Vietnamese digit grouping (`200.000`), a decimal comma, and a trailing `đ`. */
export function numberCell(c: Cell): CellParse {
  if (isEmpty(c)) return okv(undefined);
  if (typeof c === 'number') return okv(c);
  const s = String(c).trim().replace(/\s*(đồng|đ|vnd|vnđ)$/i, '').replace(/\s+/g, '');
  if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) return okv(Number(s.replace(/\./g, '')));
  if (/^-?\d+([.,]\d+)?$/.test(s)) return okv(Number(s.replace(',', '.')));
  return { ok: false, error: `Phải là số, nhận được "${String(c)}".` };
}

const TRUE_WORDS = new Set(['co', 'x', '1', 'true', 'yes', 'dung', 'c']);
const FALSE_WORDS = new Set(['khong', '0', 'false', 'no', 'sai', 'k']);

/** Yes/no cell (`Có`/`Không`, `x`, `1`/`0`, TRUE/FALSE); `fallback` when empty. */
export const booleanCell =
  (fallback: boolean) =>
  (c: Cell): CellParse => {
    if (isEmpty(c)) return okv(fallback);
    if (typeof c === 'boolean') return okv(c);
    const f = foldVietnamese(String(c));
    if (TRUE_WORDS.has(f)) return okv(true);
    if (FALSE_WORDS.has(f)) return okv(false);
    return { ok: false, error: `Dùng "Có" hoặc "Không", nhận được "${String(c)}".` };
  };

/** Yes/no cell that stays empty (undefined) when empty. */
export const optionalBooleanCell = (c: Cell): CellParse => (isEmpty(c) ? okv(undefined) : booleanCell(false)(c));

/** Number cell defaulting to `fallback` when empty (document quantities). */
export const countCell =
  (fallback: number) =>
  (c: Cell): CellParse =>
    isEmpty(c) ? okv(fallback) : numberCell(c);

/** Cell holding one of a few labels; each code lists its accepted spellings (first one shown to users). */
export const choiceCell =
  (choices: Record<string, readonly string[]>) =>
  (c: Cell): CellParse => {
    if (isEmpty(c)) return okv(undefined);
    const f = foldVietnamese(String(c));
    for (const [code, labels] of Object.entries(choices)) {
      if (foldVietnamese(code) === f || labels.some((l) => foldVietnamese(l) === f)) return okv(code);
    }
    const shown = Object.values(choices).map((l) => `"${l[0]}"`).join(', ');
    return { ok: false, error: `Giá trị "${String(c)}" không hợp lệ; dùng một trong: ${shown}.` };
  };

/**
 * Page tiers written as `1-2:2000; 3-:1000` (from–to: price per page; an empty "to" means
 * every page after). Prices may use digit grouping (`2.000`).
 */
export function tiersCell(c: Cell): CellParse {
  if (isEmpty(c)) return okv(undefined);
  const tiers: FeeTier[] = [];
  for (const part of String(c).split(/[;\n]/).map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^(\d+)\s*-\s*(\d*)\s*:\s*([\d.]+)\s*(đồng|đ)?$/i.exec(part);
    const price = m ? numberCell(m[3]) : null;
    if (!m || !price?.ok) {
      return { ok: false, error: `Bậc giá "${part}" không đúng dạng "từ-đến:giá" (ví dụ "1-2:2000; 3-:1000").` };
    }
    tiers.push({ fromPage: Number(m[1]), toPage: m[2] === '' ? null : Number(m[2]), pricePerPage: price.value as number });
  }
  return okv(tiers);
}

const LEVELS = { TINH: ['Cấp tỉnh', 'Tỉnh'], XA: ['Cấp xã', 'Xã'] };
const ONLINE = { TOANTRINH: ['Toàn trình'], MOTPHAN: ['Một phần'], TTIN: ['Cung cấp thông tin', 'Thông tin'] };
const UNITS = {
  WORKING_DAYS: ['Ngày làm việc', 'NGAYLAMVIEC'],
  CALENDAR_DAYS: ['Ngày', 'NGAY'],
  HOURS: ['Giờ làm việc', 'Giờ', 'GIO'],
};
const FEE_KINDS = {
  FIXED: ['Cố định', 'Theo trường hợp'],
  FREE: ['Miễn', 'Miễn phí', 'Không thu'],
  PER_COPY: ['Theo bản'],
  PER_PAGE_TIERED: ['Theo trang'],
};

const col = (header: string, key: string, required: boolean, parse: ColumnSpec['parse']): ColumnSpec => ({
  header,
  key,
  required,
  parse,
});

/** Sheet names of the workbook. */
export const PROCEDURE_SHEET = 'ThuTuc';
export const DOCUMENT_SHEET = 'ThanhPhanHoSo';
export const FEE_SHEET = 'PhiLePhi';
/** Optional sheet of cases (trường hợp); document and fee rows name their case in "Mã trường hợp". */
export const VARIANT_SHEET = 'TruongHop';

/** Columns of each sheet, in template order. */
export const CATALOG_SHEET_COLUMNS: Readonly<Record<string, readonly ColumnSpec[]>> = {
  [PROCEDURE_SHEET]: [
    col('Mã TTHC', 'code', true, procedureCodeCell),
    col('Mã TTHC của tỉnh', 'localCode', false, textCell),
    col('Tên thủ tục', 'name', true, textCell),
    col('Mã lĩnh vực', 'fieldCode', true, textCell),
    col('Tên lĩnh vực', 'fieldName', true, textCell),
    col('Cấp thực hiện', 'level', true, choiceCell(LEVELS)),
    col('Cơ quan thực hiện', 'competentAgency', true, textCell),
    col('Mức độ dịch vụ công', 'onlineLevel', true, choiceCell(ONLINE)),
    col('Thời hạn', 'duration.amount', true, countCell(0)),
    col('Đơn vị thời hạn', 'duration.unit', true, choiceCell(UNITS)),
    col('Trong ngày', 'duration.sameDay', true, booleanCell(false)),
    col('Thời hạn kéo dài', 'duration.extendedAmount', false, numberCell),
    col('Ghi chú thời hạn', 'duration.extensionNote', false, textCell),
    col('Còn hiệu lực', 'inForce', false, booleanCell(true)),
  ],
  [DOCUMENT_SHEET]: [
    col('Mã TTHC', 'procedure', true, procedureCodeCell),
    col('Mã giấy tờ', 'code', true, textCell),
    col('Tên giấy tờ', 'name', true, textCell),
    col('Bắt buộc', 'required', true, booleanCell(true)),
    col('Bản chính', 'originals', true, countCell(0)),
    col('Bản chứng thực', 'certifiedCopies', true, countCell(0)),
    col('Bản photo', 'copies', true, countCell(0)),
    col('Mã trường hợp', 'variant', false, textCell),
  ],
  [FEE_SHEET]: [
    col('Mã TTHC', 'procedure', true, procedureCodeCell),
    col('Mã phí', 'code', true, textCell),
    col('Tên phí, lệ phí', 'name', true, textCell),
    col('Cách tính', 'kind', true, choiceCell(FEE_KINDS)),
    col('Mức thu', 'amount', true, numberCell),
    col('Bậc giá theo trang', 'tiers', false, tiersCell),
    col('Tối đa mỗi bản', 'capPerCopy', false, numberCell),
    col('Ghi chú', 'note', false, textCell),
    col('Nhóm loại trừ', 'group', false, textCell),
    col('Mặc định', 'isDefault', false, optionalBooleanCell),
    col('Mã trường hợp', 'variant', false, textCell),
  ],
  [VARIANT_SHEET]: [
    col('Mã TTHC', 'procedure', true, procedureCodeCell),
    col('Mã trường hợp', 'code', true, textCell),
    col('Tên trường hợp', 'name', true, textCell),
    col('Mặc định', 'isDefault', false, optionalBooleanCell),
    col('Thời hạn', 'duration.amount', false, numberCell),
    col('Đơn vị thời hạn', 'duration.unit', false, choiceCell(UNITS)),
    col('Trong ngày', 'duration.sameDay', false, optionalBooleanCell),
    col('Thời hạn kéo dài', 'duration.extendedAmount', false, numberCell),
    col('Ghi chú thời hạn', 'duration.extensionNote', false, textCell),
    col('Cơ quan thực hiện', 'competentAgency', false, textCell),
  ],
};
