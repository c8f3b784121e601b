import type { Db } from '../database';
import { m001Foundation } from './001-foundation';
import { m002CatalogCalendar } from './002-catalog-calendar';
import { m003Dossiers } from './003-dossiers';
import { m004Printing } from './004-printing';
import { m005Queue } from './005-queue';
import { m006Postal } from './006-postal';
import { m007Sync } from './007-sync';
import { m008Security } from './008-security';
import { m012Papers } from './012-papers';
import { m018CounterFloor } from './018-counter-floor';
import { m015DomainData } from './015-domain-data';
import { m017SyncIdentity } from './017-sync-identity';

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
export const migrations: Migration[] = [m001Foundation, m002CatalogCalendar, m003Dossiers, m004Printing, m005Queue, m006Postal, m007Sync, m008Security, m012Papers, m015DomainData, m017SyncIdentity, m018CounterFloor];
