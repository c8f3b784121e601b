import path from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startCore } from '../app/bootstrap';
import { AdjustableClock } from '../app/clock';
import { createFileLogger } from '../app/logger';
import { dataPaths } from '../app/paths';
import { getOfficeSettings } from '../settings/settings-store';
import { startOfficeServer } from './office-server';

/**
 * `npm run serve -- --data-dir DIR --port N`: the office server with the UI, headless.
 * Port 0 picks a free port. Prints the URL on stdout as `MOTCUA_URL=...` for scripts and tests.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '8686' },
      'test-mode': { type: 'boolean', default: false },
      now: { type: 'string' },
    },
  });
  const dataDir = path.resolve(values['data-dir'] ?? process.env.MOTCUA_DATA_DIR ?? path.join(os.homedir(), '.motcua-desk'));
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Cổng không hợp lệ: ${values.port}`);
  const testMode = values['test-mode'] || process.env.MOTCUA_TEST_MODE === '1';
  const log = createFileLogger(dataPaths(dataDir).logs);
  const clock = testMode ? new AdjustableClock(values.now ? new Date(values.now) : undefined) : undefined;
  const core = await startCore({ dataDir, log, clock, testMode });
  const lan = getOfficeSettings(core.app.db)?.lanEnabled ?? false;
  const server = await startOfficeServer({ core, port, host: lan ? '0.0.0.0' : '127.0.0.1' });
  log.info('office server started', { port: server.port, lan });
  process.stdout.write(`MOTCUA_URL=${server.url}\nMáy chủ văn phòng đang chạy: ${server.url} (thư mục dữ liệu: ${dataDir})\n`);
  const stop = async () => {
    await server.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: Error) => {
  process.stderr.write(`Không khởi động được máy chủ văn phòng: ${e.message}\n`);
  process.exit(1);
});
