/**
 * printPdf really spawns the print program: a stand-in script plays SumatraPDF
 * (the Windows command takes a configurable path), records its arguments and exits
 * with the code and error text it is told to.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdf } from '../../../src/main/printing/print-adapter';

let dir = '';
let fake = '';
let argsFile = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'motcua-print-'));
  argsFile = path.join(dir, 'args.txt');
  fake = path.join(dir, 'fake-sumatra.sh');
  writeFileSync(
    fake,
    [
      '#!/bin/sh',
      `printf '%s\\n' "$@" > "${argsFile}"`,
      'if [ -n "$FAKE_STDERR" ]; then printf "%s" "$FAKE_STDERR" >&2; fi',
      'exit "${FAKE_EXIT:-0}"',
      '',
    ].join('\n'),
  );
  chmodSync(fake, 0o755);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('printPdf', () => {
  it('passes the built arguments unchanged, spaces and Vietnamese included, and reports success', async () => {
    const file = path.join(dir, 'giấy tiếp nhận.pdf');
    const outcome = await printPdf({ platform: 'win32', sumatraPath: fake, printer: 'Máy in Quầy 3', paper: 'A5', file });
    expect(outcome).toEqual({ ok: true, exitCode: 0, stderr: '' });
    expect(readFileSync(argsFile, 'utf8').split('\n').slice(0, -1)).toEqual([
      '-print-to',
      'Máy in Quầy 3',
      '-print-settings',
      'paper=A5,fit',
      '-silent',
      file,
    ]);
  });

  it('reports a failing print with its exit code and error text', async () => {
    process.env.FAKE_EXIT = '3';
    process.env.FAKE_STDERR = 'printer offline';
    try {
      const outcome = await printPdf({ platform: 'win32', sumatraPath: fake, file: '/tmp/x.pdf' });
      expect(outcome).toEqual({ ok: false, exitCode: 3, stderr: 'printer offline' });
    } finally {
      delete process.env.FAKE_EXIT;
      delete process.env.FAKE_STDERR;
    }
  });

  it('explains in Vietnamese when the print program is missing', async () => {
    const outcome = await printPdf({ platform: 'win32', sumatraPath: path.join(dir, 'khong-co.exe'), file: '/tmp/x.pdf' });
    expect(outcome.ok).toBe(false);
    expect(outcome.exitCode).toBeNull();
    expect(outcome.stderr).toContain('không tìm thấy chương trình in');
  });

  it('gives up on a print program that hangs', async () => {
    const hang = path.join(dir, 'hang.sh');
    writeFileSync(hang, '#!/bin/sh\nexec sleep 30\n');
    chmodSync(hang, 0o755);
    const outcome = await printPdf({ platform: 'win32', sumatraPath: hang, file: '/tmp/x.pdf' }, { timeoutMs: 300 });
    expect(outcome).toMatchObject({ ok: false, exitCode: null });
    expect(outcome.stderr).toContain('không phản hồi');
  });

  it('turns invalid requests into an outcome instead of throwing', async () => {
    const outcome = await printPdf({ platform: 'linux', file: '/tmp/x.pdf', copies: 0 });
    expect(outcome.ok).toBe(false);
    expect(outcome.stderr).toContain('Số bản in không hợp lệ');
  });
});
