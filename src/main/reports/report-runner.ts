import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildTrackingBook, type TrackingBookJob, type TrackingBookResult } from './tracking-book';

function workerFile(): string | null {
  if (typeof __dirname === 'undefined') return null;
  const f = path.join(__dirname, 'workers', 'report.worker.cjs');
  return fs.existsSync(f) ? f : null;
}

/**
 * Builds the tracking book in a worker thread (the built bundle dist/main/workers/report.worker.cjs).
 * When running from sources (unit tests) there is no bundle, and the same function runs in-process.
 */
export function runTrackingBook(job: TrackingBookJob): Promise<TrackingBookResult> {
  const file = workerFile();
  if (!file) return buildTrackingBook(job);
  return new Promise((resolve, reject) => {
    const w = new Worker(file, { workerData: job });
    w.once('message', (m: { ok: true; result: TrackingBookResult } | { ok: false; message: string }) => (m.ok ? resolve(m.result) : reject(new Error(m.message))));
    w.once('error', reject);
    w.once('exit', (code) => code !== 0 && reject(new Error(`report worker exited with ${code}`)));
  });
}
