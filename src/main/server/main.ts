import path from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startOfficeProcess } from './start';

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
  const office = await startOfficeProcess({
    dataDir,
    port,
    testMode,
    now: values.now ? new Date(values.now) : undefined,
    warn: (line) => process.stderr.write(`${line}\n`),
  });
  if (office.mode === 'normal') {
    process.stdout.write(`MOTCUA_URL=${office.url}\nMáy chủ văn phòng đang chạy: ${office.url} (thư mục dữ liệu: ${dataDir})\n`);
  } else {
    process.stdout.write(`MOTCUA_URL=${office.url}\nCHẾ ĐỘ KHÔI PHỤC: mở ${office.url} trên máy này để khôi phục từ bản sao lưu.\n`);
    office.normal.then(
      (r) => process.stdout.write(`MOTCUA_RESTORED=${r.server.url}\nĐã khôi phục; máy chủ văn phòng chạy lại: ${r.server.url}\n`),
      (e: Error) => {
        process.stderr.write(`Không mở lại được sau khi khôi phục: ${e.message}\n`);
        process.exit(1);
      },
    );
  }
  const stop = async () => {
    await office.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: Error) => {
  process.stderr.write(`Không khởi động được máy chủ văn phòng: ${e.message}\n`);
  process.exit(1);
});
