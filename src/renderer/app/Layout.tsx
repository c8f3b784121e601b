import { useEffect } from 'react';
import { Layout as AntLayout, Menu, Button, Typography, Space, Result } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from './session';
import { sections } from './sections';
import { IdleLock } from '../components/IdleLock';

export function MainLayout() {
  const { t } = useTranslation();
  const { user, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const visible = sections.filter((s) => user && s.roles.includes(user.role));

  // Keyboard-first: Alt+1..8 jumps to a section.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const s = visible.find((x) => x.hotkey === e.key);
      if (s) {
        e.preventDefault();
        navigate(`/${s.path}`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visible, navigate]);

  const current = location.pathname.split('/')[1] ?? '';
  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <IdleLock />
      <AntLayout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={64}>
        <div style={{ padding: 16, fontWeight: 700, fontSize: 16 }}>{t('system:appName')}</div>
        <Menu
          mode="inline"
          selectedKeys={[current]}
          items={visible.map((s) => ({
            key: s.path,
            label: (
              <Link to={`/${s.path}`} data-testid={`nav-${s.path}`}>
                {t(s.label)} <Typography.Text type="secondary" style={{ fontSize: 11 }}>Alt+{s.hotkey}</Typography.Text>
              </Link>
            ),
          }))}
        />
      </AntLayout.Sider>
      <AntLayout>
        <AntLayout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', paddingInline: 16 }}>
          <Space>
            <Typography.Text data-testid="current-user">
              {user?.fullName} ({user ? t(`system:roles.${user.role}`) : ''})
            </Typography.Text>
            <Button onClick={() => void logout()} data-testid="logout">
              {t('system:login.logout')}
            </Button>
          </Space>
        </AntLayout.Header>
        <AntLayout.Content style={{ padding: 16 }}>
          <Outlet />
        </AntLayout.Content>
      </AntLayout>
    </AntLayout>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title="403" subTitle={t('system:common.forbidden')} data-testid="forbidden" />;
}
