/**
 * The services of the provincial server double: request body in, answer object out. No HTTP
 * here (see server.ts), so the rules of the contract read in one place.
 */
import type { TienDo } from '../../../src/shared/sync/provincial-types';
import { readDanhGia, readHoSo, readTienDo } from './records';
import type { DoubleAccount, ProvincialState } from './state';
import { Check, dossierAgency, isObj, type Obj } from './validate';
import { backwardsMove } from './status-rule';

export const MAX_ITEMS = 50;
export const MAX_PAGE = 200;

export const MESSAGES: Record<string, string> = {
  '0': 'Thành công',
  '-1': 'Sai tên đăng nhập hoặc mật khẩu',
  '-2': 'Phiên làm việc đã hết hạn hoặc không tồn tại, vui lòng đăng nhập lại',
  '-3': 'Hồ sơ đã tồn tại',
  '-4': 'Không tìm thấy hồ sơ',
  '-5': 'Dữ liệu không hợp lệ',
  '-6': 'Đơn vị không được phép với tài khoản này',
  '-7': 'Tần suất gọi quá cao, vui lòng thử lại sau',
  '-8': 'Xung đột phiên bản hồ sơ',
  '-9': 'Lỗi nội bộ của hệ thống',
};

export type Answer = Obj & { error_code: string; message: string };

export function answer(code: string, detail?: string, extra: Obj = {}): Answer {
  return { error_code: code, message: detail ? `${MESSAGES[code]}: ${detail}` : MESSAGES[code], ...extra };
}

interface Ctx {
  account: DoubleAccount;
  madonvi: string;
}

interface ItemResult extends Obj {
  MaHoSo: string;
  MaThayDoi: string;
  error_code: string;
  message: string;
  PhienBan: number;
}

export class ProvincialServices {
  constructor(private readonly state: ProvincialState) {}

  auth(body: Obj): Answer {
    const { username, password } = body;
    // The contract has one answer for credentials that do not let you in, missing ones included.
    if (typeof username !== 'string' || typeof password !== 'string' || username === '' || password === '') {
      return answer('-1', 'thiếu tên đăng nhập hoặc mật khẩu');
    }
    const account = this.state.findAccount(username, password);
    if (!account) return answer('-1');
    return answer('0', undefined, { session: this.state.issueSession(account), expires_in: this.state.sessionTtlSec });
  }

  api(body: Obj): Answer {
    const account = typeof body.session === 'string' ? this.state.sessionAccount(body.session) : undefined;
    if (!account) return answer('-2');
    if (typeof body.madonvi !== 'string' || !account.madonvi.includes(body.madonvi)) {
      return answer('-6', `madonvi "${String(body.madonvi)}"`);
    }
    const ctx: Ctx = { account, madonvi: body.madonvi };
    switch (body.service) {
      case 'DongBoHoSoMC':
        return this.dossiers(body, ctx);
      case 'CapNhatTienDoHoSoMC':
        return this.batch(body, (item) => this.progressItem(item, ctx));
      case 'DongBoDanhGiaHaiLong':
        return this.batch(body, (item) => this.ratingItem(item, ctx));
      case 'TraCuuHoSo':
        return this.lookup(body, ctx);
      case 'LayThayDoiHoSo':
        return this.feed(body, ctx);
      case 'LayDanhSachTTHC':
        return this.catalog(body);
      case 'LayLichNghi':
        return this.calendar(body);
      default:
        return answer('-5', `service "${String(body.service)}" không được hỗ trợ`);
    }
  }

  // ------------------------------------------------------------ batches

  private batch(body: Obj, each: (item: unknown) => ItemResult): Answer {
    const data = body.data;
    if (!Array.isArray(data)) return answer('-5', 'data (phải là danh sách)');
    if (data.length > MAX_ITEMS) return answer('-5', `data (tối đa ${MAX_ITEMS} mục mỗi lần, nhận ${data.length})`);
    // Items are applied one after another, so a repeated key inside one batch is a repeat.
    return answer('0', undefined, { result: data.map(each) });
  }

  private dossiers(body: Obj, ctx: Ctx): Answer {
    const flag = body.isUpdating;
    if (flag !== 'False' && flag !== 'True') return answer('-5', 'isUpdating (phải là "False" hoặc "True")');
    const update = flag === 'True';
    return this.batch(body, (item) => this.dossierItem(item, update, ctx));
  }

  private dossierItem(item: unknown, update: boolean, ctx: Ctx): ItemResult {
    const service = 'DongBoHoSoMC';
    if (!isObj(item)) return result('', '', '-5', 0, 'mục phải là đối tượng');
    const head = identify(item);
    const agencyRefusal = this.agencyRefusal(head, ctx);
    if (agencyRefusal) return agencyRefusal;
    const c = new Check();
    const change = readHoSo(item, update, c);
    if (!change) return result(head.maHoSo, head.maThayDoi, '-5', this.state.version(head.maHoSo), c.errors.join('; '));
    const { hoSo, maThayDoi, phienBanGoc } = change;
    const repeat = this.repeatOf(maThayDoi, service, hoSo.MaHoSo);
    if (repeat) return repeat;
    const current = this.state.version(hoSo.MaHoSo);
    if (!update) {
      if (this.state.hasDossier(hoSo.MaHoSo)) {
        // v1.1: the server's copy comes along, so the counter can tell its own lost create from another dossier.
        return { ...result(hoSo.MaHoSo, maThayDoi, '-3', current), HoSoHienTai: this.state.getDossier(hoSo.MaHoSo) };
      }
      const v = this.state.createDossier(hoSo, ctx.madonvi);
      this.state.rememberApplied(maThayDoi, { service, maHoSo: hoSo.MaHoSo, phienBan: v });
      return result(hoSo.MaHoSo, maThayDoi, '0', v);
    }
    if (!this.state.hasDossier(hoSo.MaHoSo)) return result(hoSo.MaHoSo, maThayDoi, '-4', 0);
    if (phienBanGoc !== current) {
      const r = result(hoSo.MaHoSo, maThayDoi, '-8', current, `phiên bản gốc ${phienBanGoc}, phiên bản hiện tại ${current}`);
      return { ...r, HoSoHienTai: this.state.getDossier(hoSo.MaHoSo) };
    }
    const stored = this.state.getDossier(hoSo.MaHoSo)!;
    const backwards = backwardsMove(stored.TrangThaiHoSo, hoSo.TrangThaiHoSo);
    if (backwards) return result(hoSo.MaHoSo, maThayDoi, '-5', current, backwards);
    // The identity never changes: an update from a v1 client (without it) keeps the stored one.
    const next = hoSo.IdHoSo === undefined && stored.IdHoSo !== undefined ? { ...hoSo, IdHoSo: stored.IdHoSo } : hoSo;
    const v = this.state.replaceDossier(hoSo.MaHoSo, next);
    this.state.rememberApplied(maThayDoi, { service, maHoSo: hoSo.MaHoSo, phienBan: v });
    return result(hoSo.MaHoSo, maThayDoi, '0', v);
  }

  private progressItem(item: unknown, ctx: Ctx): ItemResult {
    const service = 'CapNhatTienDoHoSoMC';
    if (!isObj(item)) return result('', '', '-5', 0, 'mục phải là đối tượng');
    const head = identify(item);
    const agencyRefusal = this.agencyRefusal(head, ctx);
    if (agencyRefusal) return agencyRefusal;
    const c = new Check();
    const step: TienDo | null = readTienDo(item, c);
    if (!step) return result(head.maHoSo, head.maThayDoi, '-5', this.state.version(head.maHoSo), c.errors.join('; '));
    const repeat = this.repeatOf(step.MaThayDoi, service, step.MaHoSo);
    if (repeat) return repeat;
    if (!this.state.hasDossier(step.MaHoSo)) return result(step.MaHoSo, step.MaThayDoi, '-4', 0);
    const v = this.state.appendStep(step);
    this.state.rememberApplied(step.MaThayDoi, { service, maHoSo: step.MaHoSo, phienBan: v });
    return result(step.MaHoSo, step.MaThayDoi, '0', v);
  }

  private ratingItem(item: unknown, ctx: Ctx): ItemResult {
    const service = 'DongBoDanhGiaHaiLong';
    if (!isObj(item)) return result('', '', '-5', 0, 'mục phải là đối tượng');
    const head = identify(item);
    const agencyRefusal = this.agencyRefusal(head, ctx);
    if (agencyRefusal) return agencyRefusal;
    const c = new Check();
    const rating = readDanhGia(item, c);
    if (!rating) return result(head.maHoSo, head.maThayDoi, '-5', this.state.version(head.maHoSo), c.errors.join('; '));
    const maHoSo = rating.MaHoSo ?? '';
    const repeat = this.repeatOf(rating.MaThayDoi, service, maHoSo);
    if (repeat) return repeat;
    this.state.addRating(rating);
    // A rating is not a dossier change: it leaves the version as it is.
    const v = this.state.version(maHoSo);
    this.state.rememberApplied(rating.MaThayDoi, { service, maHoSo, phienBan: v });
    return result(maHoSo, rating.MaThayDoi, '0', v);
  }

  /** `-6` when the item's dossier code is well formed but belongs to another agency. */
  private agencyRefusal(head: { maHoSo: string; maThayDoi: string }, ctx: Ctx): ItemResult | null {
    const agency = head.maHoSo ? dossierAgency(head.maHoSo) : null;
    if (agency === null || agency === ctx.madonvi) return null;
    return {
      ...result(head.maHoSo, head.maThayDoi, '-6', 0),
      message: `Mã hồ sơ ${head.maHoSo} không thuộc đơn vị ${ctx.madonvi}`,
    };
  }

  /** The answer for an already-applied key: the same result, or `-5` if reused elsewhere. */
  private repeatOf(maThayDoi: string, service: string, maHoSo: string): ItemResult | null {
    const done = this.state.findApplied(maThayDoi);
    if (!done) return null;
    if (done.service === service && done.maHoSo === maHoSo) return result(maHoSo, maThayDoi, '0', done.phienBan);
    return result(
      maHoSo,
      maThayDoi,
      '-5',
      this.state.version(maHoSo),
      `MaThayDoi (đã dùng cho ${done.service} của hồ sơ ${done.maHoSo || '(không có)'})`,
    );
  }

  // ------------------------------------------------------------ reads

  private lookup(body: Obj, ctx: Ctx): Answer {
    if (typeof body.mahoso !== 'string' || body.mahoso.trim() === '') return answer('-5', 'mahoso (bắt buộc, kiểu chuỗi)');
    const agency = dossierAgency(body.mahoso);
    if (agency !== null && agency !== ctx.madonvi) {
      return { ...answer('-6'), message: `Mã hồ sơ ${body.mahoso} không thuộc đơn vị ${ctx.madonvi}` };
    }
    const found = this.state.getDossier(body.mahoso);
    return answer('0', undefined, { result: found ? [found] : [] });
  }

  private feed(body: Obj, ctx: Ctx): Answer {
    const c = new Check();
    if (typeof body.conTro !== 'string' || !/^\d*$/.test(body.conTro)) c.fail('conTro', 'con trỏ không hợp lệ');
    c.int(body, 'soLuong', { required: true, min: 1, max: MAX_PAGE });
    if (!c.ok) return answer('-5', c.errors.join('; '));
    const after = body.conTro === '' ? 0 : Number(body.conTro);
    const page = this.state.feed(ctx.madonvi, after, body.soLuong as number);
    return answer('0', undefined, { result: page.items, conTroTiepTheo: String(page.nextSeq) });
  }

  private catalog(body: Obj): Answer {
    const c = new Check();
    const since = c.time(body, 'tuNgay');
    if (!c.ok) return answer('-5', c.errors.join('; '));
    return answer('0', undefined, { result: this.state.catalogSince(since) });
  }

  private calendar(body: Obj): Answer {
    const c = new Check();
    const year = c.int(body, 'nam', { required: true, min: 1900, max: 9999 });
    if (year === undefined) return answer('-5', c.errors.join('; '));
    const cal = this.state.calendarOf(year);
    // Not announced yet: an empty answer.
    return answer('0', undefined, { result: cal ?? {} });
  }
}

function identify(item: Obj): { maHoSo: string; maThayDoi: string } {
  return {
    maHoSo: typeof item.MaHoSo === 'string' ? item.MaHoSo : '',
    maThayDoi: typeof item.MaThayDoi === 'string' ? item.MaThayDoi : '',
  };
}

function result(maHoSo: string, maThayDoi: string, code: string, phienBan: number, detail?: string): ItemResult {
  return { MaHoSo: maHoSo, MaThayDoi: maThayDoi, ...answer(code, detail), PhienBan: phienBan };
}
