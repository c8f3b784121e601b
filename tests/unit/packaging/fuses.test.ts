import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

const require = createRequire(import.meta.url);
type FuseConfig = Record<string, unknown> & { version: string };
const hook = require('../../../scripts/flip-fuses.cjs') as {
  fuseConfig(): FuseConfig;
  afterPack(context: unknown): Promise<void>;
  executablePath(context: unknown): string;
};
// @electron/fuses is a dependency of electron-builder (not of the app): the hook runs at build time only.
const fuses = require('@electron/fuses') as {
  FuseV1Options: Record<string, number>;
  FuseVersion: { V1: string };
  getCurrentFuseWire(p: string): Promise<Record<string, unknown>>;
};
const { FuseV1Options: F } = fuses;
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49; // '1'
const DISABLE = 48; // '0'

/**
 * A stand-in for electron.exe: the real binary cannot be downloaded here, but flipping fuses only
 * rewrites the bytes after the sentinel (version 1, wire length, one state byte per fuse).
 */
function fakeElectron(states: number[]): Buffer {
  const before = Buffer.from('MZ\x90\x00 fake PE header and code '.repeat(20), 'latin1');
  const after = Buffer.from(' more code and resources '.repeat(20), 'latin1');
  return Buffer.concat([before, Buffer.from(SENTINEL, 'ascii'), Buffer.from([1, states.length, ...states]), after]);
}

describe('fuseConfig()', () => {
  it('turns off the ways to run other code with the signed executable, and turns on asar integrity', () => {
    const c = hook.fuseConfig();
    expect(c.version).toBe(fuses.FuseVersion.V1);
    expect(c[F.RunAsNode]).toBe(false);
    expect(c[F.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(c[F.EnableNodeCliInspectArguments]).toBe(false);
    expect(c[F.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(c[F.OnlyLoadAppFromAsar]).toBe(true);
    expect(c[F.EnableCookieEncryption]).toBe(true);
  });

  it('leaves the file:// privileges alone (the host renderer is loaded from file://) and sets nothing else', () => {
    const c = hook.fuseConfig();
    expect(c[F.GrantFileProtocolExtraPrivileges]).toBeUndefined();
    expect(c[F.LoadBrowserProcessSpecificV8Snapshot]).toBeUndefined();
    expect(Object.keys(c).filter((k) => k !== 'version').sort()).toEqual(
      [F.RunAsNode, F.EnableCookieEncryption, F.EnableNodeOptionsEnvironmentVariable, F.EnableNodeCliInspectArguments, F.EnableEmbeddedAsarIntegrityValidation, F.OnlyLoadAppFromAsar].map(String).sort(),
    );
  });
});

describe('afterPack hook', () => {
  let tmp: ReturnType<typeof makeTempDir> | null = null;
  afterEach(() => tmp?.cleanup());
  const context = (appOutDir: string, platform = 'win32') => ({
    appOutDir,
    electronPlatformName: platform,
    packager: { appInfo: { productFilename: 'MotCuaDesk' }, executableName: 'motcuadesk' },
  });

  it('finds the executable electron-builder packed for each platform', () => {
    expect(hook.executablePath(context('/out', 'win32'))).toBe(path.join('/out', 'MotCuaDesk.exe'));
    expect(hook.executablePath(context('/out', 'darwin'))).toBe(path.join('/out', 'MotCuaDesk.app'));
    expect(hook.executablePath(context('/out', 'linux'))).toBe(path.join('/out', 'motcuadesk'));
  });

  it('flips the fuses of the packed executable and changes nothing else in it', async () => {
    tmp = makeTempDir();
    // Electron's defaults: RunAsNode, cookie encryption off, NODE_OPTIONS, inspect on, integrity off,
    // asar-only off, snapshot off, file privileges on; plus a ninth fuse this @electron/fuses does not know.
    const original = fakeElectron([ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE, ENABLE]);
    const exe = path.join(tmp.dir, 'MotCuaDesk.exe');
    fs.writeFileSync(exe, original);
    await hook.afterPack(context(tmp.dir));
    const wire = await fuses.getCurrentFuseWire(exe);
    expect(wire[F.RunAsNode]).toBe(DISABLE);
    expect(wire[F.EnableCookieEncryption]).toBe(ENABLE);
    expect(wire[F.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
    expect(wire[F.EnableNodeCliInspectArguments]).toBe(DISABLE);
    expect(wire[F.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLE);
    expect(wire[F.OnlyLoadAppFromAsar]).toBe(ENABLE);
    expect(wire[F.LoadBrowserProcessSpecificV8Snapshot]).toBe(DISABLE);
    expect(wire[F.GrantFileProtocolExtraPrivileges]).toBe(ENABLE);
    expect(wire[8]).toBe(ENABLE);
    const flipped = fs.readFileSync(exe);
    expect(flipped.length).toBe(original.length);
    const wireStart = original.indexOf(SENTINEL) + SENTINEL.length + 2;
    const differing = [...flipped.keys()].filter((i) => flipped[i] !== original[i]);
    expect(differing.every((i) => i >= wireStart && i < wireStart + 9)).toBe(true);
    expect(differing.length).toBe(6);
  });

  it('fails the build when the executable has no fuse wire (an unprotected app must not ship)', async () => {
    tmp = makeTempDir();
    fs.writeFileSync(path.join(tmp.dir, 'MotCuaDesk.exe'), Buffer.from('MZ not electron at all'));
    await expect(hook.afterPack(context(tmp.dir))).rejects.toThrow(/sentinel/i);
  });

  it('fails the build when the executable is missing', async () => {
    tmp = makeTempDir();
    await expect(hook.afterPack(context(tmp.dir))).rejects.toThrow(/ENOENT/);
  });
});
