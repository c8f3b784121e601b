import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';
import { fileKeySecretStore, openSecret, registerOsSecretStore, SECRET_KEY_FILE, secretStoreForNew, type SecretStore } from '../../../src/main/sync/secret-store';
import { checkBaseUrl } from '../../../src/main/sync/sync-config';

describe('the sync password at rest', () => {
  const tmp = makeTempDir('motcua-secret-');
  afterEach(() => registerOsSecretStore(null));

  it('AES-256-GCM with a key file only the owner can read; tampering is detected', () => {
    const store = fileKeySecretStore(tmp.dir);
    const a = store.seal('mật khẩu tỉnh cấp');
    const b = store.seal('mật khẩu tỉnh cấp');
    expect(a).toMatch(/^file:v1:/);
    expect(a).not.toBe(b); // a fresh IV each time
    expect(store.open(a)).toBe('mật khẩu tỉnh cấp');
    const key = path.join(tmp.dir, SECRET_KEY_FILE);
    expect(fs.statSync(key).size).toBe(32);
    expect(fs.statSync(key).mode & 0o777).toBe(0o600);
    // Loosened permissions are put back.
    fs.chmodSync(key, 0o644);
    expect(store.open(a)).toBe('mật khẩu tỉnh cấp');
    expect(fs.statSync(key).mode & 0o777).toBe(0o600);
    const parts = a.split(':');
    const data = Buffer.from(parts[4], 'base64');
    data[0] ^= 1;
    parts[4] = data.toString('base64');
    expect(() => store.open(parts.join(':'))).toThrow(/Không giải mã được mật khẩu đồng bộ/);
    // Another data folder's key does not open it.
    const other = makeTempDir('motcua-secret-2-');
    expect(() => fileKeySecretStore(other.dir).open(a)).toThrow(/nhập lại mật khẩu/);
    other.cleanup();
  });

  it('the OS key store seals new passwords when the desktop registered one; the office server alone cannot open them', () => {
    const fake: SecretStore = { scheme: 'os', seal: (p) => `os:v1:${Buffer.from(p).toString('base64')}`, open: (s) => Buffer.from(s.slice(6), 'base64').toString() };
    registerOsSecretStore(fake);
    const sealed = secretStoreForNew(tmp.dir).seal('abc');
    expect(sealed.startsWith('os:')).toBe(true);
    expect(openSecret(tmp.dir, sealed)).toBe('abc');
    registerOsSecretStore(null);
    expect(() => openSecret(tmp.dir, sealed)).toThrow(/kho khoá của ứng dụng máy tính/);
    expect(secretStoreForNew(tmp.dir).scheme).toBe('file');
  });

  it('plain HTTP only to this machine', () => {
    expect(checkBaseUrl('http://127.0.0.1:8080/lgsp/', false)).toBe('http://127.0.0.1:8080/lgsp');
    expect(checkBaseUrl('https://motcua.tinh.gov.vn/lgsp', false)).toBe('https://motcua.tinh.gov.vn/lgsp');
    expect(() => checkBaseUrl('http://motcua.tinh.gov.vn/lgsp', false)).toThrow(/phải dùng https/);
    expect(() => checkBaseUrl('https://motcua.tinh.gov.vn/lgsp?x=1', false)).toThrow(/\?…/);
  });
});
