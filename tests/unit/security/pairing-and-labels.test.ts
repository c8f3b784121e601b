import { describe, expect, it } from 'vitest';
import { formatPairingCode, generatePairingCode } from '../../../src/main/devices/device-service';
import { PAIRING_ALPHABET, pairingCodeSchema } from '../../../src/shared/api/devices-contract';
import { absolutePathSchema, labelSchema } from '../../../src/shared/security/text-rules';
import { refusalReason } from '../../../src/main/security/refusal-audit';
import type { Caller } from '../../../src/main/app/app-context';

describe('pairing codes', () => {
  it('are 8 characters from an alphabet without look-alikes (0/O, 1/I/L)', () => {
    for (let i = 0; i < 200; i++) {
      const code = generatePairingCode();
      expect(code).toMatch(new RegExp(`^[${PAIRING_ALPHABET}]{8}$`));
    }
    expect(PAIRING_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('skip random bytes that would bias the letters (rejection sampling)', () => {
    // 248..255 lie above the largest multiple of 31 below 256: they must be skipped, not folded.
    const bytes = [255, 250, 248, 0, 1, 2, 3, 4, 5, 6, 7, 30, 31, 247];
    let calls = 0;
    const code = generatePairingCode((n) => {
      calls++;
      return Buffer.from(Array.from({ length: n }, (_, i) => bytes[i % bytes.length]));
    });
    expect(calls).toBe(1);
    expect(code).toBe([0, 1, 2, 3, 4, 5, 6, 7].map((i) => PAIRING_ALPHABET[i]).join(''));
  });

  it('are shown in two groups and accepted however they are typed', () => {
    expect(formatPairingCode('K7MP3QXA')).toBe('K7MP-3QXA');
    for (const typed of ['K7MP-3QXA', 'k7mp3qxa', ' k7mp 3qxa ', 'K7MP-3QXA\t']) expect(pairingCodeSchema.parse(typed)).toBe('K7MP3QXA');
    for (const bad of ['K7MP-3QX', 'K7MP-3QXA9', 'O0I1-L1O0', 'K7MP-3QXÁ', '\u202EK7MP3QXA']) expect(pairingCodeSchema.safeParse(bad).success).toBe(false);
  });
});

describe('labels and paths from the network', () => {
  const name = labelSchema(60, 'Tên thiết bị');
  it('refuse controls, NUL and bidirectional overrides; normalise to NFC', () => {
    expect(name.parse('Bảng hie\u0302\u0309n thị')).toBe('Bảng hiển thị');
    for (const bad of ['a\u0000b', 'Bảng\u202Egnp.exe', 'x\u2066y', 'a\u0007', '   ', 'x'.repeat(61)]) {
      expect(name.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
  it('accept only absolute folder paths (Windows, UNC, POSIX)', () => {
    const dir = absolutePathSchema('Thư mục');
    for (const ok of ['E:\\SaoLuu', 'D:/backup', '\\\\may-chu\\chia-se\\motcua', '/media/usb']) expect(dir.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['SaoLuu', '..\\..\\Windows', 'E:', '\\\\', 'E:\\Sao\u0000Luu']) expect(dir.safeParse(bad).success, bad).toBe(false);
  });
});

describe('refusal reasons for the audit log', () => {
  const base: Caller = { userId: null, username: null, fullName: null, role: null, device: 'x', tokenHash: null };
  it('name what was refused', () => {
    expect(refusalReason('UNAUTHENTICATED', 'no-token', null)).toBe('no-token');
    expect(refusalReason('UNAUTHENTICATED', 'revoked-device', null)).toBe('revoked-device');
    expect(refusalReason('FORBIDDEN', null, { ...base, role: 'board' })).toBe('read-only-device');
    expect(refusalReason('FORBIDDEN', null, { ...base, role: 'kiosk' })).toBe('kiosk-not-allowed');
    expect(refusalReason('FORBIDDEN', null, { ...base, role: 'clerk' })).toBe('wrong-role');
    expect(refusalReason('LOCKED', null, { ...base, role: 'clerk', locked: true })).toBe('screen-locked');
    expect(refusalReason('VALIDATION', null, { ...base, role: 'clerk' })).toBeNull();
    expect(refusalReason('NOT_FOUND', null, null)).toBeNull();
  });
});
