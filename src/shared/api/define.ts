import { z } from 'zod';

export type Role = 'clerk' | 'supervisor' | 'admin';
/**
 * Display boards get a read-only device token: they may call only methods marked `board`.
 * Kiosk tablets get a device token that may call only methods marked `kiosk`.
 */
export type Access =
  | { kind: 'public' } // no session needed (login, first-run status)
  | { kind: 'roles'; roles: readonly Role[]; board?: boolean; kiosk?: boolean };

export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** One line for docs/api.md. */
  summary: string;
  /**
   * A creating call: its input may carry `requestId` (see requestIdSchema); a repeat with the same id returns
   * the first answer and creates nothing.
   */
  idempotent?: boolean;
  /** Phantom field carrying the output type; never set at run time. */
  readonly _output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(spec: Omit<MethodSpec<I, O>, '_output'>): MethodSpec<I, O> => spec;
}

export const ANY_USER: readonly Role[] = ['clerk', 'supervisor', 'admin'];
export const SUPERVISORS: readonly Role[] = ['supervisor', 'admin'];
export const ADMINS: readonly Role[] = ['admin'];

/** Chosen by the client once per thing it creates (one intake form, one outcome, one ticket press). */
export const requestIdSchema = z.string().uuid('Mã yêu cầu (requestId) phải là một UUID').optional();
