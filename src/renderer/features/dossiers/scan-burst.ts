/**
 * Tells a keyboard-wedge scanner from a person by timing and shape: a scanner types a burst of characters a few
 * milliseconds apart and ends it with Enter; nobody types 20 characters with every gap under 35 ms.
 * Fed with every keydown seen in the capture phase (before any widget), it says per key whether to let the key
 * through or swallow it, and at the ending Enter hands back the scanned text and how many of its first keys had
 * already reached the focused widget (to take them back out). Plain module, no DOM: unit-tested on timings.
 */
export interface BurstOptions {
  /** Longest gap between two keys of one burst. */
  maxGapMs: number;
  /** Keys at scanner speed after which the burst is taken for a scan and swallowed. */
  armAfter: number;
  /** Shortest text accepted as a scan at Enter (a CCCD QR line is far longer). */
  minLength: number;
}

export const SCANNER_TIMING: BurstOptions = { maxGapMs: 35, armAfter: 4, minLength: 20 };

export type KeyVerdict = { kind: 'pass' } | { kind: 'swallow' } | { kind: 'scan'; text: string; leaked: number };

/** Keys that a scanner's Shift presses (capitals) interleave without breaking the burst. */
const MODIFIERS = new Set(['Shift', 'CapsLock', 'AltGraph']);

export class ScanBurst {
  private text = '';
  private last = -Infinity;
  private armed = false;
  private leaked = 0;

  constructor(private readonly opts: BurstOptions = SCANNER_TIMING) {}

  /** One keydown: its `key` value and its time stamp in milliseconds. */
  feed(key: string, at: number): KeyVerdict {
    if (MODIFIERS.has(key)) return this.armed ? { kind: 'swallow' } : { kind: 'pass' };
    const fast = at - this.last <= this.opts.maxGapMs;
    if (key === 'Enter') {
      const done = fast && this.armed && this.text.length >= this.opts.minLength ? { kind: 'scan' as const, text: this.text, leaked: this.leaked } : null;
      const wasArmed = this.armed && fast;
      this.reset();
      // An armed burst that ends too short is still a scanner's: its Enter must not pick an option or submit.
      return done ?? (wasArmed ? { kind: 'scan', text: '', leaked: 0 } : { kind: 'pass' });
    }
    if ([...key].length !== 1) {
      this.reset();
      return { kind: 'pass' };
    }
    if (!fast) this.reset();
    this.text += key;
    this.last = at;
    if (!this.armed && this.text.length >= this.opts.armAfter) this.armed = true;
    if (this.armed) return { kind: 'swallow' };
    this.leaked++;
    return { kind: 'pass' };
  }

  private reset(): void {
    this.text = '';
    this.last = -Infinity;
    this.armed = false;
    this.leaked = 0;
  }
}
