import { z } from 'zod';
import { ADMINS, method } from './define';
import { labelSchema } from '../security/text-rules';

export const DEVICE_KINDS = ['terminal', 'board', 'kiosk'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Pairing code alphabet: no 0/O, 1/I/L, so a code read off a screen is typed right the first time. */
export const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 8;
export const PAIRING_MINUTES = 10;

/** Accepts "k7mp 3qxa", "K7MP-3QXA"…; yields the canonical 8 characters. */
export const pairingCodeSchema = z
  .string()
  .max(32, 'Mã ghép nối gồm 8 ký tự')
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .refine((s) => s.length === PAIRING_CODE_LENGTH && [...s].every((c) => PAIRING_ALPHABET.includes(c)), 'Mã ghép nối gồm 8 ký tự chữ và số, ví dụ K7MP-3QXA');

export interface DeviceView {
  id: string;
  kind: DeviceKind;
  name: string;
  pairedAt: string;
  pairedBy: string | null;
  lastSeenAt: string | null;
  lastSeenAddress: string | null;
  revokedAt: string | null;
}

export const devicesContract = {
  'devices.createPairingCode': method<{ code: string; kind: DeviceKind; expiresAt: string }>()({
    input: z.object({ kind: z.enum(DEVICE_KINDS, 'Loại thiết bị là máy quầy, bảng hiển thị hoặc ki-ốt') }).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: `Tạo mã ghép nối dùng một lần (hết hạn sau ${PAIRING_MINUTES} phút) cho một thiết bị trong mạng LAN.`,
  }),
  'devices.pair': method<{ token: string; device: DeviceView }>()({
    input: z.object({ code: pairingCodeSchema, name: labelSchema(60, 'Tên thiết bị') }).strict(),
    access: { kind: 'public' },
    summary: 'Thiết bị nhập mã ghép nối và nhận mã thiết bị (bảng hiển thị: chỉ đọc; ki-ốt: chỉ chức năng ki-ốt).',
  }),
  'devices.list': method<DeviceView[]>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Danh sách thiết bị đã ghép nối, lần cuối kết nối, đã thu hồi chưa.',
  }),
  'devices.revoke': method<DeviceView>()({
    input: z.object({ deviceId: z.uuid('Mã thiết bị không hợp lệ') }).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Thu hồi mã của một thiết bị: mọi lời gọi sau đó bị từ chối.',
  }),
  'devices.whoami': method<{ id: string; kind: DeviceKind; name: string }>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: [], board: true, kiosk: true },
    summary: 'Thiết bị (bảng hiển thị, ki-ốt) kiểm tra mã của mình còn hiệu lực.',
  }),
};
