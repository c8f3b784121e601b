import type { InputOf, MethodName, OutputOf } from '../../shared/api/contract';
import type { AppEvent } from '../../shared/api/events';
import type { Result } from '../../shared/api/result';
import { defaultTransport, type Transport } from './transport';

const TOKEN_KEY = 'motcua.token';

/** Typed client of the one API contract, with the session token kept for the tab/window. */
export class ApiClient {
  private token: string | null = sessionStorage.getItem(TOKEN_KEY);
  private readonly unauthListeners = new Set<() => void>();
  constructor(private readonly transport: Transport = defaultTransport()) {}

  get hasSession(): boolean {
    return this.token !== null;
  }
  /** For the few desktop-only bridge calls that check the administrator themselves. */
  get sessionToken(): string | null {
    return this.token;
  }
  setToken(token: string | null): void {
    this.token = token;
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  }
  onUnauthenticated(fn: () => void): () => void {
    this.unauthListeners.add(fn);
    return () => this.unauthListeners.delete(fn);
  }

  async call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>> {
    const res = (await this.transport.call(method, input, this.token)) as Result<OutputOf<M>>;
    if (!res.ok && res.error.code === 'UNAUTHENTICATED' && this.token && method !== 'auth.login') {
      this.setToken(null);
      this.unauthListeners.forEach((fn) => fn());
    }
    return res;
  }

  /** Like call, but throws an Error carrying the Vietnamese message; for code paths that show it. */
  async must<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
    const res = await this.call(method, input);
    if (!res.ok) throw new ApiCallError(res.error.message, res.error.code, res.error.fields);
    return res.value;
  }

  subscribe(onEvent: (e: AppEvent) => void, onState?: (connected: boolean) => void): () => void {
    if (!this.token) return () => {};
    return this.transport.subscribe(this.token, onEvent, onState);
  }
}

export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const api = new ApiClient();
