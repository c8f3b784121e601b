import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Card, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession } from '../app/session';

const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Locks the screen after the configured idle minutes. The lock is also recorded on the server
 * (auth.lock), so a reload or a copied token cannot get past it: every call but unlock/logout is
 * refused until the user's own password is given (auth.unlock).
 */
export function IdleLock() {
  const { t } = useTranslation();
  const { user, logout } = useSession();
  const [minutes, setMinutes] = useState<number | null>(null);
  const [locked, setLocked] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<number | null>(null);
  const lastReset = useRef(0);

  useEffect(() => {
    void api.call('auth.lockStatus', {}).then((r) => {
      if (!r.ok) return;
      setMinutes(r.value.idleLockMinutes);
      setLocked(r.value.locked);
    });
  }, []);

  const lockNow = useCallback(() => {
    setLocked(true);
    void api.call('auth.lock', {});
  }, []);

  useEffect(() => {
    if (minutes === null || locked) return;
    const arm = () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(lockNow, minutes * 60_000);
    };
    // Re-arming on every mouse move is wasteful; once a second is precise enough for minutes.
    const onActivity = () => {
      const now = Date.now();
      if (now - lastReset.current < 1000) return;
      lastReset.current = now;
      arm();
    };
    arm();
    for (const e of ACTIVITY) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, onActivity);
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
  }, [minutes, locked, lockNow]);

  const unlock = async () => {
    if (!password) return;
    setBusy(true);
    const r = await api.call('auth.unlock', { password });
    setBusy(false);
    setPassword('');
    if (r.ok) {
      setError(null);
      setLocked(false);
    } else {
      setError(r.error.fields?.password ? `${r.error.message}: ${r.error.fields.password}` : r.error.message);
    }
  };

  // A hidden marker once the idle timer runs (tests wait on it instead of guessing).
  if (!locked) return minutes === null ? null : <span hidden data-testid="idle-lock-armed" data-minutes={minutes} />;
  return (
    <div
      role="dialog"
      aria-modal="true"
      data-testid="idle-lock"
      style={{ position: 'fixed', inset: 0, zIndex: 3000, background: '#0b2540', display: 'flex', alignItems: 'center', justifyContent: 'center' }}
    >
      <Card title={t('security:lock.title')} style={{ width: 420 }}>
        <Typography.Paragraph>{t('security:lock.body', { name: user?.fullName ?? '' })}</Typography.Paragraph>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.Password
            autoFocus
            value={password}
            placeholder={t('security:lock.password')}
            onChange={(e) => setPassword(e.target.value)}
            onPressEnter={() => void unlock()}
            data-testid="idle-lock-password"
          />
          {error && (
            <Typography.Text type="danger" data-testid="idle-lock-error">
              {error}
            </Typography.Text>
          )}
          <Space>
            <Button type="primary" loading={busy} onClick={() => void unlock()} data-testid="idle-lock-submit">
              {t('security:lock.unlock')}
            </Button>
            <Button onClick={() => void logout()} data-testid="idle-lock-logout">
              {t('security:lock.logout')}
            </Button>
          </Space>
        </Space>
      </Card>
    </div>
  );
}
