/**
 * The push phase: outbox entries in id order, at most `batchSize` per call, by service.
 *
 * Each window of pending entries is sent in three steps:
 * 1. dossiers (`DongBoHoSoMC`): the pending entries of one dossier are coalesced into ONE whole
 *    copy built from the current row, keyed by the LAST entry's change id (see docs/sync.md:
 *    an update replaces the whole dossier, so the last copy carries every earlier change; keying
 *    it by the last change makes a repeat after a lost answer safe: the server remembers that
 *    key only for a copy that contains that change). `server_version = 0` → create; `-3` → go on
 *    as an update; `-8` → merge the server's copy by ownership, resend with the new base.
 * 2. progress steps (`CapNhatTienDoHoSoMC`), only for dossiers the server has (a step never goes
 *    before its dossier's create), one step per dossier per call and in id order, so steps keep
 *    their order even when one of them has to wait.
 * 3. ratings (`DongBoDanhGiaHaiLong`).
 * Parked entries (`-5`) never hold the others back.
 */
import type { AppContext } from '../app/app-context';
import { isoLocal } from '../app/clock';
import type { DossierRow } from '../dossiers/dossier-repo';
import { bookkeeping, dossierRowById, dossierSyncHead, stmt } from './statements';
import { enqueueChange } from './outbox';
import type { ClassifiedItem } from './provincial-client';
import { getStepRow, hoSoRequest, mapTienDo, stepContext } from './hoso-mapper';
import { applyServerCopy } from './server-copy';
import { isSameDossier, recordCollision } from './collisions';
import { RunStop, TOO_LARGE, type RunContext, type TooLarge } from './sync-run';
import type { DanhGia, HoSo, HoSoRequest, TienDo } from '../../shared/sync/provincial-types';
import type { DossierStatus } from '../../shared/domain/status';

export interface OutboxEntry {
  id: number;
  change_id: string;
  kind: 'dossier' | 'progress' | 'rating';
  entity_id: string;
  payload: string;
}

/** Pending entries read at a time; keeps memory flat on a large backlog. */
const WINDOW = 1000;
/** `-3`/`-4`/`-8` rounds per dossier within one window before it waits for the next run. */
const MAX_DOSSIER_ROUNDS = 5;

type Sent<T> = { item: T; result: ClassifiedItem | TooLarge };

// ---------------------------------------------------------------- outbox bookkeeping

function markSent(app: AppContext, ids: readonly number[], version: number): void {
  const q = stmt(app.db, "UPDATE outbox SET status = 'sent', sent_at = ?, server_version = ?, attempts = attempts + 1, last_error = NULL WHERE id = ? AND status = 'pending'");
  const at = isoLocal(app.clock.now());
  for (const id of ids) q.run(at, version, id);
}

function markParked(app: AppContext, ids: readonly number[], message: string): number {
  const q = stmt(app.db, "UPDATE outbox SET status = 'parked', parked_at = ?, last_error = ?, attempts = attempts + 1 WHERE id = ? AND status = 'pending'");
  const at = isoLocal(app.clock.now());
  let n = 0;
  for (const id of ids) n += q.run(at, message, id).changes;
  return n;
}

/** A failed attempt: keep the entry pending, remember why. */
function noteAttempt(app: AppContext, ids: readonly number[], message: string): void {
  const q = stmt(app.db, "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ? AND status = 'pending'");
  for (const id of ids) q.run(message, id);
}

/** A whole copy of the dossier was accepted: parked copies of it are answered by it. */
function supersedeParkedCopies(app: AppContext, dossierId: string, byId: number): void {
  stmt(app.db, "UPDATE outbox SET superseded_by = ? WHERE entity_id = ? AND kind = 'dossier' AND status = 'parked' AND superseded_by IS NULL AND id < ?").run(byId, dossierId, byId);
}

function setServerVersion(app: AppContext, dossierId: string, version: number): void {
  stmt(app.db, 'UPDATE dossiers SET server_version = ? WHERE id = ?').run(version, dossierId);
}

/** Raises the known version, never lowers it (an old repeat answer says nothing newer). */
function raiseServerVersion(app: AppContext, dossierId: string, version: number): void {
  stmt(app.db, 'UPDATE dossiers SET server_version = ? WHERE id = ? AND server_version < ?').run(version, dossierId, version);
}

// ---------------------------------------------------------------- batching

/** Sends `items` in calls of at most `batchSize`; a 413 splits the call, a lone item too large is reported as such. */
async function sendInBatches<T>(
  ctx: RunContext,
  items: readonly T[],
  send: (chunk: T[]) => ReturnType<RunContext['client']['pushDossiers']>,
  idsOf: (item: T) => readonly number[],
  onResults: (sent: Sent<T>[]) => void,
): Promise<void> {
  for (let i = 0; i < items.length; i += ctx.batchSize) {
    ctx.checkStopped();
    await sendChunk(ctx, items.slice(i, i + ctx.batchSize), send, idsOf, onResults);
  }
}

async function sendChunk<T>(
  ctx: RunContext,
  chunk: T[],
  send: (chunk: T[]) => ReturnType<RunContext['client']['pushDossiers']>,
  idsOf: (item: T) => readonly number[],
  onResults: (sent: Sent<T>[]) => void,
): Promise<void> {
  const r = await ctx.exchange(
    () => send(chunk),
    (message) => bookkeeping(ctx.app.db, () => noteAttempt(ctx.app, chunk.flatMap(idsOf), message)),
  );
  if (r === TOO_LARGE) {
    if (chunk.length === 1) return onResults([{ item: chunk[0], result: TOO_LARGE }]);
    const mid = Math.ceil(chunk.length / 2);
    await sendChunk(ctx, chunk.slice(0, mid), send, idsOf, onResults);
    await sendChunk(ctx, chunk.slice(mid), send, idsOf, onResults);
    return;
  }
  onResults(chunk.map((item, i) => ({ item, result: r[i] })));
}

const UNMAPPABLE = 'Dữ liệu đã lưu không ghi được theo định dạng của hệ thống tỉnh:';
const TOO_LARGE_MESSAGE = 'Dữ liệu của mục này vượt quá giới hạn 1 MiB của máy chủ tỉnh (HTTP 413).';

function configStop(result: ClassifiedItem): never {
  throw new RunStop('config', result.message || `Máy chủ tỉnh từ chối đơn vị hoặc mã hồ sơ ${result.MaHoSo} (mã lỗi ${result.error_code}); kiểm tra mã đơn vị trong cấu hình đồng bộ.`);
}

// ---------------------------------------------------------------- dossiers

interface DossierGroup {
  dossierId: string;
  ids: number[];
  /** The change key of the coalesced copy: the group's last entry's. */
  key: string;
  /** Send as an update even though no version is known (after `-3`). */
  asUpdate: boolean;
  rounds: number;
}

async function pushDossiers(ctx: RunContext, entries: OutboxEntry[]): Promise<void> {
  const { app } = ctx;
  const byDossier = new Map<string, DossierGroup>();
  for (const e of entries) {
    const g = byDossier.get(e.entity_id);
    if (g) {
      g.ids.push(e.id);
      g.key = e.change_id;
    } else byDossier.set(e.entity_id, { dossierId: e.entity_id, ids: [e.id], key: e.change_id, asUpdate: false, rounds: 0 });
  }
  let work = [...byDossier.values()];
  while (work.length) {
    const next: DossierGroup[] = [];
    const creates: DossierGroup[] = [];
    const updates: DossierGroup[] = [];
    for (const g of work) {
      const row = dossierSyncHead(app.db, g.dossierId);
      if (!row) {
        ctx.counts.parked += bookkeeping(app.db, () => markParked(app, g.ids, 'Không còn hồ sơ này trong cơ sở dữ liệu của quầy.'));
        ctx.handled(g.ids.length);
        continue;
      }
      (row.server_version === 0 && !g.asUpdate ? creates : updates).push(g);
    }
    for (const [isUpdating, groups] of [
      [false, creates],
      [true, updates],
    ] as const) {
      // Copies are built right before each call, from the rows as they are then.
      for (let i = 0; i < groups.length; i += ctx.batchSize) {
        ctx.checkStopped();
        const built: { g: DossierGroup; req: HoSoRequest; row: DossierRow }[] = [];
        for (const g of groups.slice(i, i + ctx.batchSize)) {
          const row = dossierRowById(app.db, g.dossierId);
          if (!row) continue;
          try {
            built.push({ g, row, req: hoSoRequest(app.db, row, g.key, isUpdating ? row.server_version : 0) });
          } catch (e) {
            // Stored data that cannot even be written in the contract's terms: a person must look.
            bookkeeping(app.db, () => markParked(app, g.ids, `${UNMAPPABLE} ${(e as Error).message}`));
            ctx.counts.parked += 1;
            ctx.handled(g.ids.length);
          }
        }
        await sendInBatches(
          ctx,
          built,
          (chunk) => ctx.client.pushDossiers(isUpdating, chunk.map((b) => b.req)),
          (b) => b.g.ids,
          (sent) => {
            const merged: { id: string; code: string; status: number }[] = [];
            const collisions: { id: string; code: string }[] = [];
            bookkeeping(app.db, () => sent.forEach((s) => onDossierResult(ctx, s, next, merged, collisions)));
            // The back office changed these meanwhile: the clerk is told (after the commit).
            for (const m of merged) app.events.emit('dossier.changed', m);
            for (const c of collisions) app.events.emit('sync.collision', c);
          },
        );
      }
    }
    work = next;
  }
}

function onDossierResult(
  ctx: RunContext,
  s: Sent<{ g: DossierGroup; req: HoSoRequest }>,
  next: DossierGroup[],
  merged: { id: string; code: string; status: number }[],
  collisions: { id: string; code: string }[],
): void {
  const { app } = ctx;
  const { g } = s.item;
  const r = s.result;
  if (r === TOO_LARGE) {
    ctx.counts.parked += markParked(app, g.ids, TOO_LARGE_MESSAGE);
    ctx.handled(g.ids.length);
    return;
  }
  const again = (asUpdate: boolean) => {
    if (g.rounds + 1 >= MAX_DOSSIER_ROUNDS) {
      noteAttempt(app, g.ids, r.message || `Máy chủ tỉnh trả mã ${r.error_code}`);
      ctx.counts.deferred += g.ids.length;
      return;
    }
    next.push({ ...g, asUpdate, rounds: g.rounds + 1 });
  };
  const collide = (row: DossierRow, server: HoSo, source: 'create' | 'conflict') => {
    if (recordCollision(app, row, server, source)) collisions.push({ id: row.id, code: row.code });
    ctx.counts.parked += 1;
    ctx.handled(g.ids.length);
  };
  switch (r.disposition) {
    case 'done': {
      markSent(app, g.ids, r.PhienBan);
      // The copy the answer speaks of is ours: its version is one we know the content of.
      raiseServerVersion(app, g.dossierId, r.PhienBan);
      supersedeParkedCopies(app, g.dossierId, g.ids[g.ids.length - 1]);
      ctx.counts.pushed += g.ids.length;
      ctx.handled(g.ids.length);
      return;
    }
    case 'exists': {
      // The code is taken. Ours (a create whose answer was lost) → go on as an update on the server's version;
      // another dossier's (a restored or reinstalled counter, a second PC with this agency ID) → never overwrite it.
      const row = dossierRowById(app.db, g.dossierId);
      if (row && r.HoSoHienTai) {
        if (!isSameDossier(app.db, row, r.HoSoHienTai)) return collide(row, r.HoSoHienTai, 'create');
        const m = applyServerCopy(app, row, r.HoSoHienTai, { enqueueCounterChanges: false });
        if (m.changed) merged.push({ id: row.id, code: row.code, status: Number(m.status) });
      }
      // A v1 server sends no copy: the update's version check brings it (-8), and identity is checked there.
      return again(true);
    }
    case 'not-found':
      // The server has no such dossier (a new server, a reset): create it again.
      setServerVersion(app, g.dossierId, 0);
      return again(false);
    case 'conflict': {
      const row = dossierRowById(app.db, g.dossierId);
      if (row && r.HoSoHienTai && !isSameDossier(app.db, row, r.HoSoHienTai)) return collide(row, r.HoSoHienTai, 'conflict');
      if (row && r.HoSoHienTai) {
        const m = applyServerCopy(app, row, r.HoSoHienTai, { enqueueCounterChanges: false });
        if (m.changed) merged.push({ id: row.id, code: row.code, status: Number(m.status) });
      }
      return again(true);
    }
    case 'park': {
      markParked(app, g.ids, r.message || 'Máy chủ tỉnh từ chối dữ liệu hồ sơ (-5).');
      // One refused copy is one item for a person, whatever number of changes it coalesced.
      const last = g.ids[g.ids.length - 1];
      for (const id of g.ids.slice(0, -1)) stmt(app.db, 'UPDATE outbox SET superseded_by = ? WHERE id = ?').run(last, id);
      ctx.counts.parked += 1;
      ctx.handled(g.ids.length);
      return;
    }
    case 'fatal-config':
      return configStop(r);
    default:
      // -7 / -9 for this item only: the same copy goes again later.
      noteAttempt(app, g.ids, r.message || `Máy chủ tỉnh trả mã ${r.error_code}; sẽ gửi lại.`);
      ctx.counts.deferred += g.ids.length;
  }
}

// ---------------------------------------------------------------- progress steps

interface StepItem {
  entry: OutboxEntry;
  dossierId: string;
  tienDo: TienDo;
}

async function pushProgress(ctx: RunContext, entries: OutboxEntry[]): Promise<void> {
  const { app } = ctx;
  const office = stepContext(app.db, ctx.receivingPoint);
  /** Dossiers whose remaining steps wait for a later run, to keep their order. */
  const held = new Set<string>();
  let queue = entries;
  while (queue.length) {
    ctx.checkStopped();
    const batch: StepItem[] = [];
    const rest: OutboxEntry[] = [];
    const inBatch = new Set<string>();
    const parkNow: { entry: OutboxEntry; message: string }[] = [];
    for (const e of queue) {
      if (held.has(e.entity_id)) continue;
      if (batch.length >= ctx.batchSize || inBatch.has(e.entity_id)) {
        rest.push(e);
        continue;
      }
      const row = dossierSyncHead(app.db, e.entity_id);
      if (!row) {
        parkNow.push({ entry: e, message: 'Không còn hồ sơ của bước xử lý này trong cơ sở dữ liệu của quầy.' });
        continue;
      }
      if (row.server_version === 0) {
        // Its dossier is not on the server yet (create pending or parked): the step waits.
        held.add(e.entity_id);
        continue;
      }
      const stepId = (JSON.parse(e.payload) as { stepId?: string }).stepId;
      const step = stepId ? getStepRow(app.db, stepId) : undefined;
      if (!step || !step.to_status) {
        parkNow.push({ entry: e, message: 'Không tìm thấy bước xử lý đã ghi cho mục này.' });
        continue;
      }
      let tienDo: TienDo;
      try {
        tienDo = mapTienDo({ ...step, to_status: step.to_status as DossierStatus }, row.code, e.change_id, office);
      } catch (err) {
        parkNow.push({ entry: e, message: `${UNMAPPABLE} ${(err as Error).message}` });
        continue;
      }
      batch.push({ entry: e, dossierId: row.id, tienDo });
      inBatch.add(e.entity_id);
    }
    if (parkNow.length) {
      bookkeeping(app.db, () => parkNow.forEach((p) => (ctx.counts.parked += markParked(app, [p.entry.id], p.message))));
      ctx.handled(parkNow.length);
    }
    if (batch.length) {
      await sendChunkOf(ctx, batch, (chunk) => ctx.client.pushProgress(chunk.map((b) => b.tienDo)), (sent) =>
        bookkeeping(app.db, () => sent.forEach((s) => onStepResult(ctx, s, held))),
      );
    }
    queue = rest;
  }
}

/** One call (split only on 413) for a batch already cut to size. */
function sendChunkOf<T extends { entry: OutboxEntry }>(
  ctx: RunContext,
  batch: T[],
  send: (chunk: T[]) => ReturnType<RunContext['client']['pushProgress']>,
  onResults: (sent: Sent<T>[]) => void,
): Promise<void> {
  return sendChunk(ctx, batch, send, (b) => [b.entry.id], onResults);
}

function onStepResult(ctx: RunContext, s: Sent<StepItem>, held: Set<string>): void {
  const { app } = ctx;
  const { entry, dossierId } = s.item;
  const r = s.result;
  if (r === TOO_LARGE) {
    ctx.counts.parked += markParked(app, [entry.id], TOO_LARGE_MESSAGE);
    ctx.handled(1);
    return;
  }
  switch (r.disposition) {
    case 'done': {
      markSent(app, [entry.id], r.PhienBan);
      // A step adds one version. Only when nothing else happened in between do we know the
      // server's copy at the new version; otherwise the next update learns it through -8.
      stmt(app.db, 'UPDATE dossiers SET server_version = ? WHERE id = ? AND server_version = ?').run(r.PhienBan, dossierId, r.PhienBan - 1);
      ctx.counts.pushed += 1;
      ctx.handled(1);
      return;
    }
    case 'not-found': {
      // The server lost the dossier: create it again (a fresh copy), then the step follows.
      setServerVersion(app, dossierId, 0);
      const pendingCopy = stmt(app.db, "SELECT 1 FROM outbox WHERE entity_id = ? AND kind = 'dossier' AND status = 'pending'").get(dossierId);
      if (!pendingCopy) enqueueChange(app.db, app.clock.now(), { kind: 'dossier', entityId: dossierId, payload: { op: 'create' } });
      noteAttempt(app, [entry.id], r.message || 'Máy chủ tỉnh chưa có hồ sơ; sẽ gửi lại hồ sơ trước.');
      held.add(dossierId);
      ctx.counts.deferred += 1;
      return;
    }
    case 'park':
      ctx.counts.parked += markParked(app, [entry.id], r.message || 'Máy chủ tỉnh từ chối dữ liệu bước xử lý (-5).');
      ctx.handled(1);
      return;
    case 'fatal-config':
      return configStop(r);
    default:
      noteAttempt(app, [entry.id], r.message || `Máy chủ tỉnh trả mã ${r.error_code}; sẽ gửi lại.`);
      held.add(dossierId);
      ctx.counts.deferred += 1;
  }
}

// ---------------------------------------------------------------- ratings

interface RatingItem {
  entry: OutboxEntry;
  danhGia: DanhGia;
}

async function pushRatings(ctx: RunContext, entries: OutboxEntry[]): Promise<void> {
  const { app } = ctx;
  const items: RatingItem[] = entries.map((e) => ({ entry: e, danhGia: { ...(JSON.parse(e.payload) as Omit<DanhGia, 'MaThayDoi'>), MaThayDoi: e.change_id } }));
  await sendInBatches(
    ctx,
    items,
    (chunk) => ctx.client.pushRatings(chunk.map((i) => i.danhGia)),
    (i) => [i.entry.id],
    (sent) =>
      bookkeeping(app.db, () => {
        for (const s of sent) {
          const id = s.item.entry.id;
          const r = s.result;
          if (r === TOO_LARGE) ctx.counts.parked += markParked(app, [id], TOO_LARGE_MESSAGE);
          else if (r.disposition === 'done') {
            markSent(app, [id], r.PhienBan);
            ctx.counts.pushed += 1;
          } else if (r.disposition === 'park') ctx.counts.parked += markParked(app, [id], r.message || 'Máy chủ tỉnh từ chối đánh giá (-5).');
          else if (r.disposition === 'fatal-config') configStop(r);
          else {
            noteAttempt(app, [id], r.message || `Máy chủ tỉnh trả mã ${r.error_code}; sẽ gửi lại.`);
            ctx.counts.deferred += 1;
            continue;
          }
          ctx.handled(1);
        }
      }),
  );
}

// ---------------------------------------------------------------- the phase

/** Pending entries in id order after `afterId`, one window. */
export function pendingWindow(app: AppContext, afterId: number, limit = WINDOW): OutboxEntry[] {
  return stmt(app.db, "SELECT id, change_id, kind, entity_id, payload FROM outbox WHERE status = 'pending' AND id > ? ORDER BY id LIMIT ?").all(afterId, limit) as OutboxEntry[];
}

/**
 * One pass over every pending entry. Returns the highest id looked at (entries added during the
 * pass with a higher id are included: they land in a later window).
 */
export async function pushPass(ctx: RunContext): Promise<number> {
  let after = 0;
  for (;;) {
    ctx.checkStopped();
    const window = pendingWindow(ctx.app, after);
    if (!window.length) return after;
    after = window[window.length - 1].id;
    ctx.progress('push');
    await pushDossiers(ctx, window.filter((e) => e.kind === 'dossier'));
    await pushProgress(ctx, window.filter((e) => e.kind === 'progress'));
    await pushRatings(ctx, window.filter((e) => e.kind === 'rating'));
  }
}
