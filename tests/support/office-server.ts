import { startOfficeServer, type OfficeServer } from '../../src/main/server/office-server';
import { startTestCore, type TestCore } from './core';

export interface TestOffice {
  t: TestCore;
  server: OfficeServer;
  tokens: { admin: string; clerk: string; supervisor: string };
  close(): Promise<void>;
}

/** A set-up office (admin, clerk, supervisor) served over real HTTP on loopback, API only. */
export async function startTestOffice(): Promise<TestOffice> {
  const t = await startTestCore();
  const tokens = await t.setUpOffice();
  const server = await startOfficeServer({ core: t.core, port: 0, serveUi: false });
  return {
    t,
    server,
    tokens,
    async close() {
      await server.close();
      t.close();
    },
  };
}
