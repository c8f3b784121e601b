import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Db } from '../../../src/main/db/database';
import type { Procedure } from '../../../src/shared/catalog/procedure';

const ROOT = path.resolve(__dirname, '../../..');

/** The sample catalog as shipped (a fresh copy each call, so tests may modify it). */
export function sampleProcedures(): Procedure[] {
  const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'resources/catalog/sample-catalog.json'), 'utf8')) as { procedures: Procedure[] };
  return file.procedures;
}

export const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

/** Everything an import could change: the catalog tables and the audit log length. */
export function catalogSnapshot(db: Db) {
  return {
    procedures: db.prepare('SELECT * FROM procedures ORDER BY code').all(),
    counters: db.prepare('SELECT * FROM counter_procedures ORDER BY counter_number, procedure_code').all(),
    audit: (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n,
  };
}

export type SheetRows = Record<string, (string | number | boolean | null)[][]>;

/** An .xlsx workbook with the given sheets (first row = header), as a Buffer. */
export async function workbook(sheets: SheetRows): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const PROCEDURE_HEADER = [
  'Mã TTHC', 'Mã TTHC của tỉnh', 'Tên thủ tục', 'Mã lĩnh vực', 'Tên lĩnh vực', 'Cấp thực hiện', 'Cơ quan thực hiện',
  'Mức độ dịch vụ công', 'Thời hạn', 'Đơn vị thời hạn', 'Trong ngày', 'Thời hạn kéo dài', 'Ghi chú thời hạn', 'Còn hiệu lực',
];
export const DOCUMENT_HEADER = ['Mã TTHC', 'Mã giấy tờ', 'Tên giấy tờ', 'Bắt buộc', 'Bản chính', 'Bản chứng thực', 'Bản photo'];
export const FEE_HEADER = ['Mã TTHC', 'Mã phí', 'Tên phí, lệ phí', 'Cách tính', 'Mức thu', 'Bậc giá theo trang', 'Tối đa mỗi bản', 'Ghi chú'];

/** Local wall-clock instant in Vietnam, e.g. vn('2026-03-02', '08:00'). */
export const vn = (date: string, time = '00:00') => new Date(`${date}T${time}:00+07:00`);
