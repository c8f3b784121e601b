/**
 * Seeded randomness for the data generator: the same seed gives the same database, so a
 * figure can be reproduced and two runs compared. Never Math.random, never the wall clock.
 */

/** 32-bit mix (a murmur3 finaliser): turns (seed, stream, index) into an independent start state. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Small fast generator (sfc32): 2^128 state, plenty for a few hundred million draws. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    this.a = mix32(seed ^ 0x9e3779b9);
    this.b = mix32(stream + 0x7f4a7c15);
    this.c = mix32(this.a ^ this.b ^ 0x632be5ab);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `digits` random decimal digits (leading zeros kept). */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.u32() % 10);
    return s;
  }
}

/** Weighted choice with a precomputed cumulative table (binary search per draw). */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;
  constructor(private readonly items: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [, w] of items) {
      sum += w;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }
  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo][0];
  }
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * A UUID v7 (time-ordered, as the app's uuid v7 ids) whose random bits come from `rng`:
 * 48-bit millisecond timestamp, version 7, 74 random bits, RFC 4122 variant.
 */
export function uuidV7(rng: Rng, ms: number): string {
  const t = hex(ms, 12);
  const r1 = rng.u32();
  const r2 = rng.u32();
  const r3 = rng.u32();
  // 7xxx: version + 12 random bits; then the variant (10xx) + 14 random bits; then 48 random bits.
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(r1 & 0xfff, 3)}-${hex(0x8000 | ((r1 >>> 12) & 0x3fff), 4)}-${hex(r2, 8)}${hex(r3 & 0xffff, 4)}`;
}

/**
 * Splits `total` over `weights` in whole numbers that add up exactly (largest remainder,
 * ties broken by position, so the split is deterministic).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k][1]]++;
  return out;
}
