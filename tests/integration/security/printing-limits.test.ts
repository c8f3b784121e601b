/**
 * Issue 19 items 5–6: a clerk cannot send a dossier PDF to a folder or share of their choosing, and nobody on
 * the LAN can make the host run a program: SumatraPDF is the shipped copy or a path the administrator set on
 * the host PC itself, whose SHA-256 is recorded then and checked before every spawn.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api/dispatcher';
import { resolveCaller } from '../../../src/main/users/caller';
import { printingHost } from '../../../src/main/printing/printing-service';
import type { InputOf, MethodName } from '../../../src/shared/api/contract';
import { startTestCore, type TestCore } from '../../support/core';
import { sampleIntake } from '../../support/dossier-fixtures';
import { makeTempDir } from '../../support/temp-dir';

describe('printing: printers only from the admin list, SumatraPDF only approved from the host', () => {
  let t: TestCore;
  let tok: { admin: string; clerk: string; supervisor: string };
  let tmp: ReturnType<typeof makeTempDir>;
  let documentId = '';
  const realPlatform = printingHost.platform;
  beforeEach(async () => {
    t = await startTestCore({ now: new Date('2026-03-03T09:32:00+07:00') });
    tok = await t.setUpOffice();
    tmp = makeTempDir('motcua-print-sec-');
    const d = await t.must('dossier.receive', sampleIntake(0), tok.clerk);
    documentId = (await t.must('printing.render', { subjectId: d.id, form: 'receipt' }, tok.clerk)).id;
  });
  afterEach(() => {
    printingHost.platform = realPlatform;
    t.close();
    tmp.cleanup();
  });

  /** The same dispatcher the desktop window (IPC) and loopback HTTP use, with the transport's fromHost flag. */
  const fromHostCall = <M extends MethodName>(method: M, input: InputOf<M>, token: string) =>
    dispatch(t.core.app, t.core.handlers, method, input, { caller: resolveCaller(t.core.app, token, 'ipc'), device: 'ipc', fromHost: true });

  const attempts = () => (t.core.app.db.prepare('SELECT count(*) n FROM print_attempts').get() as { n: number }).n;

  it('refuses a clerk-chosen folder: or UNC printer, copies nothing, records nothing', async () => {
    const loot = path.join(tmp.dir, 'loot');
    for (const printer of [`folder:${loot}`, 'folder:\\\\10.0.0.66\\share', '\\\\10.0.0.66\\evil-printer', 'Máy in chưa cấu hình']) {
      const r = await t.call('printing.print', { documentId, printer }, tok.clerk);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.fields?.printer).toMatch(/danh sách máy in/);
      }
    }
    expect(fs.existsSync(loot)).toBe(false);
    expect(attempts()).toBe(0);
  });

  it('lets a clerk pick any printer the administrator configured', async () => {
    const receipts = path.join(tmp.dir, 'receipts');
    await t.must('printing.saveSettings', { printer: 'May-A4-Chung', perForm: { receipt: `folder:${receipts}` } }, tok.admin);
    const sent = await t.must('printing.print', { documentId, printer: `folder:${receipts}` }, tok.clerk);
    expect(sent.attempts.at(-1)).toMatchObject({ ok: true, printer: `folder:${receipts}` });
    expect(fs.readdirSync(receipts)).toHaveLength(1);
  });

  it('refuses a SumatraPDF path sent over the LAN, even by an administrator, and never runs it', async () => {
    const marker = path.join(tmp.dir, 'ran');
    const evil = path.join(tmp.dir, 'evil.sh');
    fs.writeFileSync(evil, `#!/bin/sh\necho ran > "${marker}"\n`, { mode: 0o755 });
    const r = await t.call('printing.saveSettings', { sumatraPath: evil }, tok.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('FORBIDDEN');
      expect(r.error.message).toMatch(/chính máy chủ/);
    }
    printingHost.platform = 'win32';
    await t.must('printing.print', { documentId }, tok.clerk);
    expect(fs.existsSync(marker)).toBe(false);
    expect((await t.must('printing.getSettings', {}, tok.admin)).sumatraPath).toBe('');
  });

  it('records the SHA-256 of a path approved on the host and refuses to spawn a file that changed since', async () => {
    const marker = path.join(tmp.dir, 'ran');
    const sumatra = path.join(tmp.dir, 'SumatraPDF.sh');
    fs.writeFileSync(sumatra, `#!/bin/sh\necho ran >> "${marker}"\n`, { mode: 0o755 });
    const saved = await fromHostCall('printing.saveSettings', { sumatraPath: sumatra }, tok.admin);
    expect(saved.ok).toBe(true);
    if (saved.ok) expect((saved.value as { sumatraSha256: string }).sumatraSha256).toMatch(/^[0-9a-f]{64}$/);
    printingHost.platform = 'win32';
    const first = await t.must('printing.print', { documentId }, tok.clerk);
    expect(first.attempts.at(-1)?.ok).toBe(true);
    expect(fs.readFileSync(marker, 'utf8')).toBe('ran\n');

    // Someone swaps the program behind the approved path: it is not run, the clerk is told why.
    fs.writeFileSync(sumatra, `#!/bin/sh\necho swapped >> "${marker}"\n`, { mode: 0o755 });
    const second = await t.must('printing.print', { documentId }, tok.clerk);
    expect(second.attempts.at(-1)).toMatchObject({ ok: false });
    expect(second.attempts.at(-1)?.message).toMatch(/SumatraPDF.*đã thay đổi/);
    expect(fs.readFileSync(marker, 'utf8')).toBe('ran\n');
  });

  it('refuses a path that is not an existing file when approved on the host', async () => {
    const r = await fromHostCall('printing.saveSettings', { sumatraPath: path.join(tmp.dir, 'khong-co.exe') }, tok.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.sumatraPath).toMatch(/Không tìm thấy/);
  });
});
