import fs from 'node:fs';
import { z } from 'zod';

/**
 * Per-PC choice made at first run: this PC is the office host (services and database run here),
 * or a terminal of a host (every call goes to the host's office server). Kept in the data folder.
 */
export const installConfigSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('host'), port: z.number().int().min(1).max(65535).default(8686) }),
  z.object({
    mode: z.literal('terminal'),
    hostUrl: z
      .string()
      .url('Địa chỉ máy chủ không hợp lệ, ví dụ http://192.168.1.10:8686')
      .refine((u) => /^https?:\/\//.test(u), 'Địa chỉ máy chủ phải bắt đầu bằng http:// hoặc https://'),
  }),
]);
export type InstallConfig = z.infer<typeof installConfigSchema>;

export function readInstallConfig(file: string): InstallConfig | null {
  if (!fs.existsSync(file)) return null;
  const parsed = installConfigSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : null;
}

export function writeInstallConfig(file: string, config: InstallConfig): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(config, null, 2));
  fs.renameSync(tmp, file);
}
