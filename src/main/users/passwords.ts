import crypto from 'node:crypto';

// scrypt with a per-user salt; N=2^14 keeps a login near 50 ms on a modest counter PC.
const KEYLEN = 64;
const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function hashPassword(password: string, salt = crypto.randomBytes(16).toString('hex')): { hash: string; salt: string } {
  const hash = crypto.scryptSync(password.normalize('NFC'), salt, KEYLEN, PARAMS).toString('hex');
  return { hash, salt };
}

export function verifyPassword(password: string, salt: string, expectedHex: string): boolean {
  const actual = crypto.scryptSync(password.normalize('NFC'), salt, KEYLEN, PARAMS);
  const expected = Buffer.from(expectedHex, 'hex');
  return expected.length === actual.length && crypto.timingSafeEqual(actual, expected);
}

export function newToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
