import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { PAIRING_ALPHABET, PAIRING_CODE_LENGTH, PAIRING_MINUTES, type DeviceKind, type DeviceView } from '../../shared/api/devices-contract';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import { mutate } from '../audit/audit-log';
import { hashToken, newToken } from '../users/passwords';
import { auditRefusal } from '../security/refusal-audit';

interface DeviceRow {
  id: string; kind: DeviceKind; name: string; token_hash: string; paired_at: string; paired_by: string | null;
  last_seen_at: string | null; last_seen_address: string | null; revoked_at: string | null; revoked_by: string | null;
}

function view(r: DeviceRow): DeviceView {
  return { id: r.id, kind: r.kind, name: r.name, pairedAt: r.paired_at, pairedBy: r.paired_by, lastSeenAt: r.last_seen_at, lastSeenAddress: r.last_seen_address, revokedAt: r.revoked_at };
}

/** 8 characters from a 31-letter alphabet (~40 bits): unguessable within 10 minutes behind the rate limit. */
export function generatePairingCode(random: (n: number) => Buffer = crypto.randomBytes): string {
  let code = '';
  while (code.length < PAIRING_CODE_LENGTH) {
    for (const b of random(16)) {
      // Rejection sampling keeps every letter equally likely (256 is not a multiple of 31).
      const limit = 256 - (256 % PAIRING_ALPHABET.length);
      if (b < limit && code.length < PAIRING_CODE_LENGTH) code += PAIRING_ALPHABET[b % PAIRING_ALPHABET.length];
    }
  }
  return code;
}

/** Shown as two groups of four so it is easy to read aloud and type: K7MP-3QXA. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function createPairingCode(app: AppContext, caller: Caller, kind: DeviceKind): { code: string; kind: DeviceKind; expiresAt: string } {
  const now = app.clock.now();
  const code = generatePairingCode();
  const expiresAt = isoLocal(new Date(now.getTime() + PAIRING_MINUTES * 60_000));
  mutate(app, caller, { action: 'devices.pairingCode', entity: 'device', detail: { kind } }, () => {
    app.db
      .prepare('INSERT INTO device_pairing_codes (code_hash, kind, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(hashToken(code), kind, caller.username ?? '', isoLocal(now), expiresAt);
  });
  return { code: formatPairingCode(code), kind, expiresAt };
}

const BAD_CODE = 'Mã ghép nối không đúng, đã dùng hoặc đã hết hạn. Hãy xin quản trị tạo mã mới.';

/** Exchanges a valid one-time code for a device token; the code is spent in the same transaction. */
export function pairDevice(app: AppContext, caller: Caller, code: string, name: string): { token: string; device: DeviceView } {
  const now = app.clock.now();
  const row = app.db.prepare('SELECT kind, created_by, expires_at, used_at FROM device_pairing_codes WHERE code_hash = ?').get(hashToken(code)) as
    | { kind: DeviceKind; created_by: string; expires_at: string; used_at: string | null }
    | undefined;
  if (!row || row.used_at || new Date(row.expires_at) <= now) {
    auditRefusal(app, { reason: 'bad-pairing-code', source: caller.device, detail: { known: !!row, used: !!row?.used_at } });
    throw new AppError('VALIDATION', BAD_CODE, { code: BAD_CODE });
  }
  const { token, hash } = newToken();
  const id = uuidv7();
  const device = mutate(app, { ...caller, username: null }, { action: 'devices.pair', entity: 'device', entityId: id, detail: { kind: row.kind } }, () => {
    app.db
      .prepare('INSERT INTO devices (id, kind, name, token_hash, paired_at, paired_by, last_seen_at, last_seen_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, row.kind, name, hash, isoLocal(now), row.created_by, isoLocal(now), caller.device);
    const spent = app.db.prepare('UPDATE device_pairing_codes SET used_at = ?, device_id = ? WHERE code_hash = ? AND used_at IS NULL').run(isoLocal(now), id, hashToken(code));
    // Two devices racing with the same code: only one UPDATE matches; the other's device row rolls back.
    if (spent.changes !== 1) throw new AppError('VALIDATION', BAD_CODE, { code: BAD_CODE });
    return getDevice(app, id);
  });
  return { token, device };
}

export function getDevice(app: AppContext, id: string): DeviceView {
  const r = app.db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy thiết bị');
  return view(r);
}

export function listDevices(app: AppContext): DeviceView[] {
  return (app.db.prepare('SELECT * FROM devices ORDER BY revoked_at IS NOT NULL, paired_at DESC').all() as DeviceRow[]).map(view);
}

export function revokeDevice(app: AppContext, caller: Caller, id: string): DeviceView {
  const d = getDevice(app, id);
  if (d.revokedAt) return d;
  return mutate(app, caller, { action: 'devices.revoke', entity: 'device', entityId: id, detail: { kind: d.kind } }, () => {
    app.db.prepare('UPDATE devices SET revoked_at = ?, revoked_by = ? WHERE id = ?').run(isoLocal(app.clock.now()), caller.username, id);
    return getDevice(app, id);
  });
}

// "Last seen" is telemetry, not an audited change: written at most once a minute per device.
const LAST_SEEN_EVERY_MS = 60_000;
const lastSeenWritten = new WeakMap<AppContext, Map<string, number>>();

function touch(app: AppContext, r: DeviceRow, address: string): void {
  const now = app.clock.now();
  let seen = lastSeenWritten.get(app);
  if (!seen) lastSeenWritten.set(app, (seen = new Map()));
  const last = seen.get(r.id) ?? (r.last_seen_at ? new Date(r.last_seen_at).getTime() : 0);
  if (now.getTime() - last < LAST_SEEN_EVERY_MS && r.last_seen_address === address) return;
  seen.set(r.id, now.getTime());
  try {
    app.db.prepare('UPDATE devices SET last_seen_at = ?, last_seen_address = ? WHERE id = ?').run(isoLocal(now), address, r.id);
  } catch (e) {
    // A full disk must not turn every board poll into an error; the answer is still served.
    app.log.warn('device last-seen not saved', { error: e });
  }
}

export type DeviceTokenResult = { status: 'ok'; caller: Caller; kind: DeviceKind } | { status: 'revoked' | 'unknown' };

/** Resolves a device token: boards get the read-only 'board' role, kiosks 'kiosk', terminals no role of their own. */
export function resolveDeviceToken(app: AppContext, token: string, address: string): DeviceTokenResult {
  const tokenHash = hashToken(token);
  const r = app.db.prepare('SELECT * FROM devices WHERE token_hash = ?').get(tokenHash) as DeviceRow | undefined;
  if (!r) return { status: 'unknown' };
  if (r.revoked_at) return { status: 'revoked' };
  touch(app, r, address);
  const role = r.kind === 'board' ? 'board' : r.kind === 'kiosk' ? 'kiosk' : null;
  return { status: 'ok', kind: r.kind, caller: { userId: null, username: null, fullName: r.name, role, device: `${r.kind}:${r.name}`, tokenHash } };
}

export function deviceByTokenHash(app: AppContext, tokenHash: string): DeviceView | null {
  const r = app.db.prepare('SELECT * FROM devices WHERE token_hash = ?').get(tokenHash) as DeviceRow | undefined;
  return r ? view(r) : null;
}
