import fs from 'node:fs';
import path from 'node:path';

/**
 * Where bundled resources (fonts, sounds, sample catalog) live. In a packaged app they sit
 * next to the asar (process.resourcesPath); in a dev checkout and in tests, at <repo>/resources.
 */
export function resourcesDir(): string {
  const candidates: string[] = [];
  if (process.env.MOTCUA_RESOURCES) candidates.push(process.env.MOTCUA_RESOURCES);
  const electronResources = (process as { resourcesPath?: string }).resourcesPath;
  if (electronResources) candidates.push(path.join(electronResources, 'resources'));
  if (typeof __dirname !== 'undefined') candidates.push(path.resolve(__dirname, '../../resources'));
  candidates.push(path.resolve(process.cwd(), 'resources'));
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, 'fonts'))) return dir;
  }
  throw new Error(`Không tìm thấy thư mục tài nguyên (đã thử: ${candidates.join(', ')})`);
}

export function resourcePath(...parts: string[]): string {
  return path.join(resourcesDir(), ...parts);
}

/** The built renderer (index.html and assets), served by the office server and loaded by Electron. */
export function rendererDir(): string {
  const candidates = [
    process.env.MOTCUA_RENDERER_DIR,
    typeof __dirname !== 'undefined' ? path.resolve(__dirname, '../renderer') : undefined,
    path.resolve(process.cwd(), 'dist/renderer'),
  ].filter((d): d is string => !!d);
  return candidates.find((d) => fs.existsSync(path.join(d, 'index.html'))) ?? candidates[candidates.length - 1];
}

export interface DataPaths {
  root: string;
  database: string;
  backups: string;
  archive: string;
  logs: string;
  config: string;
}

export function dataPaths(root: string): DataPaths {
  return {
    root,
    database: path.join(root, 'motcua.sqlite'),
    backups: path.join(root, 'backups'),
    archive: path.join(root, 'archive'),
    logs: path.join(root, 'logs'),
    config: path.join(root, 'config.json'),
  };
}

export function ensureDataDirs(p: DataPaths): void {
  for (const dir of [p.root, p.backups, p.archive, p.logs]) fs.mkdirSync(dir, { recursive: true });
}
