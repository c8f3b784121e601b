/** Printing: the receipt (Mẫu 01) rendered and archived; the tracking book of a month exported. */
import PDFDocument from 'pdfkit';
import { measure, nowMs } from '../lib/stats';
import { TARGETS, type BenchOp } from '../lib/types';
import { receivedToday } from './dossiers';

/** An empty pdfkit document, start to bytes: what any PDF costs before the first glyph. */
function emptyPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export const receiptOp: BenchOp = {
  name: 'receipt',
  label: 'printing.render receipt (dispatcher: data, PDF with QR and barcode, archive)',
  async run(ctx) {
    if (!ctx.core.handlers['printing.render' as keyof typeof ctx.core.handlers]) {
      return [{ name: 'receipt', label: this.label, skipped: 'printing.render is not wired yet' }];
    }
    const runs = ctx.quick ? 20 : 100;
    const ids = receivedToday.length
      ? receivedToday
      : (ctx.core.app.db.prepare("SELECT id FROM dossiers WHERE status = '2' ORDER BY rid DESC LIMIT 100").all() as { id: string }[]).map((r) => r.id);
    const token = ctx.tokens.clerks[7];
    let bytes = 0;
    const samples = await measure(runs, async (i) => {
      const doc = await ctx.call<{ bytes: number }>('printing.render', { subjectId: ids[Math.abs(i) % ids.length], form: 'receipt' }, token);
      bytes = doc.bytes;
    });
    const baseline = await measure(runs, () => emptyPdf());
    return [
      {
        name: 'receipt',
        label: this.label,
        samples,
        unit: 'ms',
        baseline: { label: 'an empty pdfkit document', samples: baseline },
        target: TARGETS.receipt,
        notes: [`A4, ${(bytes / 1024).toFixed(0)} KiB; first render after start is excluded (warm-up)`],
      },
    ];
  },
};

export const trackingBookOp: BenchOp = {
  name: 'tracking-book',
  label: 'reports.trackingBook of a month (PDF + XLSX, worker thread)',
  async run(ctx) {
    if (!ctx.core.handlers['reports.trackingBook' as keyof typeof ctx.core.handlers]) {
      return [{ name: 'tracking-book', label: this.label, skipped: 'reports.trackingBook is not wired yet' }];
    }
    // The last complete month of the history: a busy month's register.
    const to = ctx.manifest.to;
    const month = to.slice(0, 7);
    const input = { from: `${month}-01`, to };
    // One run: at 1,000,000 dossiers a month is ~17,000 rows, a long job by nature (it runs off the loop).
    const runs = 1;
    let rows = 0;
    let kib = 0;
    // The event loop stays free while the export runs: measure how late a 10 ms timer fires meanwhile.
    let worstLag = 0;
    let ticking = true;
    const tick = () => {
      const t = nowMs();
      setTimeout(() => {
        worstLag = Math.max(worstLag, nowMs() - t - 10);
        if (ticking) tick();
      }, 10);
    };
    tick();
    const samples = await measure(
      runs,
      async () => {
        const r = await ctx.call<{ rows: number; pdfBase64: string; xlsxBase64: string }>('reports.trackingBook', input, ctx.tokens.supervisor);
        rows = r.rows;
        kib = (r.pdfBase64.length + r.xlsxBase64.length) * 0.75 / 1024;
      },
      0,
    );
    ticking = false;
    return [
      {
        name: 'tracking-book',
        label: this.label,
        samples: samples.map((ms) => ms / 1000),
        unit: 's',
        notes: [`${input.from} … ${input.to}: ${rows} dossiers, ${kib.toFixed(0)} KiB (PDF + XLSX); worst event-loop delay meanwhile ${worstLag.toFixed(0)} ms`],
      },
    ];
  },
};
