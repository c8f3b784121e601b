// Builds the three parts of the app:
//   main (office server + Electron main) and preload with esbuild, as CommonJS bundles that keep
//   every npm dependency external (native modules such as better-sqlite3 must load from node_modules);
//   the renderer with Vite.
// `--if-stale` skips the build when dist/ is newer than every source file (fast `npm run serve`).
import fs from 'node:fs';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function isStale() {
  const marker = path.join(dist, '.built');
  if (!fs.existsSync(marker)) return true;
  const built = fs.statSync(marker).mtimeMs;
  const inputs = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => path.join(root, p)).filter(fs.existsSync);
  return inputs.some((p) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs) > built);
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', sourcemap: true, logLevel: 'warning' };
const started = Date.now();
await Promise.all([
  esbuild({ ...common, entryPoints: { server: 'src/main/server/main.ts', electron: 'src/main/electron/main.ts', 'backup-cli': 'src/main/backup/cli.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } }),
  esbuild({ ...common, entryPoints: { index: 'src/preload/index.ts' }, outdir: 'dist/preload', outExtension: { '.js': '.cjs' } }),
]);
const workerDir = path.join(root, 'src/main/workers');
if (fs.existsSync(workerDir)) {
  const entries = fs.readdirSync(workerDir).filter((f) => f.endsWith('.worker.ts')).map((f) => path.join('src/main/workers', f));
  if (entries.length) await esbuild({ ...common, entryPoints: entries, outdir: 'dist/main/workers', outExtension: { '.js': '.cjs' } });
}
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
fs.writeFileSync(path.join(dist, '.built'), new Date().toISOString());
console.log(`build: ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
