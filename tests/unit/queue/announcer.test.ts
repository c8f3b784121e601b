import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Announcer } from '../../../src/renderer/features/queue/announcer';
import { announcementClips } from '../../../src/shared/queue/announcement';

/**
 * A stand-in for the Web Audio API on a virtual clock: each clip "plays" for its duration from
 * the time it was scheduled, and ends (onended) as soon as the test's microtasks run.
 */
interface Played {
  clip: string;
  from: number;
  to: number;
}
let played: Played[];
let fetched: string[];
let state: 'running' | 'suspended';

class FakeBufferSource {
  buffer: { duration: number; clip: string } | null = null;
  onended: (() => void) | null = null;
  constructor(private readonly ctx: FakeAudioContext) {}
  connect(): void {}
  start(at: number): void {
    const b = this.buffer!;
    played.push({ clip: b.clip, from: at, to: at + b.duration });
    queueMicrotask(() => {
      this.ctx.now = Math.max(this.ctx.now, at + b.duration);
      this.onended?.();
    });
  }
}
class FakeAudioContext {
  now = 0;
  destination = {};
  get currentTime(): number {
    return this.now;
  }
  get state(): string {
    return state;
  }
  resume(): Promise<void> {
    return Promise.resolve();
  }
  createBufferSource(): FakeBufferSource {
    return new FakeBufferSource(this);
  }
  decodeAudioData(b: ArrayBuffer & { clip?: string }): Promise<{ duration: number; clip: string }> {
    return Promise.resolve({ duration: b.clip === 'chime' ? 1.6 : 0.5, clip: b.clip ?? '?' });
  }
}

beforeEach(() => {
  played = [];
  fetched = [];
  state = 'running';
  vi.stubGlobal('window', { AudioContext: FakeAudioContext, location: { href: 'http://office/' } });
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    const clip = url.split('/').pop()!.replace('.wav', '');
    return { ok: true, status: 200, arrayBuffer: async () => Object.assign(new ArrayBuffer(4), { clip }) };
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('Announcer', () => {
  it('plays the chime and the clips of a call, from the office server', async () => {
    const a = new Announcer('clips', 1, 'http://office/sounds/');
    await a.announce('A015', 3);
    expect(played.map((p) => p.clip)).toEqual(announcementClips('A015', 3));
    expect(fetched).toContain('http://office/sounds/moi-cong-dan-co-so-thu-tu.wav');
    expect(fetched).toContain('http://office/sounds/muoi.wav');
  });

  it('queues calls that arrive together: announcements never overlap, in arrival order', async () => {
    const a = new Announcer('clips', 1, 'http://office/sounds/');
    const states: (string | null)[] = [];
    a.onState((s) => states.push(s.current));
    await Promise.all([a.announce('A001', 1), a.announce('B002', 2), a.announce('C003', 3)]);
    for (let i = 1; i < played.length; i++) expect(played[i].from).toBeGreaterThanOrEqual(played[i - 1].to);
    const chimes = played.filter((p) => p.clip === 'chime');
    expect(chimes).toHaveLength(3);
    expect(states.filter((s) => s !== null)).toEqual([
      'Mời công dân có số thứ tự A001 đến quầy số 1',
      'Mời công dân có số thứ tự B002 đến quầy số 2',
      'Mời công dân có số thứ tự C003 đến quầy số 3',
    ]);
  });

  it('repeats the reading as configured, with the chime only once', async () => {
    const a = new Announcer('clips', 1, 'http://office/sounds/');
    a.configure('clips', 2);
    await a.announce('A015', 3);
    const clips = announcementClips('A015', 3);
    expect(played.map((p) => p.clip)).toEqual([...clips, ...clips.slice(1)]);
  });

  it('stays silent and says so when the browser blocks audio, and the queue keeps moving', async () => {
    state = 'suspended';
    const a = new Announcer('clips', 1, 'http://office/sounds/');
    let last = { blocked: false, done: 0, lastMode: null as string | null };
    a.onState((s) => (last = s));
    await a.announce('A001', 1);
    await a.announce('A002', 1);
    expect(played).toEqual([]);
    expect(last).toMatchObject({ blocked: true, done: 2, lastMode: 'silent' });
  });

  it('falls back to the chime when a clip cannot be loaded and no Vietnamese voice exists', async () => {
    const a = new Announcer('clips', 1, 'http://office/sounds/');
    let mode: string | null = null;
    a.onState((s) => (mode = s.lastMode));
    // One clip of the phrase is missing on the server (HTTP 404).
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      const clip = url.split('/').pop()!.replace('.wav', '');
      return { ok: clip !== 'den-quay-so', status: 404, arrayBuffer: async () => Object.assign(new ArrayBuffer(4), { clip }) };
    });
    await a.announce('A001', 1);
    expect(mode).toBe('chime');
    expect(played.map((p) => p.clip)).toEqual(['chime']);
  });
});
