import type { AppContext } from '../app/app-context';
import { AppError } from './app-error';
import type { HandlerMap } from './dispatcher';
import { mutate, verifyAuditChain } from '../audit/audit-log';
import { getOfficeSettings, OFFICE_DEFAULTS, requireOfficeSettings, setSetting } from '../settings/settings-store';
import { checkOwnPassword, countUsers, getUser, insertUser, listUsers, login, logout, setDisabled, setPassword } from '../users/users-service';
import type { AuditEntryView } from '../../shared/api/system-contract';

type SystemMethods =
  | 'system.status' | 'system.setup' | 'auth.login' | 'auth.logout' | 'auth.me' | 'auth.changePassword'
  | 'users.list' | 'users.create' | 'users.setDisabled' | 'users.resetPassword'
  | 'settings.get' | 'settings.update' | 'audit.list' | 'audit.verify';

export function createSystemHandlers(app: AppContext): Pick<HandlerMap, SystemMethods> {
  const isSetUp = () => getOfficeSettings(app.db) !== null && countUsers(app) > 0;
  return {
    'system.status': () => {
      const s = getOfficeSettings(app.db);
      return { setUp: isSetUp(), agencyName: s?.agencyName ?? null, receivingPointName: s?.receivingPointName ?? null, version: app.version, testMode: app.testMode };
    },
    'system.setup': (input, caller) => {
      if (isSetUp()) throw new AppError('INVALID_STATE', 'Ứng dụng đã được thiết lập; hãy đăng nhập bằng tài khoản quản trị.');
      mutate(app, { ...caller, username: input.admin.username }, { action: 'system.setup', entity: 'settings', detail: { agencyId: input.agencyId } }, () => {
        setSetting(app.db, 'office', {
          ...OFFICE_DEFAULTS,
          agencyId: input.agencyId,
          agencyName: input.agencyName.normalize('NFC'),
          parentAgencyName: input.parentAgencyName.normalize('NFC'),
          receivingPointName: input.receivingPointName.normalize('NFC'),
          place: input.place.normalize('NFC'),
          counterNumber: input.counterNumber,
        });
        insertUser(app, { ...input.admin, role: 'admin', counterNumber: input.counterNumber });
      });
      return { done: true as const };
    },
    'auth.login': (input, caller) => {
      if (!isSetUp()) throw new AppError('NOT_SET_UP', 'Ứng dụng chưa được thiết lập lần đầu.');
      return login(app, input.username, input.password, caller.device, { fromHost: caller.fromHost });
    },
    'auth.logout': (_i, caller) => {
      logout(app, caller);
      return { done: true as const };
    },
    'auth.me': (_i, caller) => getUser(app, caller.userId!),
    'auth.changePassword': (input, caller) => {
      if (!checkOwnPassword(app, caller.userId!, input.oldPassword)) throw new AppError('VALIDATION', 'Mật khẩu hiện tại không đúng', { oldPassword: 'Không đúng' });
      setPassword(app, caller, caller.userId!, input.newPassword, 'auth.changePassword');
      return { done: true as const };
    },
    'users.list': () => listUsers(app),
    'users.create': (input, caller) =>
      mutate(app, caller, (u) => ({ action: 'users.create', entity: 'user', entityId: u.id, detail: { role: input.role } }), () => insertUser(app, input)),
    'users.setDisabled': (input, caller) => setDisabled(app, caller, input.userId, input.disabled),
    'users.resetPassword': (input, caller) => {
      setPassword(app, caller, input.userId, input.password, 'users.resetPassword');
      return { done: true as const };
    },
    'settings.get': () => {
      const s = getOfficeSettings(app.db);
      if (!s) throw new AppError('NOT_SET_UP', 'Ứng dụng chưa được thiết lập lần đầu.');
      return s;
    },
    'settings.update': (patch, caller) => {
      const next = { ...requireOfficeSettings(app.db), ...patch };
      mutate(app, caller, { action: 'settings.update', entity: 'settings', detail: { keys: Object.keys(patch) } }, () => setSetting(app.db, 'office', next));
      app.events.emit('settings.changed', { by: caller.username ?? '' });
      return next;
    },
    'audit.list': (input) => {
      const rows = app.db
        .prepare('SELECT id, at, actor, device, action, entity, entity_id, detail FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?')
        .all(input.beforeId ?? Number.MAX_SAFE_INTEGER, input.limit) as (Omit<AuditEntryView, 'entityId'> & { entity_id: string | null })[];
      return rows.map(({ entity_id, ...r }) => ({ ...r, entityId: entity_id }));
    },
    'audit.verify': () => verifyAuditChain(app.db),
  };
}
