import { readFirstLine, runBackupCli } from './cli-main';

// `node dist/main/backup-cli.cjs restore --data-dir DIR --file F [--dry-run]`
runBackupCli(process.argv.slice(2), {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  env: process.env,
  readPassphrase: () => {
    if (process.stdin.isTTY) process.stderr.write('Mật khẩu sao lưu: ');
    return readFirstLine(process.stdin);
  },
}).then(
  (code) => process.exit(code),
  (e: Error) => {
    process.stderr.write(`Lỗi: ${e.message}\n`);
    process.exit(1);
  },
);
