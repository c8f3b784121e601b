/** The benchmark's table: printed, and written as bench/results/latest.json and latest.md. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summarize, type Summary } from './stats';
import type { OpResult, Skipped, Target } from './types';

export interface Row {
  name: string;
  label: string;
  unit: string;
  summary: Summary;
  total: number;
  baseline: { label: string; p50: number; p95: number } | null;
  /** p50 of the operation over p50 of its baseline. */
  ratio: number | null;
  target: (Target & { value: number; pass: boolean }) | null;
  notes: string[];
}

export function toRow(r: OpResult): Row {
  const summary = summarize(r.samples);
  const total = r.samples.reduce((a, b) => a + b, 0);
  const base = r.baseline ? summarize(r.baseline.samples) : null;
  const value = r.target ? (r.target.stat === 'p95' ? summary.p95 : r.target.stat === 'max' ? summary.max : total) : NaN;
  return {
    name: r.name,
    label: r.label,
    unit: r.unit,
    summary,
    total,
    baseline: base && r.baseline ? { label: r.baseline.label, p50: base.p50, p95: base.p95 } : null,
    ratio: base && base.p50 > 0 ? summary.p50 / base.p50 : null,
    target: r.target ? { ...r.target, value, pass: value <= r.target.limit } : null,
    notes: r.notes ?? [],
  };
}

const fmt = (x: number, unit: string) => {
  if (!Number.isFinite(x)) return '–';
  if (unit === 's') return `${x.toFixed(2)} s`;
  if (unit === 'MB') return `${x.toFixed(0)} MB`;
  return x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`;
};
const ratioText = (r: Row) => (r.ratio === null ? '–' : r.ratio >= 10 ? `×${r.ratio.toFixed(0)}` : `×${r.ratio.toFixed(1)}`);
const targetText = (r: Row) => (r.target ? `${r.target.stat} ≤ ${fmt(r.target.limit, r.target.unit)}` : '–');
const verdict = (r: Row) => (r.target ? (r.target.pass ? 'PASS' : 'FAIL') : '');

export function machine() {
  const cpus = os.cpus();
  return {
    nproc: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** Plain-text table for the terminal. */
export function printTable(rows: Row[], skipped: Skipped[], log: (l: string) => void): void {
  const head = ['operation', 'runs', 'p50', 'p95', 'p99', 'baseline p50', 'ratio', 'target', ''];
  const body = rows.map((r) => [r.name, String(r.summary.runs), fmt(r.summary.p50, r.unit), fmt(r.summary.p95, r.unit), fmt(r.summary.p99, r.unit), r.baseline ? fmt(r.baseline.p50, r.unit) : '–', ratioText(r), targetText(r), verdict(r)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  log(line(head));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) log(line(b));
  for (const s of skipped) log(`${s.name.padEnd(widths[0])}  not measured: ${s.skipped}`);
}

export interface Report {
  startedAt: string;
  seconds: number;
  machine: ReturnType<typeof machine> & { loadavgEnd: number[] };
  dataset: Record<string, unknown>;
  benchDay: string;
  options: Record<string, unknown>;
  rows: Row[];
  skipped: Skipped[];
  samples: Record<string, { samples: number[]; baseline?: number[] }>;
}

export function markdown(rep: Report): string {
  const m = rep.machine;
  const lines = [
    `# Benchmark results (${rep.startedAt})`,
    '',
    `Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; load average ${m.loadavg.join(' / ')} at start, ${m.loadavgEnd.join(' / ')} at the end.`,
    `Dataset: ${JSON.stringify(rep.dataset)}`,
    `Benchmark day: ${rep.benchDay}. Total time ${rep.seconds.toFixed(0)} s.`,
    '',
    '| operation | runs | p50 | p95 | p99 | baseline p50 | ratio | target | |',
    '|---|---:|---:|---:|---:|---:|---:|---|---|',
    ...rep.rows.map((r) => `| ${r.name} | ${r.summary.runs} | ${fmt(r.summary.p50, r.unit)} | ${fmt(r.summary.p95, r.unit)} | ${fmt(r.summary.p99, r.unit)} | ${r.baseline ? fmt(r.baseline.p50, r.unit) : '–'} | ${ratioText(r)} | ${targetText(r)} | ${verdict(r)} |`),
    '',
    ...rep.rows.map((r) => `- **${r.name}**: ${r.label}.${r.baseline ? ` Baseline: ${r.baseline.label}.` : ''}${r.notes.length ? ` ${r.notes.map((n) => n.charAt(0).toUpperCase() + n.slice(1)).join('; ')}.` : ''}`),
    ...(rep.skipped.length ? ['', 'Not measured:', ...rep.skipped.map((s) => `- **${s.name}**: ${s.skipped}`)] : []),
    '',
  ];
  return lines.join('\n');
}

export function writeReport(dir: string, rep: Report): { json: string; md: string } {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'latest.json');
  const md = path.join(dir, 'latest.md');
  fs.writeFileSync(json, JSON.stringify(rep, null, 2));
  fs.writeFileSync(md, markdown(rep));
  return { json, md };
}
