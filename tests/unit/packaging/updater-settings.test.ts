import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { combineActivity, mayInstallUpdateNow, parseWorkActivity, updaterSettings, type UpdaterConfig } from '../../../src/main/app/update-policy';
import { updateUrlProblem } from '../../../src/shared/diagnostics/updates';
import { diagnosticsContract } from '../../../src/shared/api/diagnostics-contract';

const windowsPc = (over: Partial<UpdaterConfig> = {}): UpdaterConfig => ({ isPackaged: true, platform: 'win32', env: {}, stored: null, ...over });

describe('updaterSettings', () => {
  it('on an installed Windows PC with nothing configured: on, with the feed built into the installer', () => {
    const s = updaterSettings(windowsPc());
    expect(s).toMatchObject({ enabled: true, disabledReason: null, feed: null, feedSource: 'built-in' });
    expect(s).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false, allowPrerelease: false });
    expect(s.checkIntervalMs).toBeGreaterThanOrEqual(3600_000);
    expect(s.firstCheckDelayMs).toBeGreaterThan(0);
  });

  it('uses the office setting as a generic feed folder (trailing slash added)', () => {
    const s = updaterSettings(windowsPc({ stored: { feedUrl: 'https://capnhat.hanoi.gov.vn/motcua-desk' } }));
    expect(s.enabled).toBe(true);
    expect(s.feedSource).toBe('settings');
    expect(s.feed).toEqual({ provider: 'generic', url: 'https://capnhat.hanoi.gov.vn/motcua-desk/', channel: 'latest' });
  });

  it('MOTCUA_UPDATE_URL on the PC wins over the office setting', () => {
    const s = updaterSettings(windowsPc({ env: { MOTCUA_UPDATE_URL: 'http://192.168.1.20:8080/thu-nghiem/' }, stored: { feedUrl: 'https://capnhat.hanoi.gov.vn/motcua-desk/' } }));
    expect(s.feedSource).toBe('env');
    expect(s.feed?.url).toBe('http://192.168.1.20:8080/thu-nghiem/');
  });

  it('a null office setting means the built-in feed', () => {
    expect(updaterSettings(windowsPc({ stored: { feedUrl: null } }))).toMatchObject({ enabled: true, feed: null, feedSource: 'built-in' });
  });

  it('an unsafe explicit URL turns updates off with a Vietnamese reason instead of falling back silently', () => {
    const s = updaterSettings(windowsPc({ stored: { feedUrl: 'http://capnhat.example.com/motcua/' } }));
    expect(s.enabled).toBe(false);
    expect(s.feed).toBeNull();
    expect(s.disabledReason).toMatch(/https:\/\//);
    expect(s.disabledReason).toMatch(/nguồn: cài đặt/);
    const env = updaterSettings(windowsPc({ env: { MOTCUA_UPDATE_URL: 'ftp://10.0.0.5/' } }));
    expect(env.enabled).toBe(false);
    expect(env.disabledReason).toMatch(/MOTCUA_UPDATE_URL/);
  });

  it('is off outside an installed Windows app, or when the administrator turned it off', () => {
    expect(updaterSettings(windowsPc({ isPackaged: false }))).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/mã nguồn/) });
    expect(updaterSettings(windowsPc({ platform: 'linux' }))).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/Windows/) });
    expect(updaterSettings(windowsPc({ env: { MOTCUA_DISABLE_UPDATES: '1' } }))).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/MOTCUA_DISABLE_UPDATES/) });
    expect(updaterSettings(windowsPc({ env: { MOTCUA_DISABLE_UPDATES: '0' } })).enabled).toBe(true);
  });

  it('never allows a downgrade, whatever the input', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.constantFrom('win32', 'linux', 'darwin'), fc.option(fc.webUrl(), { nil: null }), (isPackaged, platform, feedUrl) => {
        const s = updaterSettings({ isPackaged, platform, env: {}, stored: { feedUrl } });
        expect(s.allowDowngrade).toBe(false);
        expect(s.allowPrerelease).toBe(false);
        if (s.feed) expect(s.feed.url.startsWith('https://') || s.feed.url.startsWith('http://')).toBe(true);
      }),
    );
  });
});

describe('updateUrlProblem', () => {
  it.each([
    'https://capnhat.hanoi.gov.vn/motcua-desk/',
    'https://capnhat.hanoi.gov.vn:8443/motcua-desk',
    'HTTPS://CAPNHAT.HANOI.GOV.VN/',
    'http://192.168.1.20/motcua/',
    'http://10.12.0.3:8080/motcua/',
    'http://172.16.5.5/',
    'http://127.0.0.1:9000/',
    'http://localhost:9000/',
  ])('accepts %s', (url) => expect(updateUrlProblem(url)).toBeNull());

  it.each([
    ['http://capnhat.hanoi.gov.vn/motcua/', /https:\/\//],
    ['http://192.168.1.20.evil.com/', /https:\/\//],
    ['http://10.0.0.1.nip.io/', /https:\/\//],
    ['http://172.32.0.1/', /https:\/\//],
    ['http://8.8.8.8/', /https:\/\//],
    ['ftp://192.168.1.20/', /https:\/\//],
    ['file:///C:/updates/', /không hợp lệ/],
    ['javascript:alert(1)', /không hợp lệ/],
    ['https://admin:matkhau@capnhat.hanoi.gov.vn/', /mật khẩu/],
    ['https://capnhat.hanoi.gov.vn/?channel=beta', /\?/],
    ['https://capnhat.hanoi.gov.vn/#x', /#/],
    ['capnhat.hanoi.gov.vn/motcua', /không hợp lệ/],
    ['https://', /không hợp lệ/],
    ['https://bad host/', /không hợp lệ/],
    ['', /không hợp lệ/],
  ])('refuses %s', (url, message) => expect(updateUrlProblem(url)).toMatch(message));

  it('is what the API validates (setUpdateSource)', () => {
    const schema = diagnosticsContract['diagnostics.setUpdateSource'].input;
    expect(schema.safeParse({ feedUrl: 'https://capnhat.hanoi.gov.vn/' }).success).toBe(true);
    expect(schema.safeParse({ feedUrl: null }).success).toBe(true);
    const bad = schema.safeParse({ feedUrl: 'http://capnhat.hanoi.gov.vn/' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/https:\/\//);
    expect(schema.safeParse({ feedUrl: 'https://a.vn/', extra: 1 }).success).toBe(false);
  });
});

describe('mayInstallUpdateNow', () => {
  it('installs when nothing is open and nobody is being served', () => {
    expect(mayInstallUpdateNow({ openIntakes: 0, queueServing: false })).toEqual({ install: true, reason: null });
  });

  it('waits while an intake is open or a ticket is being served, saying why', () => {
    const intake = mayInstallUpdateNow({ openIntakes: 1, queueServing: false });
    expect(intake.install).toBe(false);
    expect(intake.reason).toMatch(/hồ sơ tiếp nhận/);
    const serving = mayInstallUpdateNow({ openIntakes: 0, queueServing: true });
    expect(serving.install).toBe(false);
    expect(serving.reason).toMatch(/phục vụ/);
    expect(mayInstallUpdateNow({ openIntakes: 3, queueServing: true }).install).toBe(false);
  });

  it('treats unknown or nonsensical activity as busy', () => {
    expect(mayInstallUpdateNow(null).install).toBe(false);
    for (const openIntakes of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(mayInstallUpdateNow({ openIntakes, queueServing: false }).install).toBe(false);
  });

  it('installs only for exactly zero intakes and no service', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.boolean(), (openIntakes, queueServing) => {
        expect(mayInstallUpdateNow({ openIntakes, queueServing }).install).toBe(openIntakes === 0 && !queueServing);
      }),
    );
  });
});

describe('work activity reported by the window', () => {
  it('parses a well-formed report and refuses anything else', () => {
    expect(parseWorkActivity({ openIntakes: 2, queueServing: true })).toEqual({ openIntakes: 2, queueServing: true });
    for (const bad of [null, undefined, 'idle', 42, {}, { openIntakes: '0', queueServing: false }, { openIntakes: -1, queueServing: false }, { openIntakes: 1.5, queueServing: false }, { openIntakes: 0, queueServing: 'no' }, { openIntakes: 1e9, queueServing: false }]) {
      expect(parseWorkActivity(bad)).toBeNull();
    }
  });

  it('combines windows: busy if any is busy; nothing reported is unknown', () => {
    expect(combineActivity([])).toBeNull();
    expect(combineActivity([{ openIntakes: 0, queueServing: false }, { openIntakes: 1, queueServing: false }])).toEqual({ openIntakes: 1, queueServing: false });
    expect(combineActivity([{ openIntakes: 0, queueServing: true }, { openIntakes: 0, queueServing: false }])).toEqual({ openIntakes: 0, queueServing: true });
  });
});
