import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ZipFile } from 'yazl';
import type { AppContext } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { scrub } from '../app/logger';
import type { SupportBundleResult } from '../../shared/api/diagnostics-contract';
import { collectDatabaseStats } from './database-stats';

/**
 * The "support bundle" an administrator sends to technical support: enough to diagnose a counter PC
 * without a remote session, and nothing that identifies a citizen or an official (Decree 13/2023).
 * Logs are scrubbed when written; they are scrubbed again here because a bundle leaves the office.
 */

export const LOG_DAYS = 7;
const KEEP_BUNDLES = 5;
/** A runaway log (a loop writing errors) must not make a bundle too large to e-mail. */
const MAX_LOG_BYTES = 16 * 1024 * 1024;
const SECRET_KEY = /password|secret|token|key/i;

/** Drops every key that may hold a credential, at any depth; scrubs what is left. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value === 'string') return scrubMore(value);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!SECRET_KEY.test(k)) out[k] = withoutSecrets(v);
    return out;
  }
  return value;
}

// Beyond scrub(): a Windows profile path carries the account name of the person using the PC
// (C:\Users\nguyenvana\…), also when JSON-escaped (C:\\Users\\…).
const PROFILE_PATH = /([A-Za-z]:(?:\\{1,2}|\/)(?:Users|Documents and Settings)(?:\\{1,2}|\/))[^\\/"'\s]+/gi;
export function scrubMore(text: string): string {
  return scrub(text).replace(PROFILE_PATH, '$1[người dùng]');
}

/** Log files of the last LOG_DAYS days (file names carry the UTC day the logger wrote them). */
export function recentLogFiles(logDir: string, now: Date): string[] {
  if (!fs.existsSync(logDir)) return [];
  const oldest = new Date(now.getTime() - (LOG_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  return fs
    .readdirSync(logDir)
    .filter((f) => {
      const m = /^app-(\d{4}-\d{2}-\d{2})\.log$/.exec(f);
      return m !== null && m[1] >= oldest;
    })
    .sort();
}

function readTail(file: string): string {
  const size = fs.statSync(file).size;
  if (size <= MAX_LOG_BYTES) return fs.readFileSync(file, 'utf8');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(MAX_LOG_BYTES);
    fs.readSync(fd, buf, 0, MAX_LOG_BYTES, size - MAX_LOG_BYTES);
    const text = buf.toString('utf8');
    // Start at a whole line; say what was cut so nobody reads a partial day as a quiet one.
    return `{"note":"đã bỏ ${size - MAX_LOG_BYTES} byte đầu tệp"}\n` + text.slice(text.indexOf('\n') + 1);
  } finally {
    fs.closeSync(fd);
  }
}

function versions(app: AppContext): Record<string, unknown> {
  const v = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  const sqlite = (app.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  let diskFreeMB: number | null = null;
  try {
    const s = fs.statfsSync(app.paths.root);
    diskFreeMB = Math.floor((s.bavail * s.bsize) / 1048576);
  } catch {
    // statfs is missing on some file systems; the rest of the bundle is still useful.
  }
  return {
    app: app.version,
    node: v.node,
    electron: v.electron ?? null,
    chrome: v.chrome ?? null,
    v8: v.v8,
    sqlite,
    // No host name or user name: they can identify the official using the PC.
    os: { platform: process.platform, type: os.type(), release: os.release(), version: os.version(), arch: os.arch() },
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, totalMemMB: Math.round(os.totalmem() / 1048576), freeMemMB: Math.round(os.freemem() / 1048576) },
    process: { uptimeSec: Math.round(process.uptime()), rssMB: Math.round(process.memoryUsage().rss / 1048576), testMode: app.testMode },
    dataFolder: { diskFreeMB },
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

function settings(app: AppContext): Record<string, unknown> {
  const rows = app.db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    if (SECRET_KEY.test(key)) continue;
    try {
      stored[key] = withoutSecrets(JSON.parse(value));
    } catch {
      stored[key] = '(không đọc được)';
    }
  }
  const install = readInstallConfigSafely(app.paths.config);
  // Which overrides are set on this PC (names only: values may be paths with a user name).
  const env = Object.keys(process.env).filter((k) => k.startsWith('MOTCUA_') && !SECRET_KEY.test(k)).sort();
  return { stored, install, environmentOverrides: env };
}

function readInstallConfigSafely(file: string): unknown {
  try {
    return fs.existsSync(file) ? withoutSecrets(JSON.parse(fs.readFileSync(file, 'utf8'))) : null;
  } catch {
    return '(không đọc được)';
  }
}

const README = `Gói hỗ trợ kỹ thuật — Một cửa Desk

versions.json   phiên bản ứng dụng, Node, Electron, SQLite, hệ điều hành
settings.json   cấu hình (đã bỏ mọi mục mật khẩu, khoá, mã bí mật)
database.json   thống kê cơ sở dữ liệu: số dòng mỗi bảng, kích thước, phiên bản lược đồ, WAL
logs/           nhật ký ${LOG_DAYS} ngày gần nhất (đã che số định danh, số điện thoại, e-mail)

Gói không chứa hồ sơ, họ tên, số định danh hay số điện thoại của công dân.
`;

/** Writes the zip into <data>/support/ and keeps the newest few. */
export async function writeSupportBundle(app: AppContext): Promise<SupportBundleResult> {
  const now = app.clock.now();
  const createdAt = isoLocal(now);
  const dir = path.join(app.paths.root, 'support');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = createdAt.slice(0, 19).replace(/:/g, '-');
  let fileName = `ho-tro-ky-thuat-${stamp}.zip`;
  for (let n = 2; fs.existsSync(path.join(dir, fileName)); n++) fileName = `ho-tro-ky-thuat-${stamp}-${n}.zip`;
  const target = path.join(dir, fileName);

  const zip = new ZipFile();
  const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + '\n', 'utf8');
  const opts = { mtime: now };
  let files = 0;
  const add = (buf: Buffer, name: string) => {
    zip.addBuffer(buf, name, opts);
    files++;
  };
  add(Buffer.from(README, 'utf8'), 'README.txt');
  add(json({ createdAt, ...versions(app) }), 'versions.json');
  add(json(settings(app)), 'settings.json');
  add(json(collectDatabaseStats(app.db, app.paths.database)), 'database.json');
  for (const f of recentLogFiles(app.paths.logs, now)) add(Buffer.from(scrubMore(readTail(path.join(app.paths.logs, f))), 'utf8'), `logs/${f}`);

  const tmp = `${target}.tmp`;
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(tmp);
    out.on('close', resolve);
    out.on('error', reject);
    zip.outputStream.on('error', reject);
    zip.outputStream.pipe(out);
    zip.end();
  });
  fs.renameSync(tmp, target);
  prune(dir);
  return { path: target, fileName, size: fs.statSync(target).size, createdAt, files };
}

function prune(dir: string): void {
  const bundles = fs.readdirSync(dir).filter((f) => /^ho-tro-ky-thuat-.*\.zip$/.test(f)).sort();
  for (const old of bundles.slice(0, Math.max(0, bundles.length - KEEP_BUNDLES))) fs.rmSync(path.join(dir, old), { force: true });
}
