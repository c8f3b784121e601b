import type { BenchContext } from '../ops/context';

/** A target from the architecture guide's performance budget (or its event-loop guideline). */
export interface Target {
  /** Which figure is compared: a percentile of the samples, or their maximum / total. */
  stat: 'p95' | 'max' | 'total';
  limit: number;
  unit: 'ms' | 's' | 'MB';
  /** Where the target comes from. */
  source: string;
}

export interface OpResult {
  name: string;
  label: string;
  /** Per-run figures in `unit` (ms for latencies). */
  samples: number[];
  unit: 'ms' | 's' | 'MB';
  baseline?: { label: string; samples: number[] };
  target?: Target;
  notes?: string[];
}

export interface Skipped {
  name: string;
  label: string;
  skipped: string;
}

export interface BenchOp {
  name: string;
  label: string;
  run(ctx: BenchContext): Promise<(OpResult | Skipped)[]>;
}

export const TARGETS = {
  intake: { stat: 'p95', limit: 15, unit: 'ms', source: 'receive a dossier at 1,000,000 dossiers' },
  search: { stat: 'p95', limit: 50, unit: 'ms', source: 'search by name / ID / phone / code at 1,000,000 dossiers' },
  ticket: { stat: 'p95', limit: 30, unit: 'ms', source: 'issue a ticket, printer bytes ready' },
  receipt: { stat: 'p95', limit: 80, unit: 'ms', source: 'render the receipt PDF (Mẫu 01)' },
  push: { stat: 'total', limit: 15, unit: 's', source: 'push 10,000 outbox changes' },
  start: { stat: 'max', limit: 1.5, unit: 's', source: 'office server start at 1,000,000 dossiers' },
  rss: { stat: 'max', limit: 200, unit: 'MB', source: 'office server resident memory' },
  eventLoop: { stat: 'p95', limit: 20, unit: 'ms', source: 'guideline: no query over ~20 ms on the event loop' },
} as const satisfies Record<string, Target>;
