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
import { renderApology, renderControlSheet, renderFeeReceipt, renderPostalHandover, renderReceipt, renderRefusal, renderSupplementRequest } from './pdf';
import { printPdf } from './print-adapter';
import { apologyData, controlSheetData, feeReceiptData, getOutcome, outcomeData, receiptData, supplementForDossier } from './form-mapper';
import { postalSlipData } from '../postal/postal-slip';

export interface PrintingSettings {
  /** OS printer name; empty = the default printer; `folder:<path>` = save the PDF into a (hot) folder. */
  printer: string;
  /** A different printer for some document types (e.g. receipts on the counter's A5 printer). */
  perForm: Partial<Record<string, string>>;
  receiptPaper: 'A4' | 'A5';
  /** SumatraPDF.exe on Windows; empty = next to the app. */
  sumatraPath: string;
}
export const DEFAULT_PRINTING: PrintingSettings = { printer: '', perForm: {}, receiptPaper: 'A4', sumatraPath: '' };

export function printingSettings(app: AppContext): PrintingSettings {
  return { ...DEFAULT_PRINTING, ...(getSetting<Partial<PrintingSettings>>(app.db, 'printing') ?? {}) };
}

/** SumatraPDF as configured, else the copy the installer ships in resources\vendor\SumatraPDF. */
export function sumatraPathFor(s: PrintingSettings): string | undefined {
  if (s.sumatraPath) return s.sumatraPath;
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const bundled = resources ? path.join(resources, 'vendor', 'SumatraPDF', 'SumatraPDF.exe') : null;
  return bundled && fs.existsSync(bundled) ? bundled : undefined;
}

/** pdfkit writes one `/Type /Page` object per page. */
export function countPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}

interface DocRow { id: string; subject_id: string; form: string; title: string; file: string; pages: number; bytes: number; created_at: string }

function view(app: AppContext, d: DocRow): PrintedDocumentView {
  const attempts = (app.db.prepare('SELECT at, printer, ok, message FROM print_attempts WHERE document_id = ? ORDER BY at, rowid').all(d.id) as { at: string; printer: string; ok: number; message: string | null }[]).map((a) => ({ ...a, ok: !!a.ok }));
  return { id: d.id, subjectId: d.subject_id, form: d.form, title: d.title, createdAt: d.created_at, pages: d.pages, bytes: d.bytes, attempts };
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
    default:
      throw new AppError('VALIDATION', `Chưa hỗ trợ in ${PRINTABLE_FORM_LABELS[form].toLowerCase()} cho hồ sơ đã tiếp nhận`);
  }
}

/**
 * Renders, archives and records a paper: the PDF goes into the data folder's archive (never lost with a
 * reprint), its row is written with an audit entry (prints of personal data are audited).
 */
export async function renderAndArchive(app: AppContext, caller: Caller, subjectId: string, form: PrintableForm, paper?: 'A4' | 'A5'): Promise<RenderedDocument> {
  const { pdf, title, code } = await renderForm(app, caller, subjectId, form, paper);
  const now = app.clock.now();
  const id = uuidv7();
  const dir = path.join(app.paths.archive, isoLocal(now).slice(0, 7), code.replace(/[^\w.-]/g, '_'));
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${form}-${id}.pdf`);
  // Write to a temp name then rename: a power cut never leaves a truncated PDF under the real name.
  fs.writeFileSync(`${file}.tmp`, pdf);
  fs.renameSync(`${file}.tmp`, file);
  const row: DocRow = { id, subject_id: subjectId, form, title, file: path.relative(app.paths.archive, file), pages: countPages(pdf), bytes: pdf.length, created_at: isoLocal(now) };
  mutate(app, caller, { action: 'print.render', entity: 'printed_document', entityId: id, detail: { form, subjectId } }, () => {
    app.db.prepare('INSERT INTO printed_documents (id, subject_id, form, title, file, pages, bytes, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(row.id, row.subject_id, row.form, row.title, row.file, row.pages, row.bytes, row.created_at, caller.username);
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
    const paper = d.form === 'receipt' ? s.receiptPaper : 'A4';
    const out = await printPdf({ platform: process.platform, printer: printer || null, paper, file, sumatraPath: sumatraPathFor(s) });
    ok = out.ok;
    if (!ok) msg = out.exitCode === null ? `Không chạy được chương trình in: ${out.stderr.slice(0, 300)}` : `Máy in báo lỗi (mã ${out.exitCode}): ${out.stderr.slice(0, 300)}`;
  }
  const label = printer || 'máy in mặc định';
  mutate(app, caller, { action: ok ? 'print.sent' : 'print.failed', entity: 'printed_document', entityId: d.id, detail: { form: d.form } }, () => {
    app.db.prepare('INSERT INTO print_attempts (document_id, at, printer, ok, message, actor) VALUES (?, ?, ?, ?, ?, ?)').run(d.id, isoLocal(app.clock.now()), label, ok ? 1 : 0, msg, caller.username);
  });
  return view(app, d);
}
