import net from 'node:net';

/**
 * Sends one job to a network printer's raw port (9100, "JetDirect"). One job per connection:
 * we write, half-close (FIN), and count the job delivered only when the printer has read to
 * the end and closed its side. A printer out of paper or with its cover open stops reading,
 * so "written into our socket buffer" is not "received" — the write timeout catches that.
 */

export interface PrinterAddress {
  host: string;
  port: number;
}

export interface SendTimeouts {
  /** From starting to connect until the connection is up. */
  connectMs: number;
  /** From connected until the printer has taken every byte and closed. */
  writeMs: number;
}

export type PrinterErrorCode =
  | 'INVALID_CONFIG'
  | 'REFUSED'
  | 'CONNECT_TIMEOUT'
  | 'HOST_NOT_FOUND'
  | 'UNREACHABLE'
  | 'WRITE_TIMEOUT'
  | 'CONNECTION_LOST'
  | 'RENDER'
  | 'UNKNOWN';

export interface PrinterError {
  code: PrinterErrorCode;
  /** Vietnamese, for the clerk: what happened and what to check. */
  message: string;
}

export type SendResult = { ok: true; bytes: number } | { ok: false; error: PrinterError };

export const printerLabel = (a: PrinterAddress): string => (a.host.includes(':') ? `[${a.host}]:${a.port}` : `${a.host}:${a.port}`);
const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} giây`;

/** Maps a socket failure to a code and a message a clerk can act on. */
export function describePrinterError(
  address: PrinterAddress,
  phase: 'connect' | 'write',
  cause: { code?: string; timeoutMs?: number },
): PrinterError {
  const where = printerLabel(address);
  const cannot = `Không kết nối được máy in ${where}`;
  if (cause.timeoutMs !== undefined && phase === 'connect') {
    return { code: 'CONNECT_TIMEOUT', message: `${cannot}: quá ${seconds(cause.timeoutMs)} không có phản hồi. Kiểm tra máy in đã bật, đã cắm dây mạng và địa chỉ IP đúng.` };
  }
  if (cause.timeoutMs !== undefined) {
    return {
      code: 'WRITE_TIMEOUT',
      message: `Máy in ${where} không nhận hết dữ liệu sau ${seconds(cause.timeoutMs)} (hết giấy, kẹt giấy hoặc nắp máy đang mở?). Kiểm tra máy in rồi in lại phiếu.`,
    };
  }
  switch (cause.code) {
    case 'ECONNREFUSED':
      return { code: 'REFUSED', message: `${cannot}: máy in từ chối kết nối. Kiểm tra địa chỉ IP và cổng (thường là 9100).` };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { code: 'HOST_NOT_FOUND', message: `${cannot}: không tìm thấy tên máy "${address.host}". Hãy nhập địa chỉ IP của máy in.` };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
      return { code: 'UNREACHABLE', message: `${cannot}: không có đường mạng tới máy in. Kiểm tra dây mạng và máy in cùng mạng với máy tính.` };
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      if (phase === 'write') {
        return { code: 'CONNECTION_LOST', message: `Mất kết nối với máy in ${where} khi đang gửi dữ liệu. Phiếu có thể chưa in hết: kiểm tra máy in rồi in lại phiếu.` };
      }
      return { code: 'REFUSED', message: `${cannot}: máy in ngắt kết nối ngay (có thể đang bận với máy khác). Thử in lại sau ít giây.` };
    default:
      return {
        code: 'UNKNOWN',
        message: phase === 'connect' ? `${cannot} (lỗi ${cause.code ?? 'không rõ'}).` : `Lỗi khi gửi dữ liệu tới máy in ${where} (lỗi ${cause.code ?? 'không rõ'}). Kiểm tra máy in rồi in lại phiếu.`,
      };
  }
}

/** Resolves (never rejects) once the printer has closed the connection or something failed. */
export function sendToPrinter(address: PrinterAddress, bytes: Uint8Array, timeouts: SendTimeouts): Promise<SendResult> {
  return new Promise((resolve) => {
    let phase: 'connect' | 'write' = 'connect';
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const socket = net.createConnection({ host: address.host, port: address.port });
    // Nagle would only delay the last band; the job is written in one go anyway.
    socket.setNoDelay(true);

    const finish = (result: SendResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => {}); // late errors after destroy are already reported
      socket.destroy();
      resolve(result);
    };
    const arm = (ms: number): void => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ ok: false, error: describePrinterError(address, phase, { timeoutMs: ms }) }), ms);
    };

    arm(timeouts.connectMs);
    socket.once('connect', () => {
      phase = 'write';
      arm(timeouts.writeMs);
      socket.end(bytes);
    });
    // Printers do not answer on 9100 unless asked; drain anything so the socket can close.
    socket.on('data', () => {});
    socket.once('error', (err: NodeJS.ErrnoException) => finish({ ok: false, error: describePrinterError(address, phase, { code: err.code }) }));
    socket.once('close', (hadError) => {
      if (hadError) return; // the 'error' handler has reported it
      if (phase === 'connect') finish({ ok: false, error: describePrinterError(address, 'connect', { code: 'ECONNRESET' }) });
      // Everything we wrote has been read: the peer saw our FIN, which comes after the data.
      else finish({ ok: true, bytes: bytes.length });
    });
  });
}
