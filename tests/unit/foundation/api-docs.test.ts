import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderApiDocs } from '../../../src/main/api/api-docs';
import { contract } from '../../../src/shared/api/contract';

describe('docs/api.md', () => {
  it('is exactly what the contract generates (run `npm run docs:api` after changing the contract)', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../../docs/api.md'), 'utf8');
    expect(committed).toBe(renderApiDocs());
  });
  it('documents every method of the contract with its access rule', () => {
    const doc = renderApiDocs();
    for (const name of Object.keys(contract)) expect(doc).toContain(`## ${name}\n`);
    expect(doc).toMatch(/## auth\.login\n\n.*\n\nQuyền: công khai/);
  });
});
