/**
 * `npm run bench [-- options]`: the performance budget of the architecture guide, measured.
 *
 *   --size N      dossiers in the generated installation (default 1,000,000)
 *   --data DIR    use (or generate into) this data folder; by default a folder under the system
 *                 temp dir named after size and seed, generated once and reused by later runs
 *   --seed S      generator seed (default 1)
 *   --only a,b    run only these operations (intake, search, list, detail, ticket, call-next,
 *                 receipt, tracking-book, push, server)
 *   --quick       smoke run: 20,000 dossiers unless --size is given, few runs per operation
 *   --strict      exit with status 2 when a target is missed
 *
 * Each operation prints runs, p50/p95/p99, its raw baseline measured in the same run and the
 * ratio between them, and the target with PASS/FAIL; bench/results/latest.{json,md} keep them.
 * The benchmark acts on the generated folder: it adds a day of intakes, tickets and prints.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset, readManifest, type Manifest } from './generate';
import { collectGarbage } from './lib/stats';
import { machine, printTable, toRow, writeReport, type Row } from './lib/report';
import type { BenchOp, OpResult, Skipped } from './lib/types';
import { openBench } from './ops/context';
import { detailOp, intakeOp, listOp, searchOp } from './ops/dossiers';
import { callNextOp, ticketOp } from './ops/queue';
import { receiptOp, trackingBookOp } from './ops/printing';
import { pushOp } from './ops/sync';
import { serverOp } from './ops/server';

const OPS: BenchOp[] = [intakeOp, searchOp, listOp, detailOp, ticketOp, callNextOp, receiptOp, trackingBookOp, pushOp, serverOp];

async function ensureData(dir: string, size: number, seed: number, log: (l: string) => void): Promise<Manifest> {
  const manifestFile = path.join(dir, 'bench-manifest.json');
  if (fs.existsSync(manifestFile)) {
    const m = readManifest(dir);
    log(`using ${dir}: ${m.size.toLocaleString('en')} dossiers, seed ${m.seed} (${m.from} … ${m.to})`);
    return m;
  }
  log(`generating ${size.toLocaleString('en')} dossiers into ${dir} (seed ${seed})…`);
  const m = await generateDataset({ out: dir, size, seed, force: true, log });
  log(`generated in ${m.seconds.total.toFixed(0)} s, ${(m.fileBytes / 1e9).toFixed(2)} GB`);
  return m;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string' },
      data: { type: 'string' },
      seed: { type: 'string', default: '1' },
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const log = (l: string) => console.log(l);
  const quick = values.quick;
  const size = Number(values.size ?? (quick ? 20_000 : 1_000_000));
  const seed = Number(values.seed);
  if (!Number.isInteger(size) || size < 1000) throw new Error(`--size must be an integer ≥ 1000: ${values.size}`);
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
  if (only) for (const name of only) if (!OPS.some((o) => o.name === name)) throw new Error(`unknown operation "${name}" (known: ${OPS.map((o) => o.name).join(', ')})`);
  const dataDir = path.resolve(values.data ?? path.join(os.tmpdir(), `motcua-bench-${size}-s${seed}`));
  const outDir = path.resolve(values.out ?? path.join(__dirname, '../../bench/results'));

  const started = new Date();
  const t0 = performance.now();
  const mach = machine();
  const manifest = await ensureData(dataDir, size, seed, log);
  const ctx = await openBench(dataDir, manifest, quick, log);
  log(`benchmark day ${ctx.day}; ${mach.nproc} CPUs, load average ${mach.loadavg.join(' / ')}`);

  const results: OpResult[] = [];
  const skipped: Skipped[] = [];
  let crashed = false;
  try {
    for (const op of OPS) {
      if (only && !only.has(op.name)) continue;
      collectGarbage();
      log(`… ${op.name}: ${op.label}`);
      try {
        for (const r of await op.run(ctx)) {
          if ('skipped' in r) skipped.push(r);
          else {
            results.push(r);
            const row = toRow(r);
            log(`    ${r.name}: p50 ${row.summary.p50.toFixed(2)} p95 ${row.summary.p95.toFixed(2)} ${r.unit}${row.target ? ` (${row.target.pass ? 'PASS' : 'FAIL'})` : ''}`);
          }
        }
      } catch (e) {
        crashed = true;
        const message = e instanceof Error ? e.message : String(e);
        log(`    ${op.name} failed: ${e instanceof Error ? e.stack : message}`);
        skipped.push({ name: op.name, label: op.label, skipped: `failed: ${message.slice(0, 300)}` });
      }
    }
  } finally {
    ctx.core.close();
  }

  const rows: Row[] = results.map(toRow);
  log('');
  printTable(rows, skipped, log);
  const { json, md } = writeReport(outDir, {
    startedAt: started.toISOString(),
    seconds: (performance.now() - t0) / 1000,
    machine: { ...mach, loadavgEnd: machine().loadavg },
    dataset: { dir: dataDir, size: manifest.size, seed: manifest.seed, from: manifest.from, to: manifest.to, fileBytes: fs.statSync(path.join(dataDir, 'motcua.sqlite')).size, counts: manifest.counts, generatedInSeconds: manifest.seconds },
    benchDay: ctx.day,
    options: { quick, only: values.only ?? null },
    rows,
    skipped,
    samples: Object.fromEntries(results.map((r) => [r.name, { samples: r.samples, ...(r.baseline ? { baseline: r.baseline.samples } : {}) }])),
  });
  log(`\nwritten ${path.relative(process.cwd(), json)} and ${path.relative(process.cwd(), md)}`);
  if (crashed) return 1;
  if (values.strict && rows.some((r) => r.target && !r.target.pass)) return 2;
  return 0;
}
