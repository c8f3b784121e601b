import { spawn } from 'node:child_process';

/**
 * Sends a PDF to the operating system's printing. Electron cannot print a PDF file
 * (webContents.print prints web pages), so on Windows the bundled SumatraPDF prints it
 * silently and elsewhere CUPS' `lp` does. "Sent" is not "printed": callers record the
 * attempt and offer a reprint.
 */

export type PrintPaper = 'A4' | 'A5';

export interface PrintRequest {
  platform: NodeJS.Platform;
  /** Printer name as the OS knows it; empty or absent means the default printer. */
  printer?: string | null;
  paper?: PrintPaper;
  /** Path of the PDF to print. */
  file: string;
  /** SumatraPDF.exe location (Windows); defaults to looking it up on PATH. */
  sumatraPath?: string;
  /** Number of copies; 1 when absent. */
  copies?: number;
}

export interface PrintCommand {
  command: string;
  args: string[];
}

/** The command line for a print request, with no shell involved (arguments are passed as-is). */
export function buildPrintCommand(req: PrintRequest): PrintCommand {
  const paper = req.paper ?? 'A4';
  const printer = req.printer?.trim();
  const copies = req.copies ?? 1;
  if (!Number.isInteger(copies) || copies < 1 || copies > 99) {
    throw new RangeError(`Số bản in không hợp lệ: ${copies}`);
  }
  if (!req.file) throw new RangeError('Thiếu tệp cần in');

  if (req.platform === 'win32') {
    const target = printer ? ['-print-to', printer] : ['-print-to-default'];
    // "fit" scales to the printable area, so drivers with wide hardware margins do not clip the form.
    const settings = [`paper=${paper}`, 'fit', ...(copies > 1 ? [`${copies}x`] : [])].join(',');
    return {
      command: req.sumatraPath?.trim() || 'SumatraPDF.exe',
      args: [...target, '-print-settings', settings, '-silent', req.file],
    };
  }
  return {
    command: 'lp',
    args: [
      ...(printer ? ['-d', printer] : []),
      '-o',
      `media=${paper}`,
      ...(copies > 1 ? ['-n', String(copies)] : []),
      req.file,
    ],
  };
}

export interface PrintOutcome {
  ok: boolean;
  /** Null when the program could not be started or was stopped after the timeout. */
  exitCode: number | null;
  stderr: string;
}

const STDERR_LIMIT = 16 * 1024;

/**
 * Runs the print command and resolves when it exits; it never rejects, so a broken
 * printer setup becomes an outcome the caller records, with a message for the clerk.
 */
export function printPdf(req: PrintRequest, o: { timeoutMs?: number } = {}): Promise<PrintOutcome> {
  let cmd: PrintCommand;
  try {
    cmd = buildPrintCommand(req);
  } catch (e) {
    return Promise.resolve({ ok: false, exitCode: null, stderr: (e as Error).message });
  }
  const timeoutMs = o.timeoutMs ?? 60_000;
  return new Promise<PrintOutcome>((resolve) => {
    let stderr = '';
    let settled = false;
    let child: ReturnType<typeof spawn> | undefined;
    const finish = (outcome: PrintOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      child?.kill();
      finish({ ok: false, exitCode: null, stderr: `${stderr}Lệnh in không phản hồi sau ${Math.round(timeoutMs / 1000)} giây` });
    }, timeoutMs);
    try {
      child = spawn(cmd.command, cmd.args, { windowsHide: true, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      finish({ ok: false, exitCode: null, stderr: `Không gửi được lệnh in: ${(e as Error).message}` });
      return;
    }
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (stderr.length < STDERR_LIMIT) stderr += chunk;
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'ENOENT' ? `không tìm thấy chương trình in "${cmd.command}"` : err.message;
      finish({ ok: false, exitCode: null, stderr: `Không gửi được lệnh in: ${why}` });
    });
    child.on('close', (code) => {
      finish({ ok: code === 0, exitCode: code, stderr: stderr.slice(0, STDERR_LIMIT) });
    });
  });
}
