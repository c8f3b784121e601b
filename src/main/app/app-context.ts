import type { Role } from '../../shared/api/define';
import type { Db } from '../db/database';
import type { Clock } from './clock';
import type { EventBus } from './event-bus';
import type { Logger } from './logger';
import type { DataPaths } from './paths';

/** Everything a service needs, created once per installation (per database). */
export interface AppContext {
  db: Db;
  clock: Clock;
  log: Logger;
  events: EventBus;
  paths: DataPaths;
  version: string;
  testMode: boolean;
}

/** Who is calling: resolved by the dispatcher from the session token before any handler runs. */
export interface Caller {
  userId: string | null;
  username: string | null;
  fullName: string | null;
  role: Role | 'board' | 'kiosk' | null;
  /** Device label for the audit log: 'ipc', or the terminal's address / paired device name. */
  device: string;
  tokenHash: string | null;
  /** The session is behind the idle screen lock: only the methods in ALLOWED_WHILE_LOCKED run. */
  locked?: boolean;
  /** The call came from the host PC itself (loopback HTTP, the desktop window), not from the LAN. */
  fromHost?: boolean;
}

export const SYSTEM_CALLER: Caller = { userId: null, username: 'system', fullName: 'Hệ thống', role: null, device: 'local', tokenHash: null };
