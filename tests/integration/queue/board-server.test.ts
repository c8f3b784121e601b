import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfficeServer, type OfficeServer } from '../../../src/main/server/office-server';
import { announcementClips, clipFileName } from '../../../src/shared/queue/announcement';
import { httpCall } from '../../support/server-process';
import { startQueueOffice, type QueueOffice } from './queue-fixture';

describe('the office server serves the board: data, events and voice clips', () => {
  let o: QueueOffice;
  let server: OfficeServer;
  beforeAll(async () => {
    o = await startQueueOffice();
    server = await startOfficeServer({ core: o.t.core, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    o?.t.close();
  });

  it('serves every clip of an announcement as audio/wav', async () => {
    const clips = announcementClips('A015', 3);
    for (const clip of new Set(clips)) {
      const res = await fetch(`${server.url}/sounds/${clipFileName(clip)}`);
      expect(res.status, clip).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/audio\/(x-)?wav/);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.subarray(0, 4).toString('latin1')).toBe('RIFF');
      expect(body.subarray(8, 12).toString('latin1')).toBe('WAVE');
    }
  });

  it('serves nothing else under /sounds/', async () => {
    for (const p of ['/sounds/', '/sounds/..%2Fcatalog%2Fsample-catalog.json', '/sounds/../fonts/Arimo-Bold.ttf', '/sounds/chime.WAV.txt']) {
      const res = await fetch(`${server.url}${p}`);
      expect(res.status, p).not.toBe(200);
    }
  });

  it('answers queue.board over HTTP to a signed-in screen only', async () => {
    const a = await o.group({ name: 'Hộ tịch', prefix: 'A' });
    await o.counter(3, [a.id], 'Hộ tịch');
    await o.issue(a.id);
    const call = await httpCall(server.url, 'queue.callNext', { counterNumber: 3 }, o.clerk1);
    expect(call.status).toBe(200);
    const board = await httpCall(server.url, 'queue.board', {}, o.clerk1);
    expect(board.body.value).toMatchObject({ counters: [{ number: 3, code: 'A001', state: 'called' }], lastCalls: [{ code: 'A001', counterNumber: 3 }] });
    const anonymous = await httpCall(server.url, 'queue.board', {});
    expect(anonymous.status).toBe(401);
  });
});
