import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardView } from '../../../shared/api/queue-contract';
import { announcementText } from '../../../shared/queue/announcement';
import { api } from '../../api/client';
import { Announcer, type AnnouncerState } from './announcer';
import { useQueueData, useNow, vnClock } from './queue-hooks';

const C = {
  bg: '#061a33',
  panel: '#0c2a4d',
  panelEdge: '#16406f',
  text: '#f4f7fb',
  dim: '#8fa8c8',
  called: '#ffd43b',
  serving: '#ffffff',
  accent: '#3fa9ff',
};

const CSS = `
@keyframes motcua-board-flash { 0%,100% { background: ${C.panel}; } 50% { background: #7a5a00; } }
.motcua-board-flash { animation: motcua-board-flash 0.9s ease-in-out 4; }
`;

/**
 * #/bang-hien-thi: the display board on a TV across the room. Big numbers per counter, the last
 * calls, people waiting per group, and the voice announcement of every call (queued, never
 * overlapping). Shows codes and counters only.
 */
export function DisplayBoard() {
  const { t } = useTranslation('queue');
  const announcer = useMemo(() => new Announcer('clips', 2), []);
  const [audio, setAudio] = useState<AnnouncerState>({ current: null, done: 0, blocked: false, lastMode: null });
  const [flash, setFlash] = useState<{ counter: number; key: number } | null>(null);
  const [lastText, setLastText] = useState<string | null>(null);
  const flashKey = useRef(0);
  const { data: board } = useQueueData(
    () => api.must('queue.board', {}),
    [],
    (e) => {
      if (e.type !== 'queue.called') return;
      flashKey.current += 1;
      setFlash({ counter: e.payload.counterNumber, key: flashKey.current });
      setLastText(announcementText(e.payload.ticketNumber, e.payload.counterNumber));
      void announcer.announce(e.payload.ticketNumber, e.payload.counterNumber);
    },
  );
  const now = useNow(1000);
  const clock = vnClock(now);

  useEffect(() => announcer.onState(setAudio), [announcer]);
  useEffect(() => {
    if (board) announcer.configure(board.voice, board.announceRepeat);
  }, [announcer, board]);

  return (
    <div
      style={{ position: 'fixed', inset: 0, background: C.bg, color: C.text, display: 'flex', flexDirection: 'column', fontFamily: 'Arial, "Helvetica Neue", sans-serif', overflow: 'hidden' }}
      data-testid="display-board"
      data-announced={audio.done}
      data-voice-mode={audio.lastMode ?? ''}
    >
      <style>{CSS}</style>
      <header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '1.2vh 2.5vw', background: '#0b3566', borderBottom: `3px solid ${C.accent}` }}>
        <div>
          <div style={{ fontSize: 'clamp(16px, 1.4vw, 28px)', color: C.dim, letterSpacing: 1 }}>HỆ THỐNG XẾP HÀNG TỰ ĐỘNG</div>
          <div style={{ fontSize: 'clamp(22px, 2.3vw, 46px)', fontWeight: 700, textTransform: 'uppercase' }} data-testid="board-agency">
            {board?.agencyName}
          </div>
        </div>
        <div style={{ textAlign: 'right' }}>
          <div style={{ fontSize: 'clamp(28px, 3.2vw, 64px)', fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>{clock.time.slice(0, 5)}</div>
          <div style={{ fontSize: 'clamp(14px, 1.2vw, 24px)', color: C.dim }}>{clock.date}</div>
        </div>
      </header>

      <main style={{ flex: 1, display: 'flex', gap: '1.5vw', padding: '2vh 2vw', minHeight: 0 }}>
        <section style={{ flex: 2.2, display: 'grid', gridTemplateColumns: `repeat(${columns(board?.counters.length ?? 0)}, 1fr)`, gridAutoRows: '1fr', gap: '1.2vw', minHeight: 0 }}>
          {board?.counters.length === 0 && <div style={{ fontSize: '3vw', color: C.dim, alignSelf: 'center', textAlign: 'center', gridColumn: '1 / -1' }}>{t('board.noCounters')}</div>}
          {board?.counters.map((c) => (
            <CounterTile key={c.number} counter={c} flash={flash?.counter === c.number ? flash.key : null} label={t('board.counter')} />
          ))}
        </section>
        <aside style={{ flex: 1, display: 'flex', flexDirection: 'column', gap: '1.5vh', minWidth: 0 }}>
          <Panel title={t('board.lastCalls')} grow>
            <div data-testid="board-last-calls">
              {board?.lastCalls[0] && (
                <div style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', paddingBottom: '1vh', borderBottom: `1px solid ${C.panelEdge}` }}>
                  <span style={{ fontSize: 'clamp(36px, 4vw, 84px)', fontWeight: 800, color: C.called, fontVariantNumeric: 'tabular-nums' }}>{board.lastCalls[0].code}</span>
                  <span style={{ fontSize: 'clamp(20px, 2vw, 42px)', color: C.dim }}>
                    ➜ {t('board.counter')} <b style={{ color: C.text, fontSize: '1.3em' }}>{board.lastCalls[0].counterNumber}</b>
                  </span>
                </div>
              )}
              {/* The earlier calls in two columns, so seven of them fit without scrolling. */}
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: '1.5vw' }}>
                {board?.lastCalls.slice(1).map((l) => (
                  <div key={`${l.code}-${l.at}`} style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', padding: '0.9vh 0', borderBottom: `1px solid ${C.panelEdge}` }}>
                    <span style={{ fontSize: 'clamp(20px, 2vw, 42px)', fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>{l.code}</span>
                    <span style={{ fontSize: 'clamp(16px, 1.5vw, 32px)', color: C.dim }}>
                      ➜ <b style={{ color: C.text }}>{l.counterNumber}</b>
                    </span>
                  </div>
                ))}
              </div>
            </div>
          </Panel>
          <Panel title={t('board.waiting')}>
            {board?.waiting.map((w) => (
              <div key={w.groupId} style={{ display: 'flex', alignItems: 'center', gap: '0.8vw', padding: '0.5vh 0' }} data-testid={`board-waiting-${w.prefix}`}>
                <span style={{ background: C.accent, color: '#002140', fontWeight: 800, borderRadius: 6, padding: '0 0.6vw', fontSize: 'clamp(18px, 1.6vw, 34px)' }}>{w.prefix}</span>
                <span style={{ flex: 1, fontSize: 'clamp(16px, 1.4vw, 30px)', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{w.name}</span>
                <span style={{ fontSize: 'clamp(22px, 2vw, 42px)', fontWeight: 700, fontVariantNumeric: 'tabular-nums' }} data-testid={`board-waiting-${w.prefix}-count`}>
                  {w.waiting}
                </span>
                <span style={{ fontSize: 'clamp(12px, 1vw, 20px)', color: C.dim }}>{t('board.people')}</span>
              </div>
            ))}
          </Panel>
        </aside>
      </main>

      <footer style={{ padding: '1.4vh 2.5vw', background: '#0b3566', borderTop: `3px solid ${C.accent}`, minHeight: '7vh', display: 'flex', alignItems: 'center' }}>
        <div style={{ fontSize: 'clamp(20px, 2.1vw, 44px)', fontWeight: 700, color: audio.current ? C.called : C.text, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} data-testid="board-announcement">
          {audio.current ?? lastText ?? board?.agencyName ?? ''}
        </div>
      </footer>

      {audio.blocked && (
        <button
          onClick={() => void announcer.unlock()}
          style={{ position: 'absolute', right: 24, bottom: '10vh', padding: '14px 22px', fontSize: 20, borderRadius: 10, border: 'none', background: C.called, color: '#222', cursor: 'pointer', fontWeight: 700 }}
          data-testid="board-enable-sound"
        >
          🔊 {t('board.enableSound')}
        </button>
      )}
    </div>
  );
}

function columns(n: number): number {
  if (n <= 1) return 1;
  if (n <= 4) return 2;
  if (n <= 9) return 3;
  return 4;
}

function Panel({ title, children, grow }: { title: string; children: React.ReactNode; grow?: boolean }) {
  return (
    <div style={{ background: C.panel, border: `1px solid ${C.panelEdge}`, borderRadius: 12, padding: '1.2vh 1.2vw', flex: grow ? 1 : 'none', minHeight: 0, overflow: 'hidden' }}>
      <div style={{ fontSize: 'clamp(16px, 1.4vw, 30px)', fontWeight: 700, color: C.accent, letterSpacing: 2, marginBottom: '0.8vh' }}>{title}</div>
      {children}
    </div>
  );
}

function CounterTile({ counter, flash, label }: { counter: BoardView['counters'][number]; flash: number | null; label: string }) {
  const color = counter.state === 'called' ? C.called : counter.state === 'serving' ? C.serving : C.dim;
  return (
    <div
      key={flash ?? 'steady'}
      className={flash !== null ? 'motcua-board-flash' : undefined}
      style={{ background: C.panel, border: `2px solid ${counter.state === 'called' ? C.called : C.panelEdge}`, borderRadius: 14, display: 'flex', flexDirection: 'column', overflow: 'hidden', minHeight: 0 }}
      data-testid={`board-counter-${counter.number}`}
    >
      <div style={{ display: 'flex', alignItems: 'baseline', gap: '0.8vw', padding: '0.8vh 1.2vw', background: C.panelEdge }}>
        <span style={{ fontSize: 'clamp(18px, 1.7vw, 36px)', fontWeight: 700 }}>
          {label} {counter.number}
        </span>
        <span style={{ fontSize: 'clamp(14px, 1.2vw, 26px)', color: C.dim, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{counter.name}</span>
      </div>
      <div style={{ flex: 1, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', padding: '0.5vh 0.5vw' }}>
        <div
          style={{ fontSize: counter.code ? 'clamp(56px, 7.5vw, 170px)' : 'clamp(28px, 3vw, 64px)', lineHeight: 1, fontWeight: 800, letterSpacing: 3, color, fontVariantNumeric: 'tabular-nums' }}
          data-testid={`board-counter-${counter.number}-code`}
        >
          {counter.code ?? '—'}
        </div>
        {counter.groupName && <div style={{ fontSize: 'clamp(14px, 1.3vw, 28px)', color: C.dim, marginTop: '0.6vh' }}>{counter.groupName}</div>}
      </div>
    </div>
  );
}
