// `npm run bench [-- --size N --data DIR --only a,b --quick]`; `node bench/run.mjs --build-only`
// just writes the bundles (e.g. dist/bench/generate.cjs, to generate a folder by hand).
// Bundles the benchmark suite and the data generator with esbuild into dist/bench/ (CommonJS,
// every npm package external, as scripts/build.mjs does for the app) and runs the suite in this
// process (started with --expose-gc by the npm script, so runs can collect garbage between ops).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outdir = path.join(root, 'dist', 'bench');

await build({
  entryPoints: { suite: path.join(root, 'bench/suite.ts'), generate: path.join(root, 'bench/generate.ts'), double: path.join(root, 'bench/double-main.ts'), 'refresh-fts': path.join(root, 'bench/refresh-fts.ts'), 'history-worker': path.join(root, 'bench/gen/history-worker.ts') },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// Code that hands work to the app's worker-thread bundles looks for them beside itself
// (__dirname/workers): point the bench bundle at the ones scripts/build.mjs just built.
const workers = path.join(root, 'dist', 'main', 'workers');
const benchWorkers = path.join(outdir, 'workers');
if (fs.existsSync(workers) && !fs.existsSync(benchWorkers)) fs.symlinkSync(workers, benchWorkers, 'dir');

if (process.argv.includes('--build-only')) process.exit(0);

const { main } = createRequire(path.join(root, 'package.json'))(path.join(outdir, 'suite.cjs'));
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
}
