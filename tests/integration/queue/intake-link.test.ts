import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startQueueOffice, type QueueOffice } from './queue-fixture';
import { sampleIntake } from '../../support/dossier-fixtures';

describe('a dossier received while serving a ticket', () => {
  let o: QueueOffice;
  beforeEach(async () => {
    o = await startQueueOffice('2026-03-10T08:00:00');
  });
  afterEach(() => o.t.close());

  it('links the dossier code to the ticket, and an unknown ticket does not block the intake', async () => {
    const g = await o.group({ name: 'Hộ tịch', prefix: 'A' });
    await o.counter(1, [g.id]);
    const ticket = await o.issue(g.id);
    await o.t.must('queue.callNext', { counterNumber: 1 }, o.clerk1);
    await o.t.must('queue.start', { ticketId: ticket.id, counterNumber: 1 }, o.clerk1);
    const d = await o.t.must('dossier.receive', sampleIntake(0, { ticketId: ticket.id }), o.clerk1);
    const linked = await o.t.must('queue.ticket', { ticketId: ticket.id }, o.clerk1);
    expect(linked.dossierCode).toBe(d.code);
    const orphan = await o.t.call('dossier.receive', sampleIntake(1, { ticketId: '01900000-0000-7000-8000-000000000000' }), o.clerk1);
    expect(orphan.ok).toBe(true);
  });
});
