/**
 * A second (and third) process issuing tickets on the same database file, for the atomic
 * numbering test. Bundled with esbuild by the test and run with plain node.
 * argv: dataDir token groupId count. Waits for "go" on stdin so both processes start together,
 * then prints one JSON line: the codes it received, or the failures.
 */
import readline from 'node:readline';
import { startCore } from '../../../src/main/app/bootstrap';
import { silentLogger } from '../../../src/main/app/logger';
import { dispatch } from '../../../src/main/api/dispatcher';
import { resolveCaller } from '../../../src/main/users/caller';

async function main(): Promise<void> {
  const [dataDir, token, groupId, countArg] = process.argv.slice(2);
  const core = await startCore({ dataDir, log: silentLogger, integrityCheck: 'none' });
  const rl = readline.createInterface({ input: process.stdin });
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => rl.once('line', () => resolve()));
  const codes: string[] = [];
  const failures: string[] = [];
  for (let i = 0; i < Number(countArg); i++) {
    const caller = resolveCaller(core.app, token, 'child');
    const r = await dispatch(core.app, core.handlers, 'queue.issue', { groupId, priority: null, source: 'kiosk', print: false }, { caller, device: 'child' });
    if (r.ok) codes.push((r.value as { ticket: { code: string } }).ticket.code);
    else failures.push(`${r.error.code}: ${r.error.message}`);
  }
  process.stdout.write(`${JSON.stringify({ codes, failures })}\n`);
  rl.close();
  core.close();
}

main().catch((e: Error) => {
  process.stdout.write(`${JSON.stringify({ codes: [], failures: [String(e.stack ?? e)] })}\n`);
  process.exit(1);
});
