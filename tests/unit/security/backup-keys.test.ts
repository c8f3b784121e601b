import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { createPassphraseKeyring, osKeyProvider, passphraseMatches, passphraseOpener, passphraseSealer } from '../../../src/main/backup/keys';
import { decodeHeader, encodeHeader, FORMAT_VERSION, type BackupHeader } from '../../../src/main/backup/format';

// Real scrypt, just a cheaper cost than production so the unit suite stays fast.
const CHEAP = { N: 1024, r: 8, p: 1 };

describe('backup keys', () => {
  it('seals with the public key alone and opens only with the passphrase', () => {
    const ring = createPassphraseKeyring('đúng là mật khẩu này', CHEAP);
    const sealed = passphraseSealer(ring).sealNewKey();
    expect(sealed.contentKey).toHaveLength(32);
    expect(passphraseOpener('đúng là mật khẩu này').openKey(sealed.keyBlock).equals(sealed.contentKey)).toBe(true);
    expect(() => passphraseOpener('sai mật khẩu rồi').openKey(sealed.keyBlock)).toThrow('Mật khẩu sao lưu không đúng');
    // The sealer itself cannot open anything: it holds no secret.
    expect(() => passphraseSealer(ring).openKey(sealed.keyBlock)).toThrow();
  });

  it('gives every backup its own content key', () => {
    const ring = createPassphraseKeyring('một mật khẩu đủ dài', CHEAP);
    const a = passphraseSealer(ring).sealNewKey();
    const b = passphraseSealer(ring).sealNewKey();
    expect(a.contentKey.equals(b.contentKey)).toBe(false);
  });

  it('normalises the passphrase (NFC), so a decomposed "ệ" typed on another keyboard still works', () => {
    const composed = 'mật khẩu tiếng Việt';
    const ring = createPassphraseKeyring(composed, CHEAP);
    expect(passphraseMatches(ring, composed.normalize('NFD'))).toBe(true);
    expect(passphraseMatches(ring, 'mat khau tieng Viet')).toBe(false);
    const sealed = passphraseSealer(ring).sealNewKey();
    expect(passphraseOpener(composed.normalize('NFD')).openKey(sealed.keyBlock).equals(sealed.contentKey)).toBe(true);
  });

  it('never stores the passphrase or the private key in the clear', () => {
    const pass = 'bí mật không được lộ';
    const ring = createPassphraseKeyring(pass, CHEAP);
    const json = JSON.stringify(ring);
    expect(json).not.toContain(pass);
    expect(json).not.toContain('PRIVATE KEY');
  });

  it('OS-protected scheme: opens with the same master key only', () => {
    const master = crypto.randomBytes(32);
    const sealed = osKeyProvider(master).sealNewKey();
    expect(osKeyProvider(master).openKey(sealed.keyBlock).equals(sealed.contentKey)).toBe(true);
    expect(() => osKeyProvider(crypto.randomBytes(32)).openKey(sealed.keyBlock)).toThrow('máy khác');
    expect(() => passphraseOpener('bất kỳ mật khẩu nào').openKey(sealed.keyBlock)).toThrow('hệ điều hành');
  });
});

describe('backup file header', () => {
  const header: BackupHeader = {
    createdAt: '2024-05-14T23:30:00.000+07:00',
    kind: 'daily',
    appVersion: '0.1.0',
    schemaVersion: 8,
    cipher: 'aes-256-gcm',
    compression: 'gzip',
    iv: crypto.randomBytes(12).toString('base64'),
    key: { scheme: 'os', keyId: '0123456789abcdef', wrappedContentKey: { iv: 'AA==', tag: 'AA==', data: 'AA==' } },
  };

  it('round-trips: magic, version, length, JSON', () => {
    const buf = encodeHeader(header);
    expect(buf.subarray(0, 4).toString('ascii')).toBe('MCBK');
    expect(buf.readUInt16BE(4)).toBe(FORMAT_VERSION);
    expect(buf.readUInt32BE(6)).toBe(buf.length - 10);
    const { header: back, prefix } = decodeHeader(Buffer.concat([buf, Buffer.from('ciphertext…')]));
    expect(back).toEqual(header);
    expect(prefix.equals(buf)).toBe(true);
  });

  it('refuses other files, future versions and absurd lengths with a clear message', () => {
    expect(() => decodeHeader(Buffer.from('SQLite format 3\u0000 and more bytes'))).toThrow('không phải bản sao lưu');
    const future = encodeHeader(header);
    future.writeUInt16BE(FORMAT_VERSION + 1, 4);
    expect(() => decodeHeader(future)).toThrow('Hãy cập nhật ứng dụng');
    const huge = encodeHeader(header);
    huge.writeUInt32BE(0xffffffff, 6);
    expect(() => decodeHeader(huge)).toThrow('không phải bản sao lưu');
    const badJson = Buffer.from(encodeHeader(header));
    badJson[12] = 0x7b; // corrupt the JSON
    badJson[11] = 0x7b;
    expect(() => decodeHeader(badJson)).toThrow('không phải bản sao lưu');
  });
});
