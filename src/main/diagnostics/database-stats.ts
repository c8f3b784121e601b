import fs from 'node:fs';
import type { Db } from '../db/database';

export interface DatabaseStats {
  userVersion: number;
  journalMode: string;
  pageSize: number;
  pageCount: number;
  freelistCount: number;
  fileBytes: number;
  walBytes: number;
  /** Rows per table: shapes and volumes only, never a row's content. */
  tables: Record<string, number>;
  indexes: number;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Numbers that explain most support cases (a huge WAL, a bloated free list, an unexpected schema
 * version, a table that grows without bound) without reading any personal data.
 */
export function collectDatabaseStats(db: Db, file: string): DatabaseStats {
  const pragma = (name: string) => db.pragma(name, { simple: true }) as number | string;
  const tableNames = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const tables: Record<string, number> = {};
  for (const name of tableNames) {
    try {
      tables[name] = (db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(name)}`).get() as { n: number }).n;
    } catch {
      // A virtual table whose module is not loaded in this build cannot be counted; say so.
      tables[name] = -1;
    }
  }
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return {
    userVersion: Number(pragma('user_version')),
    journalMode: String(pragma('journal_mode')),
    pageSize: Number(pragma('page_size')),
    pageCount: Number(pragma('page_count')),
    freelistCount: Number(pragma('freelist_count')),
    fileBytes: size(file),
    walBytes: size(`${file}-wal`),
    tables,
    indexes: (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index'").get() as { n: number }).n,
  };
}
