import { parentPort, workerData } from 'node:worker_threads';
import { buildTrackingBook, type TrackingBookJob } from '../reports/tracking-book';

// Long exports run here so the event loop serving clerks and the office server never waits on them.
buildTrackingBook(workerData as TrackingBookJob).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (e: Error) => parentPort?.postMessage({ ok: false, message: e.message }),
);
