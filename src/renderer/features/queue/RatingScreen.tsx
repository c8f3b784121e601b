import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { RATING_LABELS, RATING_LEVELS, type RatingLevel } from '../../../shared/queue/queue-labels';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { useQueueData } from './queue-hooks';

const THANKS_MS = 6000;
const LEVEL_COLORS: Record<RatingLevel, string> = { 1: '#389e0d', 2: '#1668dc', 3: '#cf1322' };

/** Drawn faces (no emoji font needed on the tablet): smile, slight smile, frown. */
function Face({ level }: { level: RatingLevel }) {
  const mouth = level === 1 ? 'M30 62 Q50 82 70 62' : level === 2 ? 'M32 66 Q50 74 68 66' : 'M32 72 Q50 56 68 72';
  return (
    <svg viewBox="0 0 100 100" width="150" height="150" aria-hidden>
      <circle cx="50" cy="50" r="45" fill="none" stroke="currentColor" strokeWidth="6" />
      <circle cx="35" cy="40" r="6" fill="currentColor" />
      <circle cx="65" cy="40" r="6" fill="currentColor" />
      <path d={mouth} fill="none" stroke="currentColor" strokeWidth="6" strokeLinecap="round" />
    </svg>
  );
}

/**
 * #/danh-gia?quay=N: a tablet facing the citizen at counter N. Three big buttons; the rating is
 * linked to the ticket being (or just) served there and sent to the provincial system.
 */
export function RatingScreen() {
  const { t } = useTranslation('queue');
  const { user } = useSession();
  const [params] = useSearchParams();
  const counterNumber = Number(params.get('quay')) || user?.counterNumber || 1;
  const [thanks, setThanks] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { data: target, reload } = useQueueData(() => api.must('queue.rateTarget', { counterNumber }), [counterNumber]);

  useEffect(() => {
    if (!thanks) return;
    const id = setTimeout(() => setThanks(null), THANKS_MS);
    return () => clearTimeout(id);
  }, [thanks]);

  const rate = async (level: RatingLevel) => {
    const r = await api.call('queue.rate', target?.ticketId && !target.rated ? { ticketId: target.ticketId, level } : { counterNumber, level });
    if (r.ok) {
      setError(null);
      setThanks(RATING_LABELS[level]);
    } else setError(r.error.message);
    reload();
  };

  return (
    <div style={{ position: 'fixed', inset: 0, background: '#f3f6fa', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', fontFamily: 'Arial, "Helvetica Neue", sans-serif', color: '#12263f', userSelect: 'none' }} data-testid="rating-screen">
      {thanks ? (
        <div style={{ textAlign: 'center' }} data-testid="rating-thanks">
          <div style={{ fontSize: 64, fontWeight: 800, color: '#0b5cad' }}>{t('rating.thanks')}</div>
          <div style={{ fontSize: 28, color: '#5b6b80', marginTop: 12 }}>{t('rating.thanksSub')}</div>
        </div>
      ) : (
        <>
          <div style={{ fontSize: 26, color: '#5b6b80' }} data-testid="rating-target">
            {t('rating.subtitle', { n: counterNumber })}
            {target?.code && !target.rated ? ` · ${t('rating.ticket', { code: target.code })}` : ''}
          </div>
          <h1 style={{ fontSize: 44, fontWeight: 800, margin: '10px 0 40px', textAlign: 'center' }}>{t('rating.title')}</h1>
          <div style={{ display: 'flex', gap: 32 }}>
            {RATING_LEVELS.map((level) => (
              <button
                key={level}
                onClick={() => void rate(level)}
                style={{
                  width: 300,
                  height: 300,
                  borderRadius: 28,
                  border: `4px solid ${LEVEL_COLORS[level]}`,
                  background: '#fff',
                  color: LEVEL_COLORS[level],
                  display: 'flex',
                  flexDirection: 'column',
                  alignItems: 'center',
                  justifyContent: 'center',
                  gap: 18,
                  cursor: 'pointer',
                  boxShadow: '0 6px 20px rgba(0,0,0,0.08)',
                  fontFamily: 'inherit',
                  touchAction: 'manipulation',
                }}
                data-testid={`rating-${level}`}
              >
                <Face level={level} />
                <span style={{ fontSize: 32, fontWeight: 800 }}>{RATING_LABELS[level]}</span>
              </button>
            ))}
          </div>
          {error && (
            <div style={{ marginTop: 28, fontSize: 24, color: '#ad4e00' }} data-testid="rating-error">
              {error}
            </div>
          )}
        </>
      )}
    </div>
  );
}
