import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

// Personal data must never reach a log file (Decree 13/2023): scrub anything that looks like
// an ID number, a phone number or an e-mail, whatever field it came in.
const SCRUBBERS: [RegExp, string][] = [
  [/\b\d{9,12}\b/g, '[số]'],
  [/(\+84|\b0)\d{9}\b/g, '[sđt]'],
  [/[\w.+-]+@[\w-]+\.[\w.]+/g, '[email]'],
];
export function scrub(text: string): string {
  return SCRUBBERS.reduce((s, [re, rep]) => s.replace(re, rep), text);
}

function serializeError(e: unknown): unknown {
  if (e instanceof Error) return { name: e.name, message: scrub(e.message), stack: e.stack ? scrub(e.stack) : undefined, cause: e.cause ? serializeError(e.cause) : undefined };
  return e;
}

/** JSON-lines logger writing one file per day into the data folder's logs/. */
export function createFileLogger(logDir: string, opts: { echo?: boolean; level?: LogLevel } = {}): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const min = order.indexOf(opts.level ?? 'info');
  fs.mkdirSync(logDir, { recursive: true });
  const write = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (order.indexOf(level) < min) return;
    const f: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields ?? {})) f[k] = k === 'error' || v instanceof Error ? serializeError(v) : v;
    const line = scrub(JSON.stringify({ t: new Date().toISOString(), level, msg, ...f }));
    const file = path.join(logDir, `app-${new Date().toISOString().slice(0, 10)}.log`);
    try {
      fs.appendFileSync(file, line + '\n');
    } catch {
      // A full disk must not take the app down through its logger.
    }
    if (opts.echo) (level === 'error' ? console.error : console.log)(line);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
