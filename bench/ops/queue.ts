/** Queue operations: issuing a printed ticket, and "call next" from 20 counters at once. */
import net from 'node:net';
import { once } from 'node:events';
import { measure, nowMs } from '../lib/stats';
import { TARGETS, type BenchOp } from '../lib/types';

/** A raw-port printer on 127.0.0.1 that reads each job to the end and closes, as a real one does. */
async function startPrinterSink(): Promise<{ port: number; jobs: number; bytes: number; close(): Promise<void> }> {
  const sink = { port: 0, jobs: 0, bytes: 0, close: async () => {} };
  const server = net.createServer((socket) => {
    socket.on('data', (c: Buffer) => (sink.bytes += c.length));
    socket.on('end', () => {
      sink.jobs++;
      socket.end();
    });
    socket.on('error', () => {});
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  sink.port = (server.address() as net.AddressInfo).port;
  sink.close = () => new Promise((resolve) => server.close(() => resolve()));
  return sink;
}

interface QueueConfigView {
  groups: { id: string; prefix: string }[];
  printer: { enabled: boolean; host: string; port: number; widthDots: 576 | 384 };
}

/** The bare ESC/POS job: initialise, the ticket's lines as plain text, feed and cut. */
function bareTicketBytes(lines: string[]): Buffer {
  return Buffer.concat([Buffer.from([0x1b, 0x40]), ...lines.map((l) => Buffer.from(`${l}\n`, 'latin1')), Buffer.from([0x1d, 0x56, 0x42, 0x18])]);
}

export const ticketOp: BenchOp = {
  name: 'ticket',
  label: 'queue.issue with print (dispatcher → raster image → ESC/POS → TCP printer)',
  async run(ctx) {
    const runs = ctx.quick ? 30 : 200;
    const config = await ctx.call<QueueConfigView>('queue.config', {}, ctx.tokens.admin);
    const sink = await startPrinterSink();
    const before = config.printer;
    await ctx.call('queue.setPrinter', { enabled: true, host: '127.0.0.1', port: sink.port, widthDots: 576 }, ctx.tokens.admin);
    try {
      const token = ctx.tokens.clerks[0];
      const groups = config.groups;
      const samples = await measure(runs, async (i) => {
        const r = await ctx.call<{ print: { status: string; message: string | null } }>('queue.issue', { groupId: groups[Math.abs(i) % groups.length].id, priority: null, source: 'kiosk', print: true }, token);
        if (r.print.status !== 'printed') throw new Error(`ticket not printed: ${r.print.message}`);
      });
      const lines = ['Bộ phận Một cửa UBND phường Ba Đình', 'Chứng thực', 'SỐ THỨ TỰ', 'B123', 'Giờ lấy số: 08:15 01/07/2026', 'Số người đang chờ: 12', 'Xin cảm ơn!'];
      const baseline = await measure(runs, () => bareTicketBytes(lines));
      return [
        {
          name: 'ticket',
          label: this.label,
          samples,
          unit: 'ms',
          baseline: { label: 'building a bare ESC/POS text buffer', samples: baseline },
          target: TARGETS.ticket,
          notes: [`${sink.jobs} jobs, ${(sink.bytes / Math.max(1, sink.jobs) / 1024).toFixed(1)} KiB each, received by a local TCP printer; the time includes the send`],
        },
      ];
    } finally {
      await ctx.call('queue.setPrinter', before, ctx.tokens.admin);
      await sink.close();
    }
  },
};

export const callNextOp: BenchOp = {
  name: 'call-next',
  label: 'queue.callNext with 20 counters serving (dispatcher)',
  async run(ctx) {
    const rounds = ctx.quick ? 3 : 10;
    const config = await ctx.call<QueueConfigView>('queue.config', {}, ctx.tokens.admin);
    const counters = ctx.manifest.groups.flatMap((g) => g.counters.map((c) => ({ counter: c, groupId: config.groups.find((x) => x.prefix === g.prefix)?.id ?? g.id })));
    // Citizens waiting: two calls' worth per counter and round (not timed), a tenth of them priority.
    const issueToken = ctx.tokens.clerks[0];
    for (const c of counters) for (let i = 0; i < 2 * rounds; i++) await ctx.call('queue.issue', { groupId: c.groupId, priority: i % 10 === 9 ? 'elderly' : null, source: 'kiosk', print: false }, issueToken);

    const serve = async (counter: number, timed: number[]) => {
      const token = ctx.tokens.clerks[counter - 1];
      const t = nowMs();
      const r = await ctx.tryCall('queue.callNext', { counterNumber: counter }, token);
      timed.push(nowMs() - t);
      if (!r.ok) throw new Error(`callNext ${counter}: ${r.error?.code} ${r.error?.message}`);
      const ticket = r.value as { id: string };
      await ctx.call('queue.start', { counterNumber: counter, ticketId: ticket.id }, token);
      return ticket.id;
    };
    const finish = (counter: number, ticketId: string) => ctx.call('queue.finish', { counterNumber: counter, ticketId }, ctx.tokens.clerks[counter - 1]);

    // One counter after another, as calls arrive through the day: the time of one call.
    const one: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const { counter } of counters) await finish(counter, await serve(counter, one));
    }
    // All twenty press "next" at the same instant: the last one waits for the nineteen before it
    // (one event loop, one writer, every call a durable commit).
    const burst: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const ids = await Promise.all(counters.map(({ counter }) => serve(counter, burst)));
      await Promise.all(counters.map(({ counter }, k) => finish(counter, ids[k])));
    }
    return [
      { name: 'call-next', label: this.label, samples: one, unit: 'ms', target: TARGETS.eventLoop, notes: [`${counters.length} counters in turn, ${rounds} rounds; each call is one durable commit`] },
      { name: 'call-next-burst', label: 'queue.callNext pressed at 20 counters at the same instant', samples: burst, unit: 'ms', notes: ['the time of a call includes waiting behind the calls of the other counters'] },
    ];
  },
};
