import type { Table } from './history';

/** A batch of rows handed from the producer to the writer: one or more whole days. */
export interface Batch {
  rows: Partial<Record<Table, unknown[][]>>;
  /** Dossiers produced so far, after this batch. */
  dossiers: number;
}

/** Batches the worker may have produced ahead of the writer (bounds memory). */
export const MAX_AHEAD = 4;
/** Dossiers per batch message. */
export const BATCH_DOSSIERS = 2000;

/** Collects rows into batches of about BATCH_DOSSIERS dossiers, cut at day boundaries. */
export function batcher(emit: (b: Batch) => void) {
  let rows: Batch['rows'] = {};
  let last = 0;
  return {
    put: (t: Table, values: unknown[]) => (rows[t] ??= []).push(values),
    dayDone: (dossiers: number) => {
      if (dossiers - last < BATCH_DOSSIERS) return;
      emit({ rows, dossiers });
      rows = {};
      last = dossiers;
    },
    flush: (dossiers: number) => {
      emit({ rows, dossiers });
      rows = {};
    },
  };
}
