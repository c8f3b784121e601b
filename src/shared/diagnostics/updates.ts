/**
 * Software updates of a counter PC: the pieces both the Electron shell and the settings screen need.
 * Updates are per installed PC (each runs its own copy of the app), so checking is not an API method
 * of the office: see docs/windows.md, "Cập nhật".
 */

/** What the counter PC's updater is doing, shown in Cài đặt → Hỗ trợ kỹ thuật. */
export type UpdateStatus =
  | { state: 'disabled'; reason: string }
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'up-to-date'; checkedAt: string }
  | { state: 'downloading'; version: string; percent: number }
  | { state: 'waiting'; version: string; reason: string }
  | { state: 'installing'; version: string }
  | { state: 'error'; message: string };

/** Reported by the UI of a counter PC so an update never restarts the app in the middle of work. */
export interface WorkActivity {
  /** Intake forms open in this window (a citizen at the counter, data half-typed). */
  openIntakes: number;
  /** A queue ticket is being served at this counter. */
  queueServing: boolean;
}

const PRIVATE_V4 = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^127\./];
const DOTTED_QUAD = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** A LAN or loopback address written as an IP (a name like 10.0.0.1.example.com is not one). */
function isPrivateHost(host: string): boolean {
  return host === 'localhost' || (DOTTED_QUAD.test(host) && PRIVATE_V4.some((re) => re.test(host)));
}
// scheme://host[:port][/path] — parsed by hand because src/shared has no URL class (no DOM, no Node).
const URL_SHAPE = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]*)([^?#\s]*)([?#].*)?$/i;

/**
 * The update server must be HTTPS. Plain HTTP is accepted only on the office LAN or loopback
 * (a province intranet mirror by IP), because latest.yml — which carries the installer's hash —
 * travels over the same connection and could be swapped on the open internet.
 */
export function updateUrlProblem(raw: string): string | null {
  const m = URL_SHAPE.exec(raw.trim());
  const authority = m?.[2] ?? '';
  const host = authority.replace(/:\d{1,5}$/, '').toLowerCase();
  if (!m || !/^[a-z0-9.-]+$/.test(host) || host.startsWith('.') || host.endsWith('.') || host.includes('..')) {
    if (m && authority.includes('@')) return 'Địa chỉ máy chủ cập nhật không được chứa tên đăng nhập hay mật khẩu.';
    return 'Địa chỉ máy chủ cập nhật không hợp lệ, ví dụ https://capnhat.tinh.gov.vn/motcua-desk/';
  }
  if (m[4]) return 'Địa chỉ máy chủ cập nhật không được có phần ?… hoặc #….';
  const scheme = m[1].toLowerCase();
  if (scheme === 'https') return null;
  if (scheme === 'http' && isPrivateHost(host)) return null;
  if (scheme === 'http') return 'Máy chủ cập nhật trên Internet phải dùng https:// (http:// chỉ dùng được trong mạng nội bộ, theo địa chỉ IP).';
  return 'Địa chỉ máy chủ cập nhật phải bắt đầu bằng https://';
}
