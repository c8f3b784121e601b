import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder's own tools (ajv, js-yaml, its schema and hook resolver) come with it in node_modules.
const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '../../..');
const yaml = require('js-yaml') as { load(text: string): unknown };
type AjvValidate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params: Record<string, unknown> }[] | null };
const Ajv = require('ajv') as new (opts: Record<string, unknown>) => { compile(schema: unknown): AjvValidate };
const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as unknown;
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, logger: unknown): Promise<void> };
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { resolveFunction } = require('app-builder-lib/out/util/resolve') as {
  resolveFunction(type: string | undefined, executor: unknown, name: string, root: string): Promise<unknown>;
};

interface FileSet {
  from: string;
  to: string;
  filter?: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  buildDependenciesFromSource: boolean;
  extraResources: FileSet[];
  afterPack: string;
  win: { target: { target: string; arch: string[] }[]; icon: string; executableName: string; verifyUpdateCodeSignature: boolean };
  nsis: Record<string, unknown> & { installerIcon: string; uninstallerIcon: string };
  publish: { provider: string; url: string; channel: string };
}

const configText = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
/** A fresh copy each time: ajv with coerceTypes (as electron-builder runs it) may rewrite values. */
const loadConfig = () => yaml.load(configText) as BuilderConfig;
// The same options electron-builder 26 uses in its schemaValidator (strict off: its schema has a custom `typeof` keyword).
const validate = new Ajv({ allErrors: true, verbose: true, coerceTypes: true, strict: false }).compile(schema);

describe('electron-builder.yml against electron-builder’s JSON schema', () => {
  it('is valid', () => {
    const ok = validate(loadConfig());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator catches a misspelt option and a wrong type (so a pass above means something)', () => {
    const typo = loadConfig() as unknown as { nsis: Record<string, unknown> };
    typo.nsis.oneClik = false;
    expect(validate(typo)).toBe(false);
    expect(validate.errors).toEqual(expect.arrayContaining([expect.objectContaining({ instancePath: '/nsis', params: { additionalProperty: 'oneClik' } })]));
    const wrongType = loadConfig() as unknown as { asarUnpack: unknown };
    wrongType.asarUnpack = { pattern: '**/*.node' };
    expect(validate(wrongType)).toBe(false);
  });

  it('passes electron-builder’s own validateConfiguration', async () => {
    await expect(validateConfiguration(loadConfig(), new DebugLogger(false))).resolves.toBeUndefined();
    const bad = loadConfig() as unknown as Record<string, unknown>;
    bad.nsiss = {};
    await expect(validateConfiguration(bad, new DebugLogger(false))).rejects.toThrow(/nsiss/);
  });
});

describe('electron-builder.yml settings', () => {
  const c = loadConfig();

  it('identifies the app and builds an assisted NSIS installer for Windows x64 in Vietnamese', () => {
    expect(c.appId).toBe('vn.motcua.desk');
    expect(c.productName).toBe('Một cửa Desk');
    expect(c.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(c.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['vi_VN'],
      language: '1066',
      deleteAppDataOnUninstall: false,
    });
    // Installer output must not land in dist/, which is our own build output (files: dist/**).
    expect(c.directories.output).not.toBe('dist');
  });

  it('packs the built app and unpacks native modules from the asar', () => {
    expect(c.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect(c.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**', '**/node_modules/@napi-rs/**']));
    expect(c.npmRebuild).toBe(true);
    expect(c.buildDependenciesFromSource).toBe(false);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
    expect(pkg.main.startsWith('dist/')).toBe(true);
    // Modules loaded at run time must be dependencies (devDependencies are left out of the package).
    for (const dep of ['better-sqlite3', '@napi-rs/canvas', 'electron-updater', 'yazl']) expect(pkg.dependencies[dep]).toBeTruthy();
  });

  it('puts resources where src/main/app/paths.ts looks for them (<resourcesPath>/resources/fonts …)', () => {
    const byFrom = Object.fromEntries(c.extraResources.map((r) => [r.from, r.to]));
    expect(byFrom).toMatchObject({
      'resources/fonts': 'resources/fonts',
      'resources/sounds': 'resources/sounds',
      'resources/catalog': 'resources/catalog',
      'vendor/SumatraPDF': 'vendor/SumatraPDF',
    });
  });

  it('flips fuses after pack and publishes to a configurable generic server', () => {
    expect(c.afterPack).toBe('./scripts/flip-fuses.cjs');
    expect(c.publish).toEqual({ provider: 'generic', url: '${env.MOTCUA_UPDATE_URL}', channel: 'latest' });
    expect(c.win.verifyUpdateCodeSignature).toBe(true);
  });
});

describe('every file and folder electron-builder.yml refers to exists', () => {
  const c = loadConfig();
  const exists = (p: string) => fs.existsSync(path.join(root, p));

  it('icons, the afterPack hook and the extraResources sources', () => {
    const referenced = [c.win.icon, c.nsis.installerIcon, c.nsis.uninstallerIcon, c.afterPack, ...c.extraResources.map((r) => r.from)];
    expect(referenced.filter((p) => !exists(p))).toEqual([]);
    for (const r of c.extraResources) expect(fs.statSync(path.join(root, r.from)).isDirectory()).toBe(true);
    expect(exists('vendor/SumatraPDF/README.md')).toBe(true);
    expect(fs.statSync(path.join(root, c.directories.buildResources)).isDirectory()).toBe(true);
  });

  it('the resource folders are not empty (fonts are required at start-up)', () => {
    for (const dir of ['resources/fonts', 'resources/catalog']) expect(fs.readdirSync(path.join(root, dir)).length).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(root, 'resources/fonts')).some((f) => f.endsWith('.ttf'))).toBe(true);
  });

  it('icon.png is a 512×512 PNG', () => {
    const png = fs.readFileSync(path.join(root, 'resources/icons/icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('icon.ico holds the sizes Windows asks for, up to 256×256', () => {
    const ico = fs.readFileSync(path.join(root, c.win.icon));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1); // 1 = icon
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + i * 16;
      const w = ico[entry] === 0 ? 256 : ico[entry];
      const h = ico[entry + 1] === 0 ? 256 : ico[entry + 1];
      expect(w).toBe(h);
      const size = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + size).toBeLessThanOrEqual(ico.length);
      sizes.push(w);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));
  });

  it('electron-builder resolves the afterPack hook to a function', async () => {
    const hook = await resolveFunction(undefined, c.afterPack, 'afterPack', root);
    expect(typeof hook).toBe('function');
    expect((hook as { name: string }).name).toBe('afterPack');
  });
});
