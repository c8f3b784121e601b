import { announcementClips, announcementText, clipFileName, type ClipName } from '../../../shared/queue/announcement';

export type Voice = 'clips' | 'speech' | 'off';

export interface AnnouncerState {
  /** Text being announced now, or null. */
  current: string | null;
  /** Announcements finished since the board opened. */
  done: number;
  /** The browser refuses to play sound until someone clicks (autoplay policy). */
  blocked: boolean;
  /** How the last announcement was voiced. */
  lastMode: 'clips' | 'speech' | 'chime' | 'silent' | null;
}

const GAP_BETWEEN_REPEATS_S = 0.7;
const GAP_BETWEEN_CLIPS_S = 0.04;

/**
 * Plays call announcements one after another, never overlapping: a chime, then the recorded
 * clips ("Mời công dân có số thứ tự" A mười lăm "đến quầy số" ba) fetched from the office server's
 * /sounds/, or the browser's Vietnamese voice. Announcements arriving while one plays wait
 * their turn in a queue.
 */
export class Announcer {
  private ctx: AudioContext | null = null;
  private readonly buffers = new Map<ClipName, Promise<AudioBuffer>>();
  private tail: Promise<void> = Promise.resolve();
  private state: AnnouncerState = { current: null, done: 0, blocked: false, lastMode: null };
  private readonly listeners = new Set<(s: AnnouncerState) => void>();

  constructor(
    private voice: Voice,
    private repeat: number,
    private readonly soundsBase = new URL('sounds/', window.location.href).toString(),
  ) {}

  configure(voice: Voice, repeat: number): void {
    this.voice = voice;
    this.repeat = Math.min(3, Math.max(1, repeat));
  }

  onState(fn: (s: AnnouncerState) => void): () => void {
    this.listeners.add(fn);
    fn(this.state);
    return () => this.listeners.delete(fn);
  }

  /** Resumes audio after a click when the autoplay policy blocked it. */
  async unlock(): Promise<void> {
    const ctx = this.audio();
    if (ctx) await ctx.resume().catch(() => undefined);
    this.set({ blocked: ctx?.state !== 'running' });
  }

  /** Queues one call's announcement; resolves when it has been played (or skipped). */
  announce(ticketNumber: string, counterNumber: number): Promise<void> {
    const text = announcementText(ticketNumber, counterNumber);
    const run = async () => {
      this.set({ current: text });
      let mode: AnnouncerState['lastMode'];
      try {
        mode = await this.play(ticketNumber, counterNumber, text);
      } catch {
        mode = 'silent';
      }
      this.set({ current: null, done: this.state.done + 1, lastMode: mode });
    };
    this.tail = this.tail.then(run, run);
    return this.tail;
  }

  private set(patch: Partial<AnnouncerState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((fn) => fn(this.state));
  }

  private audio(): AudioContext | null {
    if (this.ctx) return this.ctx;
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return null;
    this.ctx = new Ctor();
    return this.ctx;
  }

  private clip(name: ClipName): Promise<AudioBuffer> {
    let p = this.buffers.get(name);
    if (!p) {
      const ctx = this.audio()!;
      p = fetch(new URL(clipFileName(name), this.soundsBase).toString())
        .then((r) => {
          if (!r.ok) throw new Error(`clip ${name}: HTTP ${r.status}`);
          return r.arrayBuffer();
        })
        .then((b) => ctx.decodeAudioData(b));
      // A failed fetch is retried next time rather than cached.
      p.catch(() => this.buffers.delete(name));
      this.buffers.set(name, p);
    }
    return p;
  }

  /** Plays buffers back to back; resolves when the last one ends. */
  private playSequence(buffers: AudioBuffer[]): Promise<void> {
    const ctx = this.ctx!;
    let at = ctx.currentTime + 0.05;
    let last: AudioBufferSourceNode | null = null;
    for (const b of buffers) {
      const src = ctx.createBufferSource();
      src.buffer = b;
      src.connect(ctx.destination);
      src.start(at);
      at += b.duration + GAP_BETWEEN_CLIPS_S;
      last = src;
    }
    if (!last) return Promise.resolve();
    const end = last;
    return new Promise((resolve) => {
      end.onended = () => resolve();
      // Safety net: never let one stuck announcement block the queue.
      setTimeout(resolve, (at - ctx.currentTime + 1) * 1000);
    });
  }

  private pause(seconds: number): Promise<void> {
    return new Promise((r) => setTimeout(r, seconds * 1000));
  }

  private async play(ticketNumber: string, counterNumber: number, text: string): Promise<AnnouncerState['lastMode']> {
    const ctx = this.audio();
    if (ctx && ctx.state !== 'running') await ctx.resume().catch(() => undefined);
    const audible = !!ctx && ctx.state === 'running';
    if (this.state.blocked !== !audible) this.set({ blocked: !audible });
    if (!audible && this.voice !== 'speech') return 'silent';

    if (this.voice === 'clips') {
      try {
        const buffers = await Promise.all(announcementClips(ticketNumber, counterNumber).map((c) => this.clip(c)));
        for (let i = 0; i < this.repeat; i++) {
          if (i > 0) await this.pause(GAP_BETWEEN_REPEATS_S);
          // The chime only before the first reading.
          await this.playSequence(i === 0 ? buffers : buffers.slice(1));
        }
        return 'clips';
      } catch {
        // Clips unavailable (e.g. the app opened from disk): fall through to the browser's voice.
      }
    }
    if (this.voice !== 'off' && (await this.speak(text))) return 'speech';
    if (audible) {
      await this.playSequence([await this.clip('chime')]).catch(() => undefined);
      return 'chime';
    }
    return 'silent';
  }

  private async speak(text: string): Promise<boolean> {
    const synth = window.speechSynthesis;
    if (!synth) return false;
    const voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith('vi'));
    if (!voice) return false;
    if (this.ctx?.state === 'running') await this.playSequence([await this.clip('chime')]).catch(() => undefined);
    for (let i = 0; i < this.repeat; i++) {
      await new Promise<void>((resolve) => {
        const u = new SpeechSynthesisUtterance(text);
        u.voice = voice;
        u.lang = voice.lang;
        u.rate = 0.9;
        u.onend = () => resolve();
        u.onerror = () => resolve();
        synth.speak(u);
      });
      if (i + 1 < this.repeat) await this.pause(GAP_BETWEEN_REPEATS_S);
    }
    return true;
  }
}
