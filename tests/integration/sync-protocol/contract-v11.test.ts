/**
 * The provincial double against the text of the contract (`provincial-api.md` v1.1), rule by rule:
 * missing credentials, the dossier identity `IdHoSo`, the `-3` answer with the server's copy, and
 * the status rule (which moves are forward, which are refused with `-5`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HoSo, HoSoRequest, TrangThaiHoSo } from '../../../src/shared/sync/provincial-types';
import { dossier, must, newId, startRig, type Rig } from './fixtures';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig.double.close();
});

async function postAuth(body: unknown): Promise<{ error_code: string; message: string }> {
  const res = await fetch(`${rig.double.url}/auth`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return (await res.json()) as { error_code: string; message: string };
}

function updateOf(server: HoSo, over: Partial<HoSoRequest> = {}): HoSoRequest {
  const fields: Partial<HoSo> = { ...server };
  delete fields.PhienBan;
  return { ...(fields as HoSo), MaThayDoi: newId(), PhienBanGoc: server.PhienBan, ...over };
}

describe('authentication: "-1 bad credentials" covers missing ones', () => {
  it('answers -1 (not -5) to an empty body, a missing password and an empty user name', async () => {
    for (const body of [{}, { username: 'motcua.h56' }, { username: '', password: 'x' }, { username: 'motcua.h56', password: 12345 }]) {
      const a = await postAuth(body);
      expect(a.error_code, JSON.stringify(body)).toBe('-1');
      expect(a.message).toContain('Sai tên đăng nhập');
    }
  });
});

describe('v1.1: IdHoSo, the dossier identity', () => {
  it('stores IdHoSo and returns it in the look-up, the feed and a -8 copy', async () => {
    const id = newId();
    const d = dossier({ IdHoSo: id });
    expect(must(await rig.client.pushDossiers(false, [d]))[0].error_code).toBe('0');
    expect(must(await rig.client.lookup(d.MaHoSo))?.IdHoSo).toBe(id);
    expect(must(await rig.client.changes('', 10)).items.map((h) => h.IdHoSo)).toEqual([id]);
    const [c] = must(await rig.client.pushDossiers(true, [{ ...d, MaThayDoi: newId(), PhienBanGoc: 0 }]));
    expect(c.error_code).toBe('-8');
    expect(c.HoSoHienTai?.IdHoSo).toBe(id);
  });

  it('refuses an IdHoSo that is not a UUID, naming the field', async () => {
    const [r] = must(await rig.client.pushDossiers(false, [dossier({ IdHoSo: 'HS-0001' })]));
    expect(r.error_code).toBe('-5');
    expect(r.message).toContain('IdHoSo');
  });

  it('answers -3 with HoSoHienTai, the copy that holds the code, so a counter can tell it is not its own', async () => {
    const theirs = dossier({ IdHoSo: newId(), ChuHoSo: 'Phạm Thị Dung' });
    must(await rig.client.pushDossiers(false, [theirs]));
    const mine = dossier({ MaHoSo: theirs.MaHoSo, IdHoSo: newId(), ChuHoSo: 'Nguyễn Văn An' });
    const [r] = must(await rig.client.pushDossiers(false, [mine]));
    expect(r).toMatchObject({ error_code: '-3', PhienBan: 1 });
    expect(r.HoSoHienTai).toMatchObject({ MaHoSo: theirs.MaHoSo, IdHoSo: theirs.IdHoSo, ChuHoSo: 'Phạm Thị Dung', PhienBan: 1 });
    // Nothing of the second create was applied.
    expect(rig.double.state.getDossier(theirs.MaHoSo)?.ChuHoSo).toBe('Phạm Thị Dung');
  });

  it('keeps the stored identity when a v1 client updates without it', async () => {
    const id = newId();
    const d = dossier({ IdHoSo: id });
    must(await rig.client.pushDossiers(false, [d]));
    const v1 = updateOf(rig.double.state.getDossier(d.MaHoSo)!, { ChuHoSo: 'Lê Văn Cường' });
    delete v1.IdHoSo;
    expect(must(await rig.client.pushDossiers(true, [v1]))[0].error_code).toBe('0');
    expect(rig.double.state.getDossier(d.MaHoSo)).toMatchObject({ IdHoSo: id, ChuHoSo: 'Lê Văn Cường' });
  });
});

describe('the status rule', () => {
  /** A dossier at `from` on the server (the back office sets its own statuses, the counter the rest). */
  async function at(from: TrangThaiHoSo): Promise<HoSo> {
    const d = dossier();
    must(await rig.client.pushDossiers(false, [d]));
    if (['4', '5', '6', '8', '9'].includes(from)) rig.double.state.backOffice.updateDossier(d.MaHoSo, { TrangThaiHoSo: from as '4' });
    else if (from !== '2') must(await rig.client.pushDossiers(true, [updateOf(rig.double.state.getDossier(d.MaHoSo)!, { TrangThaiHoSo: from })]));
    return rig.double.state.getDossier(d.MaHoSo)!;
  }

  it('takes 5 → 4 (supplement received) and 6 → 4 (obligation met) as forward moves', async () => {
    for (const from of ['5', '6'] as const) {
      const server = await at(from);
      const [r] = must(await rig.client.pushDossiers(true, [updateOf(server, { TrangThaiHoSo: '4', NgayHenTra: '20250720091500' })]));
      expect(r.error_code, `${from} → 4`).toBe('0');
      expect(rig.double.state.getDossier(server.MaHoSo)).toMatchObject({ TrangThaiHoSo: '4', NgayHenTra: '20250720091500' });
    }
  });

  it('refuses with -5 every move out of 8, 9, 10, 3, 7 to 2, 4, 5, 6, and any move to 2 from a later status', async () => {
    const refused: [TrangThaiHoSo, TrangThaiHoSo][] = [];
    for (const from of ['8', '9', '10', '3', '7'] as const) for (const to of ['2', '4', '5', '6'] as const) refused.push([from, to]);
    for (const from of ['4', '5', '6'] as const) refused.push([from, '2']);
    for (const [from, to] of refused) {
      const server = await at(from);
      const [r] = must(await rig.client.pushDossiers(true, [updateOf(server, { TrangThaiHoSo: to })]));
      expect(r.error_code, `${from} → ${to}`).toBe('-5');
      expect(r.message).toContain('TrangThaiHoSo');
      expect(rig.double.state.getDossier(server.MaHoSo)?.TrangThaiHoSo).toBe(from);
      expect(r.PhienBan).toBe(server.PhienBan);
    }
  });

  it('lets the counter move forward to its own statuses: 9 → 10, 4 → 3, 2 → 4 is the back office', async () => {
    const done = await at('9');
    expect(must(await rig.client.pushDossiers(true, [updateOf(done, { TrangThaiHoSo: '10', NgayTra: '20250716100000' })]))[0].error_code).toBe('0');
    const refusedOnes = await at('4');
    expect(must(await rig.client.pushDossiers(true, [updateOf(refusedOnes, { TrangThaiHoSo: '3' })]))[0].error_code).toBe('0');
  });

  it('holds the back office to the same rule', async () => {
    const server = await at('10');
    expect(() => rig.double.state.backOffice.updateDossier(server.MaHoSo, { TrangThaiHoSo: '4' })).toThrow(/10 về 4/);
  });
});
