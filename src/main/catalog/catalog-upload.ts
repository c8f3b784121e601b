/**
 * A catalog file sent by the administrator's screen (base64 content + file name): written to a
 * private temp folder so the one file reader (catalog-file.ts) handles JSON and XLSX alike,
 * validated as a whole, and merged only when every row is valid.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AppContext, Caller } from '../app/app-context';
import type { CatalogImportOutcome } from '../../shared/api/catalog-contract';
import { readCatalogFile } from './catalog-file';
import { applyImportedProcedures, duplicateCodeProblems } from './catalog-service';

const ALLOWED = new Set(['.json', '.xlsx']);

export async function importCatalogUpload(app: AppContext, caller: Caller, input: { fileName: string; contentBase64: string }): Promise<CatalogImportOutcome> {
  const fileName = path.basename(input.fileName.replace(/\\/g, '/'));
  const ext = path.extname(fileName).toLowerCase();
  if (!ALLOWED.has(ext)) {
    const message = `Chỉ nhận tệp danh mục .json hoặc .xlsx, không nhận "${ext || 'tệp không có phần mở rộng'}".`;
    return { accepted: false, fileName, errors: [{ row: 0, field: '', message }] };
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-catalog-'));
  try {
    // The name inside the folder is fixed: only the extension comes from the user.
    const file = path.join(dir, `danh-muc${ext}`);
    await fs.writeFile(file, Buffer.from(input.contentBase64, 'base64'));
    const read = await readCatalogFile(file);
    if (!read.ok) return { accepted: false, fileName, errors: read.errors };
    const duplicates = duplicateCodeProblems(read.procedures);
    if (duplicates.length > 0) return { accepted: false, fileName, errors: duplicates };
    return { accepted: true, fileName, ...applyImportedProcedures(app, caller, read.procedures, fileName) };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
