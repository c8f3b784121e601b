import http from 'node:http';
import os from 'node:os';

/**
 * One HTTP request with headers fetch() may not set (Host), and optionally from a given local address:
 * what a browser on a DNS-rebinding page, or a PC on the LAN, really sends.
 */
export function rawRequest(opts: { port: number; host?: string; path: string; method?: string; headers?: Record<string, string>; body?: string; localAddress?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: opts.host ?? '127.0.0.1', port: opts.port, path: opts.path, method: opts.method ?? 'POST', headers: { 'content-type': 'application/json', ...opts.headers }, localAddress: opts.localAddress, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body ?? '{}');
  });
}

/** This machine's first non-loopback IPv4 address: a connection from it is not from 127.0.0.1. */
export function lanAddress(): string {
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  throw new Error('this machine has no non-loopback IPv4 address: the LAN-source test needs one');
}
