import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { makeTempDir } from '../../support/temp-dir';

const ROOT = path.resolve(__dirname, '../../..');
const PER_PROCESS = 40;

interface Child {
  ready: Promise<void>;
  result: Promise<{ codes: string[]; failures: string[] }>;
  go(): void;
}

function startIssuer(script: string, dataDir: string, token: string, groupId: string): Child {
  const child = spawn(process.execPath, [script, dataDir, token, groupId, String(PER_PROCESS)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    // The bundle lives in a temp folder; its external packages come from the repository.
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const rl = readline.createInterface({ input: child.stdout! });
  let onReady!: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  const result = new Promise<{ codes: string[]; failures: string[] }>((resolve, reject) => {
    rl.on('line', (line) => {
      if (line === 'ready') onReady();
      else if (line.startsWith('{')) resolve(JSON.parse(line) as { codes: string[]; failures: string[] });
    });
    child.once('exit', (code) => reject(new Error(`issuer exited ${code}: ${stderr}`)));
  });
  return { ready, result, go: () => child.stdin!.write('go\n') };
}

describe('atomic numbering across processes', () => {
  let t: TestCore;
  let script: string;
  const tmp = makeTempDir('motcua-issuer-');
  beforeAll(async () => {
    script = path.join(tmp.dir, 'issuer.cjs');
    await build({
      entryPoints: [path.join(__dirname, 'concurrent-issuer.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      outfile: script,
      logLevel: 'warning',
    });
    t = await startTestCore();
  });
  afterAll(() => {
    t?.close();
    tmp.cleanup();
  });

  it('two processes issuing at once on the same file never get the same number', async () => {
    const { admin, clerk } = await t.setUpOffice();
    const group = await t.must('queue.saveGroup', { name: 'Hộ tịch', prefix: 'A', rangeStart: 1, rangeEnd: 999, dailyCap: null, priorityMode: 'strict', interleaveEvery: 3, active: true }, admin);
    const children = [startIssuer(script, t.dataDir, clerk, group.id), startIssuer(script, t.dataDir, clerk, group.id)];
    await Promise.all(children.map((c) => c.ready));
    // This process issues too, through its own connection, while the children run.
    children.forEach((c) => c.go());
    const mine: string[] = [];
    for (let i = 0; i < 10; i++) mine.push((await t.must('queue.issue', { groupId: group.id, priority: null, source: 'counter', print: false }, clerk)).ticket.code);
    const results = await Promise.all(children.map((c) => c.result));
    for (const r of results) expect(r.failures).toEqual([]);
    const all = [...results.flatMap((r) => r.codes), ...mine];
    expect(all).toHaveLength(2 * PER_PROCESS + 10);
    expect(new Set(all).size).toBe(all.length);
    const expected = Array.from({ length: all.length }, (_, i) => `A${String(i + 1).padStart(3, '0')}`);
    expect([...all].sort()).toEqual(expected);
    // Each process saw its own numbers in increasing order.
    for (const codes of [...results.map((r) => r.codes), mine]) expect([...codes].sort()).toEqual(codes);
    const db = t.core.app.db;
    expect((db.prepare('SELECT issued, last_number FROM queue_day_counters').get() as { issued: number }).issued).toBe(all.length);
    expect((db.prepare('SELECT count(*) n FROM queue_numbers').get() as { n: number }).n).toBe(all.length);
    // Every issue was audited, and the hash chain stayed intact across the three writers.
    expect(await t.must('audit.verify', {}, admin)).toMatchObject({ intact: true });
    expect((db.prepare("SELECT count(*) n FROM audit_log WHERE action = 'queue.issue'").get() as { n: number }).n).toBe(all.length);
  });
});
