/**
 * Worker-thread side of the generator: produces the history (history.ts) and posts it in batches
 * to the writer (load.ts) through batch.ts, never more than MAX_AHEAD batches ahead of it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { produceHistory, type HistoryInput } from './history';
import { batcher, MAX_AHEAD, type Batch } from './batch';

const { input, ahead: buffer } = workerData as { input: HistoryInput; ahead: SharedArrayBuffer };
const ahead = new Int32Array(buffer);

const post = (batch: Batch) => {
  for (let n = Atomics.load(ahead, 0); n >= MAX_AHEAD; n = Atomics.load(ahead, 0)) Atomics.wait(ahead, 0, n, 1000);
  Atomics.add(ahead, 0, 1);
  parentPort!.postMessage({ batch });
};
const b = batcher(post);
const result = produceHistory(input, b.put, b.dayDone);
b.flush(result.counts.dossiers);
parentPort!.postMessage({ done: result });
