/** Saving the sync configuration (administrator) and resending parked items (supervisor). */
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import { mutate } from '../audit/audit-log';
import { getRowById } from '../dossiers/dossier-repo';
import { requireOfficeSettings } from '../settings/settings-store';
import { enqueueChange } from './outbox';
import { secretStoreForNew } from './secret-store';
import { getParkedRows, readSyncConfig, updateSyncState, writeSyncConfig } from './sync-store';
import type { syncConfigInputSchema } from '../../shared/api/sync-contract';
import type { z } from 'zod';

type ConfigInput = z.output<typeof syncConfigInputSchema>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Plain HTTP only to this machine (a local test server); the province's server is reached over HTTPS. */
export function checkBaseUrl(raw: string, testMode: boolean): string {
  const u = new URL(raw);
  if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname) && !testMode) {
    throw new AppError('VALIDATION', 'Máy chủ tỉnh phải dùng https:// (chỉ máy chủ thử trên chính máy này mới dùng http://).', { baseUrl: 'Cần https://' });
  }
  if (u.search || u.hash) throw new AppError('VALIDATION', 'Địa chỉ máy chủ tỉnh không được có phần ?… hoặc #…', { baseUrl: 'Bỏ phần ?… hoặc #…' });
  return u.toString().replace(/\/+$/, '');
}

/** Stores the configuration; the password is sealed before it reaches the database. Returns whether the server changed. */
export function saveSyncConfig(app: AppContext, caller: Caller, input: ConfigInput): { serverChanged: boolean } {
  const baseUrl = checkBaseUrl(input.baseUrl, app.testMode);
  const existing = readSyncConfig(app.db);
  if (!existing && !input.password) throw new AppError('VALIDATION', 'Nhập mật khẩu tài khoản do tỉnh cấp', { password: 'Chưa nhập mật khẩu' });
  const agencyId = input.agencyId ?? existing?.agency_id ?? requireOfficeSettings(app.db).agencyId;
  const sealed = input.password ? secretStoreForNew(app.paths.root).seal(input.password) : existing!.password_sealed;
  const serverChanged = !existing || existing.base_url !== baseUrl || existing.agency_id !== agencyId || existing.username !== input.username;
  mutate(
    app,
    caller,
    {
      action: 'sync.configure',
      entity: 'settings',
      entityId: 'sync',
      detail: { host: new URL(baseUrl).host, enabled: input.enabled, intervalSec: input.intervalSec, passwordChanged: !!input.password, serverChanged },
    },
    () => {
      writeSyncConfig(app.db, {
        base_url: baseUrl,
        username: input.username,
        agency_id: agencyId,
        password_sealed: sealed,
        interval_sec: input.intervalSec,
        timeout_ms: input.timeoutSec * 1000,
        enabled: input.enabled ? 1 : 0,
        updated_at: isoLocal(app.clock.now()),
        updated_by: caller.username,
      });
      // Another server or agency: its feed and catalog positions mean nothing here.
      if (serverChanged) updateSyncState(app.db, { feed_cursor: '', catalog_since: null, calendar_checked_on: null });
      updateSyncState(app.db, { last_error: null, last_error_kind: null });
    },
  );
  return { serverChanged };
}

/**
 * Queues parked items again, each as a NEW change (new change key): a parked change was refused,
 * never applied, and the dossier may have been corrected since. A dossier is sent as its current
 * whole copy; a step or a rating with its recorded content. The parked entries leave the list.
 */
export function resendParked(app: AppContext, caller: Caller, ids: readonly number[]): number {
  const rows = getParkedRows(app.db, [...new Set(ids)]);
  if (!rows.length) throw new AppError('NOT_FOUND', 'Các mục đã chọn không còn trong danh sách bị giữ lại (có thể đã được gửi lại).');
  return mutate(app, caller, (n: number) => ({ action: 'sync.resend', entity: 'outbox', detail: { count: n } }), () => {
    const now = app.clock.now();
    const idOf = app.db.prepare('SELECT id FROM outbox WHERE change_id = ?');
    const supersede = app.db.prepare('UPDATE outbox SET superseded_by = ? WHERE id = ?');
    const copies = new Map<string, number>();
    for (const r of rows) {
      let newId = r.kind === 'dossier' ? copies.get(r.entity_id) : undefined;
      if (newId === undefined) {
        let payload: unknown = JSON.parse(r.payload);
        if (r.kind === 'dossier') {
          const d = getRowById(app.db, r.entity_id);
          if (!d) throw new AppError('NOT_FOUND', 'Hồ sơ của mục này không còn trong cơ sở dữ liệu.');
          payload = { op: d.server_version > 0 ? 'update' : 'create', resendOf: r.id };
        }
        const changeId = enqueueChange(app.db, now, { kind: r.kind, entityId: r.entity_id, payload });
        newId = (idOf.get(changeId) as { id: number }).id;
        if (r.kind === 'dossier') copies.set(r.entity_id, newId);
      }
      supersede.run(newId, r.id);
    }
    return rows.length;
  });
}
