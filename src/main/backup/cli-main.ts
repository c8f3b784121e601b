import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { silentLogger } from '../app/logger';
import { dataPaths } from '../app/paths';
import { BackupError } from './backup-error';
import { readHeaderFile } from './format';
import { passphraseOpener, type KeyProvider } from './keys';
import { currentOsOpener } from './keyring-store';
import { applyPendingRestore, openBackupToTemp, readPendingRestore, stageRestore } from './restore';
import { DataFolderBusyError, lockDataFolder, type DataFolderLock } from '../app/data-folder-lock';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  /** Reads the passphrase when it is not in MOTCUA_BACKUP_PASSPHRASE (first line of stdin). */
  readPassphrase(): Promise<string>;
}

const USAGE = [
  'Cách dùng:',
  '  backup-cli restore --data-dir THƯ_MỤC --file TỆP.mcbk [--dry-run]',
  '',
  'Mật khẩu sao lưu lấy từ biến môi trường MOTCUA_BACKUP_PASSPHRASE, hoặc dòng đầu của đầu vào chuẩn.',
  '--dry-run: chỉ giải mã, kiểm tra và in nội dung bản sao lưu; không thay đổi gì.',
  'Khôi phục thật cần dừng ứng dụng / máy chủ văn phòng trước; cơ sở dữ liệu cũ được giữ trong restore/replaced-*.',
];

/** The command line behind `node dist/main/backup-cli.cjs`; returns the process exit code. */
export async function runBackupCli(argv: string[], io: CliIo): Promise<number> {
  let values: { 'data-dir'?: string; file?: string; 'dry-run'?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'data-dir': { type: 'string' }, file: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } }));
  } catch (e) {
    io.err((e as Error).message);
    USAGE.forEach(io.err);
    return 2;
  }
  if (positionals[0] !== 'restore' || !values['data-dir'] || !values.file) {
    USAGE.forEach(io.err);
    return 2;
  }
  const dataDir = path.resolve(values['data-dir']);
  const file = path.resolve(values.file);
  const paths = dataPaths(dataDir);
  try {
    const { header } = readHeaderFile(file);
    let keys: KeyProvider;
    if (header.key.scheme === 'os') {
      const os = currentOsOpener(dataDir);
      if (!os) throw new BackupError('os-key-unavailable', 'Bản sao lưu này được bảo vệ bằng khoá của hệ điều hành: hãy khôi phục trong ứng dụng máy tính trên chính máy đã tạo nó.');
      keys = os;
    } else {
      keys = passphraseOpener(io.env.MOTCUA_BACKUP_PASSPHRASE || (await io.readPassphrase()));
    }
    const dryRun = values['dry-run'] === true;
    if (dryRun) {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-dry-run-'));
      try {
        const { contents } = await openBackupToTemp(file, keys, work);
        io.out(`Tệp: ${file}`);
        io.out(`Tạo lúc: ${contents.createdAt} (loại: ${header.kind})`);
        io.out(`Phiên bản ứng dụng: ${contents.appVersion}`);
        io.out(`Lược đồ cơ sở dữ liệu: ${contents.schemaVersion}`);
        io.out('Toàn vẹn: ok');
        io.out('Bảng và số dòng:');
        const width = Math.max(...contents.tables.map((t) => t.name.length), 4);
        for (const t of contents.tables) io.out(`  ${t.name.padEnd(width)}  ${t.rows}`);
        io.out('Chạy thử (--dry-run): không thay đổi gì.');
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
      return 0;
    }
    // Hold the folder's lock for the whole restore, so no server can start on it half-way either.
    let lock: DataFolderLock;
    try {
      lock = lockDataFolder(dataDir);
    } catch (e) {
      if (!(e instanceof DataFolderBusyError)) throw e;
      io.err(`Ứng dụng / máy chủ văn phòng đang chạy trên thư mục dữ liệu này${e.holderPid ? ` (tiến trình ${e.holderPid})` : ''}. Hãy dừng nó trước khi khôi phục.`);
      return 3;
    }
    let contents: Awaited<ReturnType<typeof stageRestore>>;
    try {
      contents = await stageRestore(paths, file, keys, new Date(), `cli:${os.userInfo().username}`);
      applyPendingRestore(paths, silentLogger);
    } finally {
      lock.release();
    }
    io.out(`Đã khôi phục ${path.basename(file)} (tạo lúc ${contents.createdAt}, lược đồ ${contents.schemaVersion}) vào ${paths.database}.`);
    io.out('Cơ sở dữ liệu cũ (nếu có) được giữ trong thư mục restore/replaced-*. Khởi động ứng dụng để dùng dữ liệu đã khôi phục.');
    if (readPendingRestore(paths)) io.err('Cảnh báo: còn một lần khôi phục đang chờ.');
    return 0;
  } catch (e) {
    io.err(e instanceof BackupError ? e.message : `Lỗi: ${(e as Error).message}`);
    return 1;
  }
}

export function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!done) resolve('');
    });
  });
}
