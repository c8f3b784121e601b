// Rewrites docs/api.md from the contract (bundled on the fly with esbuild, run in this process).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'dist', 'tools', 'api-docs.cjs');
await build({ entryPoints: [path.join(root, 'src/main/api/api-docs.ts')], bundle: true, platform: 'node', format: 'cjs', packages: 'external', outfile: out, logLevel: 'warning' });
const { renderApiDocs } = createRequire(path.join(root, 'package.json'))(out);
fs.writeFileSync(path.join(root, 'docs/api.md'), renderApiDocs());
console.log('docs/api.md written');
