/**
 * The sync worker in a process of its own, for the crash test: bundled with esbuild by the test,
 * run with plain node, killed with SIGKILL in the middle of a run.
 * argv: dataDir. Prints one JSON line per progress event, and the run's result at the end.
 */
import { startCore } from '../../../src/main/app/bootstrap';
import { silentLogger } from '../../../src/main/app/logger';
import { syncWorkerFor } from '../../../src/main/sync/sync-worker';

async function main(): Promise<void> {
  const [dataDir] = process.argv.slice(2);
  const core = await startCore({ dataDir, log: silentLogger, integrityCheck: 'none', testMode: true });
  core.app.events.subscribe((e) => {
    if (e.type === 'sync.progress') process.stdout.write(`${JSON.stringify({ progress: e.payload })}\n`);
  });
  const worker = syncWorkerFor(core.app, { timeoutMs: 120_000, backoff: { baseMs: 2, capMs: 20 }, maxConsecutiveFailures: 5 });
  const r = await worker.runNow('manual');
  process.stdout.write(`${JSON.stringify({ done: r })}\n`);
  core.close();
}

main().catch((e: Error) => {
  process.stderr.write(`${e.stack ?? e.message}\n`);
  process.exit(1);
});
