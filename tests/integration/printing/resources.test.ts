import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveResourcesDir } from '../../../src/main/printing/pdf/fonts';

const repoResources = path.join(process.cwd(), 'resources');
const made: string[] = [];
const cwd = process.cwd();

afterEach(() => {
  process.chdir(cwd);
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(withFont: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-res-'));
  made.push(dir);
  if (withFont) {
    mkdirSync(path.join(dir, 'fonts'));
    copyFileSync(path.join(repoResources, 'fonts', 'Tinos-Regular.ttf'), path.join(dir, 'fonts', 'Tinos-Regular.ttf'));
  }
  return dir;
}

describe('resolveResourcesDir', () => {
  it('prefers MOTCUA_RESOURCES when it holds the fonts', () => {
    const dir = tempDir(true);
    expect(resolveResourcesDir({ MOTCUA_RESOURCES: dir })).toBe(dir);
  });

  it('falls back to <cwd>/resources when the configured folder lacks the fonts', () => {
    expect(resolveResourcesDir({ MOTCUA_RESOURCES: tempDir(false) })).toBe(repoResources);
    expect(resolveResourcesDir({})).toBe(repoResources);
  });

  it('names every folder it tried when the fonts are nowhere', () => {
    const empty = tempDir(false);
    process.chdir(empty);
    expect(() => resolveResourcesDir({ MOTCUA_RESOURCES: '/khong/ton/tai' })).toThrow(
      /Không tìm thấy thư mục tài nguyên.*\/khong\/ton\/tai/,
    );
  });
});
