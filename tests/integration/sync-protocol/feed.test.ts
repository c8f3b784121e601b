import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HoSo } from '../../../src/shared/sync/provincial-types';
import type { ProvincialClient } from '../../../src/main/sync/provincial-client';
import { OTHER_AGENCY, dossier, must, mustFail, nextCode, startRig, step, type Rig } from './fixtures';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig.double.close();
});

/** Reads the feed to its end in pages of `n`, as the sync worker would; returns pages and final cursor. */
async function drain(client: ProvincialClient, cursor: string, n: number): Promise<{ pages: HoSo[][]; cursor: string }> {
  const pages: HoSo[][] = [];
  for (;;) {
    const page = must(await client.changes(cursor, n));
    cursor = page.nextCursor;
    if (page.items.length === 0) return { pages, cursor };
    pages.push(page.items);
  }
}

describe('LayThayDoiHoSo: change feed', () => {
  it('pages through every change oldest first, including the counter’s own', async () => {
    const sent = Array.from({ length: 5 }, () => dossier());
    for (const d of sent) must(await rig.client.pushDossiers(false, [d]));
    const { pages, cursor } = await drain(rig.client, '', 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((h) => h.MaHoSo)).toEqual(sent.map((d) => d.MaHoSo));
    expect(pages.flat().every((h) => h.PhienBan === 1)).toBe(true);
    // Nothing new: the same cursor comes back, and the page is empty.
    const again = must(await rig.client.changes(cursor, 2));
    expect(again).toEqual({ items: [], nextCursor: cursor });
  });

  it('delivers back-office changes and progress after the cursor, once per dossier with its current copy', async () => {
    const [a, b, c] = [dossier(), dossier(), dossier()];
    must(await rig.client.pushDossiers(false, [a, b, c]));
    const start = (await drain(rig.client, '', 200)).cursor;

    rig.double.state.backOffice.updateDossier(b.MaHoSo, { TrangThaiHoSo: '4', DonViXuLy: '000.00.10.H56' });
    must(await rig.client.pushProgress([step(a.MaHoSo)]));
    rig.double.state.backOffice.updateDossier(b.MaHoSo, {
      TrangThaiHoSo: '9',
      NgayKetThucXuLy: '20250715160000',
      DanhSachGiayToKetQua: [{ TenGiayTo: 'Giấy khai sinh', MaGiayToKetQua: 'KS-01' }],
    });

    const page = must(await rig.client.changes(start, 200));
    expect(page.items.map((h) => [h.MaHoSo, h.PhienBan])).toEqual([
      [a.MaHoSo, 2],
      [b.MaHoSo, 3],
    ]);
    expect(page.items[1]).toMatchObject({
      TrangThaiHoSo: '9',
      DonViXuLy: '000.00.10.H56',
      NgayKetThucXuLy: '20250715160000',
      DanhSachGiayToKetQua: [{ TenGiayTo: 'Giấy khai sinh', MaGiayToKetQua: 'KS-01' }],
    });
  });

  it('does not lose a dossier that changes again while the counter is between pages', async () => {
    const sent = [dossier(), dossier(), dossier()];
    for (const d of sent) must(await rig.client.pushDossiers(false, [d]));
    const first = must(await rig.client.changes('', 1));
    expect(first.items.map((h) => h.MaHoSo)).toEqual([sent[0].MaHoSo]);
    rig.double.state.backOffice.updateDossier(sent[0].MaHoSo, { TrangThaiHoSo: '4' });
    const rest = await drain(rig.client, first.nextCursor, 1);
    expect(rest.pages.flat().map((h) => [h.MaHoSo, h.PhienBan])).toEqual([
      [sent[1].MaHoSo, 1],
      [sent[2].MaHoSo, 1],
      [sent[0].MaHoSo, 2],
    ]);
  });

  it('lets a reinstalled counter rebuild from an empty cursor', async () => {
    const d = dossier();
    must(await rig.client.pushDossiers(false, [d]));
    rig.double.state.backOffice.updateDossier(d.MaHoSo, { TrangThaiHoSo: '4' });
    const fresh = rig.clientWith({});
    const { pages } = await drain(fresh, '', 200);
    expect(pages.flat()).toEqual([rig.double.state.getDossier(d.MaHoSo)]);
  });

  it('shows only the dossiers of the calling agency', async () => {
    const mine = dossier();
    must(await rig.client.pushDossiers(false, [mine]));
    const foreignCode = nextCode(OTHER_AGENCY);
    rig.double.state.backOffice.createDossier({ ...dossier({ MaHoSo: foreignCode }), NoiTiepNhan: OTHER_AGENCY });
    const { pages } = await drain(rig.client, '', 200);
    expect(pages.flat().map((h) => h.MaHoSo)).toEqual([mine.MaHoSo]);
    const other = rig.clientWith({ username: 'other', password: 'other-pw', madonvi: OTHER_AGENCY });
    const theirs = await drain(other, '', 200);
    expect(theirs.pages.flat().map((h) => h.MaHoSo)).toEqual([foreignCode]);
  });

  it('refuses a page over 200 or a malformed cursor with -5', async () => {
    const big = mustFail(await rig.client.call('LayThayDoiHoSo', { conTro: '', soLuong: 201 }));
    expect(big.outcome).toMatchObject({ kind: 'app', errorCode: '-5' });
    expect(big.outcome.message).toContain('soLuong');
    const asString = mustFail(await rig.client.call('LayThayDoiHoSo', { conTro: '', soLuong: '20' }));
    expect(asString.outcome).toMatchObject({ kind: 'app', errorCode: '-5' });
    const cursor = mustFail(await rig.client.call('LayThayDoiHoSo', { conTro: 'abc', soLuong: 20 }));
    expect(cursor.outcome.message).toContain('conTro');
    await expect(rig.client.changes('', 201)).rejects.toThrow(RangeError);
  });
});

describe('TraCuuHoSo: lookup', () => {
  it('finds a dossier with its version, answers null for an unknown one and -6 for another agency', async () => {
    const d = dossier();
    must(await rig.client.pushDossiers(false, [d]));
    must(await rig.client.pushProgress([step(d.MaHoSo)]));
    expect(must(await rig.client.lookup(d.MaHoSo))).toMatchObject({ MaHoSo: d.MaHoSo, PhienBan: 2, ChuHoSo: d.ChuHoSo });
    expect(must(await rig.client.lookup(nextCode()))).toBeNull();
    const foreign = mustFail(await rig.client.lookup(nextCode(OTHER_AGENCY)));
    expect(foreign.outcome).toMatchObject({ kind: 'app', errorCode: '-6' });
  });
});
