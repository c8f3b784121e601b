import type { Db } from '../database';
import { m001Foundation } from './001-foundation';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/**
 * Every schema change, in order. Append only; never edit a released migration.
 * Numbers are reserved per capability so parallel work does not collide:
 * 002 catalog + calendar, 003 dossiers, 004 printing, 005 queue, 006 postal, 007 sync, 008 security.
 */
export const migrations: Migration[] = [m001Foundation];
