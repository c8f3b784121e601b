/** Reads and writes of the sync tables (migration 007): configuration, state, run log, parked items. */
import type { Db } from '../db/database';
import type { ParkedItemView, SyncConfigView, SyncRunOutcome, SyncRunReason, SyncRunView } from '../../shared/api/sync-contract';
import { DOSSIER_ACTIONS } from '../../shared/dossiers/lifecycle';
import { schemeOf } from './secret-store';

export interface SyncConfigRow {
  base_url: string;
  username: string;
  agency_id: string;
  password_sealed: string;
  interval_sec: number;
  timeout_ms: number;
  enabled: number;
  updated_at: string;
  updated_by: string | null;
}

export function readSyncConfig(db: Db): SyncConfigRow | null {
  return (db.prepare('SELECT * FROM sync_config WHERE id = 1').get() as SyncConfigRow | undefined) ?? null;
}

export function configView(c: SyncConfigRow): SyncConfigView {
  return {
    baseUrl: c.base_url,
    username: c.username,
    agencyId: c.agency_id,
    intervalSec: c.interval_sec,
    timeoutSec: Math.max(1, Math.round(c.timeout_ms / 1000)),
    enabled: c.enabled === 1,
    secretScheme: schemeOf(c.password_sealed),
    updatedAt: c.updated_at,
  };
}

/** Inside a transaction. */
export function writeSyncConfig(db: Db, c: SyncConfigRow): void {
  db.prepare(
    `INSERT INTO sync_config (id, base_url, username, agency_id, password_sealed, interval_sec, timeout_ms, enabled, updated_at, updated_by)
     VALUES (1, @base_url, @username, @agency_id, @password_sealed, @interval_sec, @timeout_ms, @enabled, @updated_at, @updated_by)
     ON CONFLICT(id) DO UPDATE SET base_url = excluded.base_url, username = excluded.username, agency_id = excluded.agency_id,
       password_sealed = excluded.password_sealed, interval_sec = excluded.interval_sec, timeout_ms = excluded.timeout_ms,
       enabled = excluded.enabled, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(c);
}

export interface SyncStateRow {
  feed_cursor: string;
  catalog_since: string | null;
  calendar_checked_on: string | null;
  online: number | null;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_kind: 'offline' | 'config' | 'internal' | null;
  next_run_at: string | null;
}

export function readSyncState(db: Db): SyncStateRow {
  return db.prepare('SELECT * FROM sync_state WHERE id = 1').get() as SyncStateRow;
}

export function updateSyncState(db: Db, patch: Partial<SyncStateRow>): void {
  const cols = Object.keys(patch);
  if (!cols.length) return;
  db.prepare(`UPDATE sync_state SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = 1`).run(patch);
}

export function pendingCount(db: Db): number {
  return (db.prepare("SELECT count(*) n FROM outbox WHERE status = 'pending'").get() as { n: number }).n;
}

export function parkedCount(db: Db): number {
  return (db.prepare('SELECT count(*) n FROM sync_parked').get() as { n: number }).n;
}

// ---------------------------------------------------------------- run log

interface RunRow {
  id: number;
  reason: SyncRunReason;
  started_at: string;
  finished_at: string | null;
  outcome: SyncRunOutcome | null;
  pushed: number;
  pulled: number;
  parked: number;
  pending: number;
  error: string | null;
}

const runView = (r: RunRow): SyncRunView => ({
  id: r.id,
  reason: r.reason,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  outcome: r.outcome,
  pushed: r.pushed,
  pulled: r.pulled,
  parked: r.parked,
  pending: r.pending,
  error: r.error,
});

export function startRunRow(db: Db, reason: SyncRunReason, at: string): number {
  return Number(db.prepare('INSERT INTO sync_runs (reason, started_at) VALUES (?, ?)').run(reason, at).lastInsertRowid);
}

/** How many runs the log keeps. */
export const RUN_LOG_KEEP = 1000;

export function finishRunRow(db: Db, id: number, r: { finishedAt: string; outcome: SyncRunOutcome; pushed: number; pulled: number; parked: number; pending: number; error: string | null }): void {
  db.prepare('UPDATE sync_runs SET finished_at = ?, outcome = ?, pushed = ?, pulled = ?, parked = ?, pending = ?, error = ? WHERE id = ?').run(
    r.finishedAt,
    r.outcome,
    r.pushed,
    r.pulled,
    r.parked,
    r.pending,
    r.error,
    id,
  );
  db.prepare('DELETE FROM sync_runs WHERE id <= ?').run(id - RUN_LOG_KEEP);
}

export function getRun(db: Db, id: number): SyncRunView | null {
  const r = db.prepare('SELECT * FROM sync_runs WHERE id = ?').get(id) as RunRow | undefined;
  return r ? runView(r) : null;
}

export function listRuns(db: Db, limit: number): SyncRunView[] {
  return (db.prepare('SELECT * FROM sync_runs ORDER BY id DESC LIMIT ?').all(limit) as RunRow[]).map(runView);
}

// ---------------------------------------------------------------- parked items

interface ParkedRow {
  id: number;
  change_id: string;
  kind: 'dossier' | 'progress' | 'rating';
  entity_id: string;
  payload: string;
  attempts: number;
  server_message: string | null;
  created_at: string;
  parked_at: string | null;
  dossier_id: string | null;
  dossier_code: string | null;
}

function labelOf(db: Db, r: ParkedRow): string {
  if (r.kind === 'dossier') return 'Hồ sơ';
  if (r.kind === 'rating') return 'Đánh giá mức độ hài lòng';
  const stepId = (JSON.parse(r.payload) as { stepId?: string }).stepId;
  const action = stepId ? (db.prepare('SELECT action FROM dossier_steps WHERE id = ?').get(stepId) as { action: string } | undefined)?.action : undefined;
  const label = action ? ((DOSSIER_ACTIONS as Record<string, { label: string }>)[action]?.label ?? action) : null;
  return label ? `Bước xử lý: ${label}` : 'Bước xử lý';
}

function parkedView(db: Db, r: ParkedRow): ParkedItemView {
  let code = r.dossier_code;
  if (!code && r.kind === 'rating') code = (JSON.parse(r.payload) as { MaHoSo?: string }).MaHoSo ?? null;
  return {
    id: r.id,
    kind: r.kind,
    label: labelOf(db, r),
    dossierId: r.dossier_id,
    dossierCode: code,
    message: r.server_message ?? '',
    attempts: r.attempts,
    createdAt: r.created_at,
    parkedAt: r.parked_at,
  };
}

export function listParked(db: Db, limit: number): ParkedItemView[] {
  return (db.prepare('SELECT * FROM sync_parked ORDER BY id LIMIT ?').all(limit) as ParkedRow[]).map((r) => parkedView(db, r));
}

export function getParkedRows(db: Db, ids: readonly number[]): ParkedRow[] {
  const q = db.prepare('SELECT * FROM sync_parked WHERE id = ?');
  return ids.map((id) => q.get(id) as ParkedRow | undefined).filter((r): r is ParkedRow => r !== undefined);
}
