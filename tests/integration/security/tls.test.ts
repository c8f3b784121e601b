import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';
import { silentLogger } from '../../../src/main/app/logger';
import { startOfficeProcess } from '../../../src/main/server/start';
import { openCoreAt } from './helpers';

function selfSigned(dir: string, name: string): { cert: string; key: string } {
  const cert = path.join(dir, `${name}.crt`);
  const key = path.join(dir, `${name}.key`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${name}`, '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe' });
  return { cert, key };
}

function opensslFingerprint(cert: string): string {
  return execFileSync('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).trim().split('=')[1];
}

/** POSTs over HTTPS trusting only the given certificate; also returns the certificate the server presented. */
function httpsCall(url: string, method: string, ca: Buffer): Promise<{ status: number; body: { ok: boolean; value?: unknown }; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(`${url}/api/${method}`, { method: 'POST', ca, headers: { 'Content-Type': 'application/json' } }, (res) => {
      const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      let data = '';
      res.on('data', (c) => (data += String(c)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data), fingerprint }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

describe('optional TLS for the office server', () => {
  const tmp = makeTempDir('motcua-tls-');
  const dataDir = path.join(tmp.dir, 'data');
  let pem: { cert: string; key: string };
  let other: { cert: string; key: string };
  beforeAll(() => {
    pem = selfSigned(tmp.dir, 'motcua-test');
    other = selfSigned(tmp.dir, 'khac');
  });
  afterAll(() => tmp.cleanup());

  it('checks the files the administrator gives before saving them', async () => {
    const t = await openCoreAt(dataDir);
    try {
      const admin = await t.setUp();
      const missing = await t.call('server.setTls', { enabled: true, certPath: path.join(tmp.dir, 'khong-co.crt'), keyPath: pem.key }, admin);
      expect(!missing.ok && missing.error.fields?.certPath).toBe('Không đọc được tệp');
      const mismatch = await t.call('server.setTls', { enabled: true, certPath: pem.cert, keyPath: other.key }, admin);
      expect(!mismatch.ok && mismatch.error.message).toBe('Khoá riêng không khớp với chứng chỉ');
      const notPem = await t.call('server.setTls', { enabled: true, certPath: pem.key, keyPath: pem.key }, admin);
      expect(!notPem.ok && notPem.error.fields?.certPath).toBe('Không phải chứng chỉ PEM');
      const relative = await t.call('server.setTls', { enabled: true, certPath: 'cert.pem', keyPath: 'key.pem' }, admin);
      expect(!relative.ok && relative.error.code).toBe('VALIDATION');
      expect((await t.must('server.getTls', {}, admin)).enabled).toBe(false);

      const view = await t.must('server.setTls', { enabled: true, certPath: pem.cert, keyPath: pem.key }, admin);
      expect(view).toMatchObject({ enabled: true, certPath: pem.cert, keyPath: pem.key, fingerprint: opensslFingerprint(pem.cert) });
      expect(view.subject).toContain('CN=motcua-test');
    } finally {
      t.close();
    }
  });

  it('serves HTTPS with that certificate after a restart, and no plain HTTP on the port', async () => {
    const office = await startOfficeProcess({ dataDir, port: 0, testMode: true, log: silentLogger });
    try {
      expect(office.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const r = await httpsCall(office.url, 'system.status', fs.readFileSync(pem.cert));
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ ok: true, value: { setUp: true } });
      expect(r.fingerprint).toBe(opensslFingerprint(pem.cert));
      // A client that trusts a different certificate refuses the connection.
      await expect(httpsCall(office.url, 'system.status', fs.readFileSync(other.cert))).rejects.toThrow();
      await expect(fetch(office.url.replace('https:', 'http:') + '/api/system.status', { method: 'POST', body: '{}' })).rejects.toThrow();
    } finally {
      await office.stop();
    }
  });

  it('never falls back to plain HTTP on the LAN when the certificate is gone: this PC only, with a warning', async () => {
    fs.rmSync(pem.key);
    const warnings: string[] = [];
    const office = await startOfficeProcess({ dataDir, port: 0, testMode: true, log: silentLogger, warn: (l) => warnings.push(l) });
    try {
      expect(office.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(warnings.join('\n')).toContain('HTTPS đã bật nhưng không dùng được chứng chỉ');
      const r = await fetch(`${office.url}/api/system.status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(r.status).toBe(200);
    } finally {
      await office.stop();
    }
  });
});
