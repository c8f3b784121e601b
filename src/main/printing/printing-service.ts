import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import { mutate } from '../audit/audit-log';
import { getSetting } from '../settings/settings-store';
import { getRowById } from '../dossiers/dossier-repo';
import { PRINTABLE_FORM_LABELS, type PrintableForm, type PrintedDocumentView, type RenderedDocument } from '../../shared/api/printing-contract';
import { formLabel, type FormKind } from '../../shared/printing/form-sets';
import { renderApology, renderControlSheet, renderFeeReceipt, renderPostalHandover, renderReceipt, renderRefusal, renderStopNotice, renderSupplementRequest } from './pdf';
import { appendCopyMark } from './pdf/copy-mark';
import { printPdf } from './print-adapter';
import { controlSheetData } from './control-sheet-data';
import { apologyData, feeReceiptData, getOutcome, issuedStep, outcomeData, receiptData, stopNoticeData, supplementForDossier } from './form-mapper';
import { formatFormDate, formatShortDateTime } from '../../shared/printing/form-time';
import { postalSlipData } from '../postal/postal-slip';

export interface PrintingSettings {
  /** OS printer name; empty = the default printer; `folder:<path>` = save the PDF into a (hot) folder. */
  printer: string;
  /** A different printer for some document types (e.g. receipts on the counter's A5 printer). */
  perForm: Partial<Record<string, string>>;
  receiptPaper: 'A4' | 'A5';
  /** SumatraPDF.exe on Windows; empty = next to the app. Only settable from the host PC itself. */
  sumatraPath: string;
  /** SHA-256 (hex) of sumatraPath's file when the administrator approved it; checked before every spawn. */
  sumatraSha256: string;
}
export const DEFAULT_PRINTING: PrintingSettings = { printer: '', perForm: {}, receiptPaper: 'A4', sumatraPath: '', sumatraSha256: '' };

/** The platform prints are sent for; a test sets 'win32' to drive the SumatraPDF path on Linux. */
export const printingHost: { platform: NodeJS.Platform } = { platform: process.platform };

export function printingSettings(app: AppContext): PrintingSettings {
  return { ...DEFAULT_PRINTING, ...(getSetting<Partial<PrintingSettings>>(app.db, 'printing') ?? {}) };
}

export function fileSha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * The SumatraPDF to run: an administrator-approved path only if its file still has the SHA-256 recorded at
 * approval (a swapped program is refused, not run), else the copy the installer ships in
 * resources\vendor\SumatraPDF (inside the install folder, which only an administrator of the PC can change).
 */
export function sumatraPathFor(s: PrintingSettings): string | undefined {
  if (s.sumatraPath) {
    let actual: string;
    try {
      actual = fileSha256(s.sumatraPath);
    } catch {
      throw new AppError('VALIDATION', `Không đọc được SumatraPDF tại ${s.sumatraPath.slice(0, 200)}: quản trị cần đặt lại đường dẫn trên máy chủ.`);
    }
    if (!s.sumatraSha256 || actual !== s.sumatraSha256) {
      throw new AppError('VALIDATION', `Tệp SumatraPDF tại ${s.sumatraPath.slice(0, 200)} đã thay đổi so với bản quản trị đã duyệt (mã SHA-256 khác): không chạy. Quản trị cần duyệt lại trên máy chủ.`);
    }
    return s.sumatraPath;
  }
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const bundled = resources ? path.join(resources, 'vendor', 'SumatraPDF', 'SumatraPDF.exe') : null;
  return bundled && fs.existsSync(bundled) ? bundled : undefined;
}

/** The printers an administrator configured: the shared one and the per-document ones (empty = OS default). */
export function configuredPrinters(s: PrintingSettings): Set<string> {
  return new Set([s.printer, ...Object.values(s.perForm)].filter((p): p is string => typeof p === 'string'));
}

/** pdfkit writes one `/Type /Page` object per page (a reprint's update rewrites them, so count once per object number). */
export function countPages(pdf: Buffer): number {
  return new Set([...pdf.toString('latin1').matchAll(/(\d+) 0 obj\s*<<\s*\/Type\s*\/Page\b/g)].map((m) => m[1])).size;
}

/** The receipt is archived on the paper it was issued on: send it to the printer on that paper. */
function pdfIsA5(file: string): boolean {
  return /\/MediaBox \[0 0 419\.53 595\.28\]/.test(fs.readFileSync(file).toString('latin1'));
}

interface DocRow { id: string; subject_id: string; form: string; title: string; file: string; pages: number; bytes: number; created_at: string; issue_key: string | null; original_id: string | null }

function view(app: AppContext, d: DocRow): PrintedDocumentView {
  const attempts = (app.db.prepare('SELECT at, printer, ok, message FROM print_attempts WHERE document_id = ? ORDER BY at, rowid').all(d.id) as { at: string; printer: string; ok: number; message: string | null }[]).map((a) => ({ ...a, ok: !!a.ok }));
  return { id: d.id, subjectId: d.subject_id, form: d.form, title: d.title, createdAt: d.created_at, pages: d.pages, bytes: d.bytes, originalId: d.original_id ?? null, attempts };
}

const FORM_KIND: Partial<Record<PrintableForm, FormKind>> = { receipt: 'receipt', supplementRequest: 'supplementRequest', refusal: 'refusal', apology: 'apology', controlSheet: 'controlSheet', stopNotice: 'stopNotice' };

/** Renders a form for a dossier (or an intake outcome, or a postal hand-over) from the stored data. */
async function renderForm(app: AppContext, caller: Caller, subjectId: string, form: PrintableForm, paper?: 'A4' | 'A5'): Promise<{ pdf: Buffer; title: string; code: string }> {
  const now = isoLocal(app.clock.now());
  if (form === 'postalHandover') {
    // The subject is a postal hand-over: the slip lists every item handed over, from the stored rows.
    const slip = postalSlipData(app, subjectId);
    return { pdf: await renderPostalHandover(slip.data), title: slip.title, code: slip.number };
  }
  const outcome = getOutcome(app, subjectId);
  if (outcome) {
    const o = outcomeData(app, outcome);
    if (o.form !== form) throw new AppError('VALIDATION', `Lần phục vụ này chỉ in được ${PRINTABLE_FORM_LABELS[o.form].toLowerCase()}`);
    const pdf = o.form === 'refusal' ? await renderRefusal(o.data) : await renderSupplementRequest(o.data);
    return { pdf, title: formLabel(outcome.form_set, o.form), code: outcome.id };
  }
  const r = getRowById(app.db, subjectId);
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ');
  const kind = FORM_KIND[form];
  const title = kind ? formLabel(r.form_set, kind) : PRINTABLE_FORM_LABELS[form];
  switch (form) {
    case 'receipt':
      return { pdf: await renderReceipt(receiptData(app, r), { paper: paper ?? printingSettings(app).receiptPaper }), title, code: r.code };
    case 'controlSheet':
      return { pdf: await renderControlSheet(controlSheetData(app, r)), title, code: r.code };
    case 'apology':
      return { pdf: await renderApology(apologyData(app, r, now)), title, code: r.code };
    case 'feeReceipt':
      return { pdf: await renderFeeReceipt(feeReceiptData(app, r, now, caller.fullName ?? r.clerk_name ?? '')), title, code: r.code };
    case 'supplementRequest':
      return { pdf: await renderSupplementRequest(supplementForDossier(app, r, now)), title, code: r.code };
    case 'stopNotice': {
      const data = stopNoticeData(app, r, now);
      return { pdf: await renderStopNotice(data), title: formLabel(data.formSet, 'stopNotice'), code: r.code };
    }
    default:
      throw new AppError('VALIDATION', `Chưa hỗ trợ in ${PRINTABLE_FORM_LABELS[form].toLowerCase()} cho hồ sơ đã tiếp nhận`);
  }
}

/**
 * What a paper is issued for, so that it is issued once: the receipt of a dossier, the Mẫu 02 of one
 * supplement round, the apology of one extension, the stop notice of the stop, a postal slip, an intake
 * outcome. Null for the control sheet, a working paper drawn afresh with the hand-overs so far.
 */
function issueKey(app: AppContext, subjectId: string, form: PrintableForm): string | null {
  if (form === 'controlSheet') return null;
  if (form === 'postalHandover') return 'slip';
  if (getOutcome(app, subjectId)) return 'outcome';
  const r = getRowById(app.db, subjectId);
  if (!r) return null; // renderForm says "not found"
  switch (form) {
    case 'receipt':
      return 'receipt';
    case 'supplementRequest':
      return `supplement:${issuedStep(app, r, 'requestSupplement')?.id ?? 'none'}`;
    case 'apology':
      return `apology:${issuedStep(app, r, 'extend')?.id ?? 'none'}`;
    case 'stopNotice':
      return `stop:${issuedStep(app, r, 'stop')?.id ?? 'none'}`;
    default:
      return null;
  }
}

function issuedOriginal(app: AppContext, subjectId: string, form: string, key: string): DocRow | undefined {
  return app.db.prepare('SELECT * FROM printed_documents WHERE subject_id = ? AND form = ? AND issue_key = ? AND original_id IS NULL').get(subjectId, form, key) as DocRow | undefined;
}

/** Writes a PDF into the archive under a temp name then renames it: a power cut never leaves a truncated file. */
function archiveFile(app: AppContext, code: string, name: string, pdf: Buffer): string {
  const dir = path.join(app.paths.archive, isoLocal(app.clock.now()).slice(0, 7), code.replace(/[^\w.-]/g, '_'));
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(`${file}.tmp`, pdf);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

/**
 * Issues a paper: renders it, archives the PDF in the data folder and records it with an audit entry (prints
 * of personal data are audited). A paper already issued for the same purpose is not drawn again: its archived
 * original is returned, so a second "print" can never restate facts with today's data or date.
 */
export async function renderAndArchive(app: AppContext, caller: Caller, subjectId: string, form: PrintableForm, paper?: 'A4' | 'A5'): Promise<RenderedDocument> {
  const key = issueKey(app, subjectId, form);
  const issued = key ? issuedOriginal(app, subjectId, form, key) : undefined;
  if (issued) return getDocument(app, issued.id);
  const { pdf, title, code } = await renderForm(app, caller, subjectId, form, paper);
  const id = uuidv7();
  const file = archiveFile(app, code, `${form}-${id}.pdf`, pdf);
  const row: DocRow = { id, subject_id: subjectId, form, title, file: path.relative(app.paths.archive, file), pages: countPages(pdf), bytes: pdf.length, created_at: isoLocal(app.clock.now()), issue_key: key, original_id: null };
  const raced = mutate(app, caller, { action: 'print.render', entity: 'printed_document', entityId: id, detail: { form, subjectId } }, () => {
    // Two counters asking at once: the first to commit issues the paper, the other gets that original.
    const first = key ? issuedOriginal(app, subjectId, form, key) : undefined;
    if (first) return first;
    app.db.prepare('INSERT INTO printed_documents (id, subject_id, form, title, file, pages, bytes, created_at, created_by, issue_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(row.id, row.subject_id, row.form, row.title, row.file, row.pages, row.bytes, row.created_at, caller.username, key);
    return null;
  });
  if (raced) {
    fs.rmSync(file, { force: true });
    return getDocument(app, raced.id);
  }
  return { ...view(app, row), pdfBase64: pdf.toString('base64') };
}

/**
 * A reprint: the archived original's bytes with a "BẢN SAO" mark appended (see copy-mark), archived and
 * recorded like any paper. A reprint of a reprint copies the same original.
 */
export function reprintDocument(app: AppContext, caller: Caller, documentId: string): RenderedDocument {
  const asked = requireDoc(app, documentId);
  const original = asked.original_id ? requireDoc(app, asked.original_id) : asked;
  const source = path.join(app.paths.archive, original.file);
  if (!fs.existsSync(source)) throw new AppError('NOT_FOUND', 'Tệp PDF lưu trữ của bản gốc không còn trong thư mục dữ liệu: không in lại được.');
  const now = isoLocal(app.clock.now());
  const pdf = appendCopyMark(fs.readFileSync(source), {
    title: 'BẢN SAO',
    detail: `In lại ${formatShortDateTime(now)} từ bản lưu gốc lập ngày ${formatFormDate(original.created_at)}`,
  });
  const id = uuidv7();
  const file = archiveFile(app, path.basename(path.dirname(source)), `${original.form}-${id}-ban-sao.pdf`, pdf);
  const row: DocRow = { id, subject_id: original.subject_id, form: original.form, title: `${original.title} (bản sao)`, file: path.relative(app.paths.archive, file), pages: original.pages, bytes: pdf.length, created_at: now, issue_key: original.issue_key, original_id: original.id };
  mutate(app, caller, { action: 'print.reprint', entity: 'printed_document', entityId: id, detail: { form: original.form, originalId: original.id } }, () => {
    app.db.prepare('INSERT INTO printed_documents (id, subject_id, form, title, file, pages, bytes, created_at, created_by, issue_key, original_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(row.id, row.subject_id, row.form, row.title, row.file, row.pages, row.bytes, row.created_at, caller.username, row.issue_key, row.original_id);
  });
  return { ...view(app, row), pdfBase64: pdf.toString('base64') };
}

function requireDoc(app: AppContext, id: string): DocRow {
  const d = app.db.prepare('SELECT * FROM printed_documents WHERE id = ?').get(id) as DocRow | undefined;
  if (!d) throw new AppError('NOT_FOUND', 'Không tìm thấy bản in');
  return d;
}

export function getDocument(app: AppContext, id: string): RenderedDocument {
  const d = requireDoc(app, id);
  const file = path.join(app.paths.archive, d.file);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', 'Tệp PDF lưu trữ không còn trong thư mục dữ liệu');
  return { ...view(app, d), pdfBase64: fs.readFileSync(file).toString('base64') };
}

export function history(app: AppContext, subjectId: string): PrintedDocumentView[] {
  return (app.db.prepare('SELECT * FROM printed_documents WHERE subject_id = ? ORDER BY created_at DESC, rowid DESC').all(subjectId) as DocRow[]).map((d) => view(app, d));
}

/** Sends an archived PDF to the configured printer and records the attempt, whatever its outcome. */
export async function sendToPrinter(app: AppContext, caller: Caller, documentId: string, printerOverride?: string): Promise<PrintedDocumentView> {
  const d = requireDoc(app, documentId);
  const s = printingSettings(app);
  // A clerk may choose among the administrator's printers, never name one: a `folder:` or UNC target of their
  // own would copy personal data anywhere (and make the host authenticate to a foreign share).
  if (printerOverride !== undefined && !configuredPrinters(s).has(printerOverride)) {
    throw new AppError('VALIDATION', 'Máy in không có trong danh sách máy in do quản trị cấu hình', { printer: 'Chọn một máy in trong danh sách máy in do quản trị cấu hình' });
  }
  const printer = printerOverride ?? (s.perForm[d.form] || s.printer);
  const file = path.join(app.paths.archive, d.file);
  let ok: boolean;
  let msg: string | null = null;
  if (printer.startsWith('folder:')) {
    const target = printer.slice('folder:'.length);
    try {
      fs.mkdirSync(target, { recursive: true });
      fs.copyFileSync(file, path.join(target, path.basename(file)));
      ok = true;
    } catch (e) {
      ok = false;
      msg = `Không ghi được vào thư mục in ${target}: ${(e as Error).message}`;
    }
  } else {
    const paper = d.form === 'receipt' ? (pdfIsA5(file) ? 'A5' : 'A4') : 'A4';
    const platform = printingHost.platform;
    let sumatraPath: string | undefined;
    let refused: string | null = null;
    try {
      sumatraPath = platform === 'win32' ? sumatraPathFor(s) : undefined;
    } catch (e) {
      refused = (e as Error).message;
    }
    if (refused) {
      ok = false;
      msg = refused;
    } else {
      const out = await printPdf({ platform, printer: printer || null, paper, file, sumatraPath });
      ok = out.ok;
      if (!ok) msg = out.exitCode === null ? `Không chạy được chương trình in: ${out.stderr.slice(0, 300)}` : `Máy in báo lỗi (mã ${out.exitCode}): ${out.stderr.slice(0, 300)}`;
    }
  }
  const label = printer || 'máy in mặc định';
  mutate(app, caller, { action: ok ? 'print.sent' : 'print.failed', entity: 'printed_document', entityId: d.id, detail: { form: d.form } }, () => {
    app.db.prepare('INSERT INTO print_attempts (document_id, at, printer, ok, message, actor) VALUES (?, ?, ?, ?, ?, ?)').run(d.id, isoLocal(app.clock.now()), label, ok ? 1 : 0, msg, caller.username);
  });
  return view(app, d);
}
