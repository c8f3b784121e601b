import { useEffect, useState } from 'react';
import { ConfigProvider, App as AntApp, Spin } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import type { SystemStatus } from '../../shared/api/system-contract';
import { api } from '../api/client';
import { SessionProvider, useSession } from './session';
import { MainLayout, Forbidden } from './Layout';
import { sections, fullScreenViews } from './sections';
import { SetupPage } from '../features/system/SetupPage';
import { LoginPage } from '../features/system/LoginPage';

function Routed() {
  const { user, loading } = useSession();
  const [status, setStatus] = useState<SystemStatus | null>(null);
  useEffect(() => {
    void api.call('system.status', {}).then((r) => r.ok && setStatus(r.value));
  }, [user]);
  if (!status || loading) return <Spin fullscreen />;
  if (!status.setUp) return <SetupPage onDone={() => void api.call('system.status', {}).then((r) => r.ok && setStatus(r.value))} />;
  if (!user) return <LoginPage status={status} />;
  const first = sections.find((s) => s.roles.includes(user.role));
  return (
    <Routes>
      {fullScreenViews.map((v) => (
        <Route key={v.path} path={`/${v.path}`} element={v.element} />
      ))}
      <Route element={<MainLayout />}>
        {sections.map((s) => (
          <Route key={s.path} path={`/${s.path}/*`} element={s.roles.includes(user.role) ? s.element : <Forbidden />} />
        ))}
        <Route path="*" element={<Navigate to={`/${first?.path ?? 'quay'}`} replace />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <ConfigProvider locale={viVN} theme={{ token: { fontSize: 15, colorPrimary: '#0b5cad' } }}>
      <AntApp>
        <SessionProvider>
          <HashRouter>
            <Routed />
          </HashRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
