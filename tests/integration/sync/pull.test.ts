import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { differences, startSyncRig, type SyncRig } from './sync-rig';
import { getRowById } from '../../../src/main/dossiers/dossier-repo';
import { readSyncState } from '../../../src/main/sync/sync-store';
import { getProcedure } from '../../../src/main/catalog/catalog-service';
import { getWorkCalendar } from '../../../src/main/calendar/calendar-service';
import type { AppEvent } from '../../../src/shared/api/events';

describe('pull: back-office changes, catalog and calendar come to the counter', () => {
  let rig: SyncRig;
  beforeEach(async () => {
    rig = await startSyncRig();
  });
  afterEach(() => rig.close());

  it('applies result ready / supplement requested / stopped with a step and an event; the cursor waits for a failed apply', async () => {
    const db = rig.t.core.app.db;
    const ids = rig.receive(4);
    rig.actMany(ids.map((id) => ({ id, action: 'transfer' as const, extra: { body: 'Phòng Tư pháp' } })));
    expect((await rig.worker.runNow()).outcome).toBe('ok');
    const codes = ids.map((id) => getRowById(db, id)!.code);
    const cursorBefore = readSyncState(db).feed_cursor;
    // Our own changes came back through the feed and changed nothing.
    expect(db.prepare("SELECT count(*) n FROM dossier_steps WHERE action = 'backOffice'").get()).toEqual({ n: 0 });

    rig.double.state.backOffice.updateDossier(codes[0], {
      TrangThaiHoSo: '9',
      NgayKetThucXuLy: '20260303161500',
      DanhSachGiayToKetQua: [{ TenGiayTo: 'Trích lục khai sinh', MaGiayToKetQua: 'TL-0099' }],
    });
    rig.double.state.backOffice.updateDossier(codes[1], { TrangThaiHoSo: '5' });
    rig.double.state.backOffice.updateDossier(codes[2], { TrangThaiHoSo: '8' });

    // The disk refuses the changes (a trigger stands in for a failing write): nothing of the page is kept.
    db.exec("CREATE TEMP TRIGGER refuse_status BEFORE UPDATE OF status ON dossiers BEGIN SELECT RAISE(ABORT, 'ổ đĩa lỗi khi ghi'); END");
    const failed = await rig.worker.runNow();
    expect(failed.outcome).toBe('failed');
    expect(failed.message).toMatch(/ổ đĩa lỗi khi ghi/);
    expect(readSyncState(db).feed_cursor).toBe(cursorBefore);
    expect(getRowById(db, ids[0])!.status).toBe('4');
    expect(db.prepare("SELECT count(*) n FROM dossier_steps WHERE action = 'backOffice'").get()).toEqual({ n: 0 });
    expect((await rig.t.must('sync.status', {}, rig.tok.clerk)).lastErrorKind).toBe('internal');

    db.exec('DROP TRIGGER refuse_status');
    const events: AppEvent[] = [];
    const off = rig.t.core.app.events.subscribe((e) => events.push(e));
    const ok = await rig.worker.runNow();
    off();
    expect(ok.outcome, ok.message).toBe('ok');
    expect(ok.pulled).toBe(3);
    expect(readSyncState(db).feed_cursor).not.toBe(cursorBefore);

    const [ready, supplement, stopped, untouched] = ids.map((id) => getRowById(db, id)!);
    expect(ready).toMatchObject({ status: '9', finished_at: '2026-03-03T16:15:00.000+07:00' });
    expect(JSON.parse(ready.result_documents!)).toEqual([{ name: 'Trích lục khai sinh', code: 'TL-0099' }]);
    expect(supplement.status).toBe('5');
    // The counter's clock pauses for the supplement round the back office asked for.
    expect(db.prepare('SELECT content, to_at FROM dossier_pauses WHERE dossier_rid = ?').all(supplement.rid)).toEqual([
      { content: 'Cơ quan giải quyết yêu cầu bổ sung hồ sơ (cập nhật từ hệ thống tỉnh)', to_at: null },
    ]);
    expect(stopped.status).toBe('8');
    expect(untouched.status).toBe('4');
    const steps = db.prepare("SELECT d.code, s.to_status, s.body FROM dossier_steps s JOIN dossiers d ON d.rid = s.dossier_rid WHERE s.action = 'backOffice' ORDER BY d.rid").all();
    expect(steps).toEqual([
      { code: codes[0], to_status: '9', body: 'Đã có kết quả giải quyết' },
      { code: codes[1], to_status: '5', body: 'Cơ quan giải quyết yêu cầu bổ sung hồ sơ' },
      { code: codes[2], to_status: '8', body: 'Cơ quan giải quyết dừng xử lý hồ sơ' },
    ]);
    // The clerk's screens are told.
    const changed = events.filter((e) => e.type === 'dossier.changed').map((e) => e.payload);
    expect(changed).toEqual([
      { id: ids[0], code: codes[0], status: 9 },
      { id: ids[1], code: codes[1], status: 5 },
      { id: ids[2], code: codes[2], status: 8 },
    ]);
    // The dossier view shows the news as a step.
    const view = await rig.t.must('dossier.get', { id: ids[0] }, rig.tok.clerk);
    expect(view.steps.at(-1)).toMatchObject({ label: 'Cập nhật từ hệ thống tỉnh', toStatus: '9', actor: 'Hệ thống tỉnh' });

    // The paused clock goes up as the counter's supplement round; then both sides agree.
    expect(db.prepare("SELECT count(*) n FROM outbox WHERE status = 'pending' AND entity_id = ?").get(ids[1])).toEqual({ n: 1 });
    expect((await rig.worker.runNow()).outcome).toBe('ok');
    expect((await rig.worker.runNow()).outcome).toBe('ok');
    expect(rig.double.state.getDossier(codes[1])!.DanhSachHoSoBoSung).toHaveLength(1);
    expect(differences(rig.t.core.app, rig.double)).toEqual([]);
  });

  it('pulls the procedure catalog and the calendars of this year and the next', async () => {
    rig.double.state.setCatalog([
      {
        changedAt: '20260301080000',
        thuTuc: {
          MaTTHC: '1.003583',
          TenTTHC: 'Đăng ký thường trú',
          MaLinhVuc: 'G09-CA01',
          TenLinhVuc: 'Đăng ký, quản lý cư trú',
          CapThucHien: 'XA',
          CoQuanThucHien: 'Công an phường',
          MucDo: 'TOANTRINH',
          ThoiHanGiaiQuyet: { SoNgay: 7, DonVi: 'NGAYLAMVIEC', TrongNgay: false },
          ThanhPhanHoSo: [{ MaThanhPhan: 'TP1', TenGiayTo: 'Tờ khai thay đổi thông tin cư trú', SoBanChinh: 1, SoBanSao: 0, BatBuoc: true }],
          PhiLePhi: [{ MaPhiLePhi: 'LP-TT', TenPhiLePhi: 'Lệ phí đăng ký cư trú', MucThu: 20000 }],
          HieuLuc: '1',
        },
      },
    ]);
    rig.double.state.setCalendar(2027, { NgayNghi: [{ Ngay: '20270105', Ten: 'Nghỉ bù thử nghiệm của tỉnh' }], NgayLamBu: [{ Ngay: '20270109', Ten: 'Làm bù thứ Bảy' }] });
    const cal = () => getWorkCalendar(rig.t.core.app);
    expect(cal().isWorkingDay('2027-01-05')).toBe(true);
    expect(getProcedure(rig.t.core.app, '1.003583')).toBeNull();
    const run = await rig.worker.runNow();
    expect(run.outcome, run.message).toBe('ok');
    expect(getProcedure(rig.t.core.app, '1.003583')).toMatchObject({ code: '1.003583', name: 'Đăng ký thường trú' });
    expect(cal().isWorkingDay('2027-01-05')).toBe(false);
    expect(cal().isWorkingDay('2027-01-09')).toBe(true);
    // Asked for both years, and for catalog changes since (a little before) this pull next time.
    const asked = rig.double.requests.filter((r) => r.service === 'LayLichNghi').length;
    expect(asked).toBe(2);
    expect(readSyncState(rig.t.core.app.db).catalog_since).toMatch(/^20260303\d{6}$/);
  });
});
