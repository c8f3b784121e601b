import crypto from 'node:crypto';
import net from 'node:net';

/**
 * Which names this office server answers to. A DNS-rebinding page (attacker.example re-pointed at this PC)
 * is same-origin with itself, so its requests carry Host and Origin "attacker.example": only a list of
 * the names the server really has tells them apart. A plain function of configuration, so every process
 * that starts the office server (headless, desktop) gets the same list:
 * - loopback names (localhost, 127.0.0.1, ::1);
 * - any IP literal: a browser that typed an address is on that address's origin, which no DNS answer can
 *   move (this covers the host's LAN addresses, whatever DHCP gave it);
 * - the names the administrator entered for the LAN (settings › lanHostNames);
 * - the DNS names in the TLS certificate (subjectAltName), when HTTPS is on.
 */
export interface HostAllowConfig {
  lanHostNames: readonly string[];
  certificateNames: readonly string[];
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/** "Name:port", "[v6]:port" or "name" → lower-case name without port or brackets, trailing dot removed. */
export function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined) : h.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

export function allowedHostNames(cfg: HostAllowConfig): Set<string> {
  return new Set([...LOOPBACK_NAMES, ...cfg.lanHostNames, ...cfg.certificateNames].map((n) => n.trim().toLowerCase().replace(/\.$/, '')));
}

export function hostAllowed(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!hostHeader) return false;
  const name = hostName(hostHeader);
  if (net.isIP(name) !== 0) return true;
  return allowed.has(name);
}

/** DNS names of a PEM certificate (subjectAltName "DNS:…"); the one wildcard level is kept as written. */
export function certificateHostNames(certPem: Buffer | undefined): string[] {
  if (!certPem) return [];
  try {
    const san = new crypto.X509Certificate(certPem).subjectAltName ?? '';
    return san
      .split(/,\s*/)
      .filter((e) => e.startsWith('DNS:'))
      .map((e) => e.slice(4));
  } catch {
    return [];
  }
}

/**
 * A browser page from another origin must not drive the API with a clerk's token (CSRF). The Origin must
 * be this server: same scheme (an https:// page is not the plain-HTTP server) and same host as Host,
 * which itself must be allow-listed (see above).
 */
export function originAllowed(origin: string | undefined, host: string | undefined, scheme: 'http' | 'https' = 'http'): boolean {
  if (!origin) return true; // non-browser clients (kiosk scripts, tests) send no Origin
  if (!host) return false;
  try {
    const u = new URL(origin);
    return u.protocol === `${scheme}:` && u.host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** The host PC itself: a loopback connection (the desktop shell and the host's browser use 127.0.0.1). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\./.test(a);
}
