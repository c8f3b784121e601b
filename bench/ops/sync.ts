/** Sync: a backlog of 10,000 outbox changes pushed to a provincial double on this machine. */
import path from 'node:path';
import { enqueueChange } from '../../src/main/sync/outbox';
import { pushAll, syncWorkerFor } from '../../src/main/sync/sync-worker';
import { spawnUntil } from '../lib/child';
import { TARGETS, type BenchOp } from '../lib/types';

const ACCOUNT = { username: 'motcua.bench', password: 'mat-khau-bench' };

export const pushOp: BenchOp = {
  name: 'push',
  label: 'sync push of an outbox backlog to the provincial double (HTTP, batches of 50)',
  async run(ctx) {
    const { app } = ctx.core;
    const total = ctx.quick ? 1000 : 10_000;
    const double = await spawnUntil([path.join(__dirname, 'double.cjs'), ACCOUNT.username, ACCOUNT.password, ctx.manifest.agencyId], 'DOUBLE_URL=');
    try {
      await ctx.call('sync.configure', { baseUrl: double.value, ...ACCOUNT, agencyId: ctx.manifest.agencyId, intervalSec: 86_400, timeoutSec: 60, enabled: true, test: false }, ctx.tokens.admin);
      // The backlog: what is pending already (today's intakes), topped up with the most recent
      // dossiers as an office offline for a few days would have them: each dossier's creation,
      // then one progress entry per status step, in the order they happened.
      const pending = () => (app.db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get() as { n: number }).n;
      const now = app.clock.now();
      const dossiers = app.db.prepare("SELECT rid, id FROM dossiers WHERE server_version = 0 AND id NOT IN (SELECT entity_id FROM outbox WHERE status = 'pending') ORDER BY rid DESC LIMIT ?").all(total) as { rid: number; id: string }[];
      const steps = app.db.prepare("SELECT id FROM dossier_steps WHERE dossier_rid = ? AND to_status IS NOT NULL AND action <> 'receive' ORDER BY at");
      let n = pending();
      // Oldest first among the chosen dossiers, so ids keep the order the changes were made in.
      const chosen: typeof dossiers = [];
      for (const d of dossiers) {
        if (n >= total) break;
        const ids = steps.all(d.rid) as { id: string }[];
        chosen.push(d);
        n += 1 + ids.length;
      }
      let left = total - pending();
      app.db.transaction(() => {
        for (const d of chosen.reverse()) {
          if (left-- <= 0) break;
          enqueueChange(app.db, now, { kind: 'dossier', entityId: d.id, payload: { op: 'create' } });
          for (const s of steps.all(d.rid) as { id: string }[]) {
            if (left-- <= 0) break;
            enqueueChange(app.db, now, { kind: 'progress', entityId: d.id, payload: { stepId: s.id } });
          }
        }
      })();
      const backlog = pending();
      const r = await pushAll(syncWorkerFor(app));
      return [
        {
          name: 'push',
          label: this.label,
          samples: [r.ms / 1000],
          unit: 's',
          target: { ...TARGETS.push, limit: TARGETS.push.limit * (backlog / 10_000) },
          notes: [`${backlog} changes: ${r.pushed} accepted, ${r.parked} parked, ${r.pending} left pending, ${r.calls} calls`],
        },
      ];
    } finally {
      await double.stop();
    }
  },
};
