/**
 * Server-pushed events, part of the same contract as the methods.
 * Each capability adds its event names here with their payload type.
 */
export interface EventMap {
  'settings.changed': { by: string };
  'dossier.changed': { id: string; code: string; status: number };
  'queue.changed': { reason: string; ticketId?: string; counterNumber?: number };
  'queue.called': { ticketNumber: string; counterNumber: number; groupName: string; at: string; recall: boolean };
  'sync.progress': { phase: string; done: number; total: number; message?: string };
  /** A dossier code the province holds for another dossier: the supervisor must repair it (banner on every screen). */
  'sync.collision': { id: string; code: string };
  'sync.finished': { ok: boolean; pushed: number; pulled: number; parked: number; message: string };
  /** Procedures added, updated or edited (codes); screens showing the catalog reload. */
  'catalog.changed': { codes: string[]; reason: 'import' | 'provincial' | 'admin' | 'seed' | 'counter' };
  /** Calendar years or office hours changed: due dates computed from now on differ. */
  'calendar.changed': { year: number | null };
  /** A postal hand-over was opened, changed or closed; postal screens reload. */
  'postal.changed': { handoverId: string; direction: 'IN' | 'OUT'; state: 'open' | 'closed' };
}

export type EventName = keyof EventMap;
export type AppEvent = { [K in EventName]: { type: K; payload: EventMap[K] } }[EventName];

/** Events a read-only display board may receive (no personal data in these payloads). */
export const BOARD_EVENTS: readonly EventName[] = ['queue.changed', 'queue.called', 'settings.changed'];
