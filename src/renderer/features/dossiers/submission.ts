/**
 * One submission of a creating form (an intake, a Mẫu 02/03 outcome, a ticket press) and the request id it
 * carries. The id stays the same for every retry of that submission, so the office process answers a repeat
 * (Enter pressed twice, the retry after a lost answer) with what it already did instead of doing it again.
 * It is renewed only once the office has given a definite answer that leaves nothing to repeat: the thing
 * was created (the form moves on) or refused as it stands (a field error: nothing was created).
 * After a lost answer (NETWORK) the id is kept even if the clerk edits the form: the first attempt may have
 * been done, and the office then refuses the changed repeat instead of creating a second one.
 */
export class Submission {
  private id: string;
  private inFlight = false;

  constructor(private readonly newId: () => string = randomUuid) {
    this.id = newId();
  }

  get requestId(): string {
    return this.id;
  }

  /** True while a call is on its way: the form is locked and a second press does nothing. */
  get busy(): boolean {
    return this.inFlight;
  }

  /**
   * Runs `send` with this submission's request id unless a call is already in flight (then returns null:
   * the second press of a double Enter). Renews the id after a definite answer.
   */
  async run<T>(send: (requestId: string) => Promise<T>, outcomeOf: (e: unknown) => 'refused' | 'unknown' = errorOutcome): Promise<T | null> {
    if (this.inFlight) return null;
    this.inFlight = true;
    try {
      const value = await send(this.id);
      this.renew();
      return value;
    } catch (e) {
      if (outcomeOf(e) === 'refused') this.renew();
      throw e;
    } finally {
      this.inFlight = false;
    }
  }

  /** A new submission (the form was cleared or a new intake started). */
  renew(): void {
    this.id = this.newId();
  }
}

/**
 * What an error says about the office's state. Only a missing answer (NETWORK) is "unknown"; every answer the
 * office gave means the call was rolled back as a whole (each creating call is one transaction), with one
 * exception: the office's own "this id was used with other content" (CONFLICT on requestId) is definite too,
 * and the clerk has been told to check what was done first.
 */
export function errorOutcome(e: unknown): 'refused' | 'unknown' {
  const code = (e as { code?: string } | null)?.code;
  return code === 'NETWORK' ? 'unknown' : 'refused';
}

/**
 * A version 4 UUID from getRandomValues: crypto.randomUUID exists only in secure contexts, and a terminal may
 * open the office over plain HTTP on the LAN.
 */
export function randomUuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
