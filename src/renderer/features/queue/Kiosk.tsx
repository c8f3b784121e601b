import { useCallback, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssueResult, ServiceGroupView } from '../../../shared/api/queue-contract';
import { PRIORITY_CATEGORIES, PRIORITY_LABELS, type PriorityCategory } from '../../../shared/queue/queue-labels';
import { api } from '../../api/client';
import { Submission } from '../dossiers/submission';
import { useNow, useQueueData, vnClock } from './queue-hooks';

/** Back to the first screen after this long without a touch. */
export const KIOSK_IDLE_MS = 30_000;

const C = { brand: '#0b5cad', brandDark: '#083f78', bg: '#eef3f9', card: '#ffffff', text: '#12263f', dim: '#5b6b80', priority: '#d46b08' };
const bigButton: CSSProperties = {
  border: 'none',
  borderRadius: 18,
  background: C.card,
  color: C.text,
  boxShadow: '0 4px 14px rgba(11, 92, 173, 0.15)',
  cursor: 'pointer',
  textAlign: 'left',
  fontFamily: 'inherit',
  touchAction: 'manipulation',
};

type Step = { kind: 'groups' } | { kind: 'priority'; group: ServiceGroupView } | { kind: 'issuing'; group: ServiceGroupView } | { kind: 'result'; result: IssueResult } | { kind: 'error'; message: string };

/**
 * #/kiosk: a touch screen where citizens take a number. Service → priority or not → the number,
 * printed on the ticket printer. Any step returns to the start after 30 s without a touch.
 */
export function Kiosk() {
  const { t } = useTranslation('queue');
  const [step, setStep] = useState<Step>({ kind: 'groups' });
  // One press = one ticket: a retry after a lost answer (or a double tap) gets the same ticket back.
  const pressing = useRef(new Submission());
  const [activity, setActivity] = useState(0);
  const { data } = useQueueData(async () => {
    const [config, board] = await Promise.all([api.must('queue.config', {}), api.must('queue.board', {})]);
    return { config, waiting: new Map(board.waiting.map((w) => [w.groupId, w.waiting])) };
  }, []);
  const clock = vnClock(useNow(1000));
  const reset = useCallback(() => setStep({ kind: 'groups' }), []);

  useEffect(() => {
    const bump = () => setActivity((a) => a + 1);
    window.addEventListener('pointerdown', bump);
    window.addEventListener('keydown', bump);
    return () => {
      window.removeEventListener('pointerdown', bump);
      window.removeEventListener('keydown', bump);
    };
  }, []);
  useEffect(() => {
    if (step.kind === 'groups' || step.kind === 'issuing') return;
    const id = setTimeout(reset, KIOSK_IDLE_MS);
    return () => clearTimeout(id);
  }, [step, activity, reset]);

  const issue = async (group: ServiceGroupView, priority: PriorityCategory | null) => {
    setStep({ kind: 'issuing', group });
    try {
      const r = await pressing.current.run(async (requestId) => {
        const res = await api.call('queue.issue', { groupId: group.id, priority, source: 'kiosk', requestId });
        if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code });
        return res.value;
      });
      if (r) setStep({ kind: 'result', result: r });
    } catch (e) {
      setStep({ kind: 'error', message: (e as Error).message });
    }
  };

  const groups = data?.config.groups.filter((g) => g.active) ?? [];
  return (
    <div style={{ position: 'fixed', inset: 0, background: C.bg, color: C.text, display: 'flex', flexDirection: 'column', fontFamily: 'Arial, "Helvetica Neue", sans-serif', userSelect: 'none' }} data-testid="kiosk" data-step={step.kind}>
      <header style={{ background: `linear-gradient(90deg, ${C.brandDark}, ${C.brand})`, color: '#fff', padding: '20px 40px', display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <div>
          <div style={{ fontSize: 20, opacity: 0.85 }}>{t('kiosk.welcome')}</div>
          <div style={{ fontSize: 32, fontWeight: 700, textTransform: 'uppercase' }}>{data?.config.agencyName}</div>
        </div>
        <div style={{ textAlign: 'right' }}>
          <div style={{ fontSize: 40, fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>{clock.time.slice(0, 5)}</div>
          <div style={{ fontSize: 18, opacity: 0.85 }}>{clock.date}</div>
        </div>
      </header>
      <main style={{ flex: 1, padding: '24px 48px', overflow: 'auto' }}>
        {step.kind === 'groups' && (
          <>
            <Title>{t('kiosk.chooseService')}</Title>
            {data && groups.length === 0 && <div style={{ fontSize: 26, color: C.dim, textAlign: 'center', marginTop: 60 }}>{t('kiosk.noGroups')}</div>}
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))', gap: 24 }}>
              {groups.map((g) => (
                <button key={g.id} style={{ ...bigButton, display: 'flex', alignItems: 'center', gap: 24, padding: '28px 30px', minHeight: 150 }} onClick={() => setStep({ kind: 'priority', group: g })} data-testid={`kiosk-group-${g.prefix}`}>
                  <span style={{ flex: 'none', width: 92, height: 92, borderRadius: 46, background: C.brand, color: '#fff', fontSize: 52, fontWeight: 800, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>{g.prefix}</span>
                  <span style={{ flex: 1 }}>
                    <span style={{ display: 'block', fontSize: 32, fontWeight: 700, lineHeight: 1.2 }}>{g.name}</span>
                    <span style={{ display: 'block', fontSize: 22, color: C.dim, marginTop: 8 }}>{t('kiosk.waiting', { n: data?.waiting.get(g.id) ?? 0 })}</span>
                  </span>
                </button>
              ))}
            </div>
          </>
        )}
        {step.kind === 'priority' && (
          <>
            <Title>{t('kiosk.priorityQuestion')}</Title>
            <div style={{ fontSize: 24, color: C.dim, textAlign: 'center', marginTop: -12, marginBottom: 24 }}>
              {step.group.prefix} · {step.group.name}
            </div>
            <div style={{ maxWidth: 1100, margin: '0 auto', display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 20 }}>
              <button
                style={{ ...bigButton, gridColumn: '1 / -1', background: C.brand, color: '#fff', fontSize: 36, fontWeight: 700, padding: '30px', textAlign: 'center' }}
                onClick={() => void issue(step.group, null)}
                data-testid="kiosk-priority-none"
              >
                {t('kiosk.noPriority')}
              </button>
              {PRIORITY_CATEGORIES.map((p) => (
                <button key={p} style={{ ...bigButton, border: `3px solid ${C.priority}`, color: C.priority, fontSize: 28, fontWeight: 700, padding: '26px 28px', textAlign: 'center' }} onClick={() => void issue(step.group, p)} data-testid={`kiosk-priority-${p}`}>
                  {PRIORITY_LABELS[p]}
                </button>
              ))}
              <button style={{ ...bigButton, gridColumn: '1 / -1', background: 'transparent', boxShadow: 'none', color: C.dim, fontSize: 24, textAlign: 'center', padding: 16 }} onClick={reset} data-testid="kiosk-back">
                ← {t('kiosk.back')}
              </button>
            </div>
          </>
        )}
        {step.kind === 'issuing' && <Title>{t('kiosk.issuing')}</Title>}
        {step.kind === 'error' && (
          <Centered>
            <div style={{ fontSize: 30, color: '#a8071a', fontWeight: 700, marginBottom: 32 }} data-testid="kiosk-error">
              {step.message}
            </div>
            <DoneButton onClick={reset} label={t('kiosk.done')} />
          </Centered>
        )}
        {step.kind === 'result' && <Result result={step.result} onDone={reset} />}
      </main>
    </div>
  );
}

function Title({ children }: { children: ReactNode }) {
  return <h1 style={{ fontSize: 40, fontWeight: 700, textAlign: 'center', margin: '8px 0 32px', color: C.brandDark }}>{children}</h1>;
}

function Centered({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', minHeight: '100%', textAlign: 'center' }}>{children}</div>;
}

function DoneButton({ onClick, label }: { onClick(): void; label: string }) {
  return (
    <button style={{ ...bigButton, background: C.brand, color: '#fff', fontSize: 32, fontWeight: 700, padding: '20px 80px', textAlign: 'center' }} onClick={onClick} data-testid="kiosk-done">
      {label}
    </button>
  );
}

function Result({ result, onDone }: { result: IssueResult; onDone(): void }) {
  const { t } = useTranslation('queue');
  const printed = result.print.status === 'printed';
  const failed = result.print.status === 'failed' || (result.print.status === 'not_printed' && result.print.message);
  return (
    <Centered>
      <div style={{ background: C.card, borderRadius: 24, boxShadow: '0 8px 30px rgba(11, 92, 173, 0.18)', padding: '26px 64px', minWidth: 640 }} data-testid="kiosk-result" data-ahead={result.waitingAhead} data-estimate={result.estimatedWaitMinutes}>
        <div style={{ fontSize: 28, letterSpacing: 2, color: C.dim, fontWeight: 700 }}>{t('kiosk.yourNumber')}</div>
        <div style={{ fontSize: 160, lineHeight: 1.05, fontWeight: 800, color: C.brand, letterSpacing: 4 }} data-testid="kiosk-number">
          {result.ticket.code}
        </div>
        <div style={{ fontSize: 30, fontWeight: 700 }}>{result.ticket.groupName}</div>
        {result.ticket.priority && <div style={{ fontSize: 24, color: C.priority, fontWeight: 700, marginTop: 6 }}>Ưu tiên: {PRIORITY_LABELS[result.ticket.priority]}</div>}
        <div style={{ fontSize: 24, marginTop: 14 }}>{t('kiosk.ahead', { n: result.waitingAhead })}</div>
        <div style={{ fontSize: 24, color: C.dim }}>{result.estimatedWaitMinutes > 0 ? t('kiosk.estimate', { n: result.estimatedWaitMinutes }) : t('kiosk.estimateNone')}</div>
        {printed && <div style={{ fontSize: 24, marginTop: 18, color: '#237804', fontWeight: 700 }}>{t('kiosk.takeTicket')}</div>}
        {failed && (
          <div style={{ fontSize: 22, marginTop: 18, color: '#ad4e00', background: '#fff7e6', border: '2px solid #ffc069', borderRadius: 12, padding: '12px 18px', maxWidth: 720 }} data-testid="kiosk-print-problem">
            {t('kiosk.printProblem')}
          </div>
        )}
      </div>
      <div style={{ marginTop: 22 }}>
        <DoneButton onClick={onDone} label={t('kiosk.done')} />
      </div>
    </Centered>
  );
}
