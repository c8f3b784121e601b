import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SystemStatus } from '../../../shared/api/system-contract';
import { api } from '../../api/client';
import { useSession } from '../../app/session';

export function LoginPage({ status }: { status: SystemStatus }) {
  const { t } = useTranslation();
  const { setSession } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    const r = await api.call('auth.login', v);
    setBusy(false);
    if (r.ok) setSession(r.value.token, r.value.user);
    else setError(r.error.message);
  };

  return (
    <div style={{ maxWidth: 420, margin: '10vh auto' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('system:login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" data-testid="login-agency">
          {status.agencyName} — {status.receivingPointName}
        </Typography.Paragraph>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={submit}>
          <Form.Item name="username" label={t('system:login.username')} rules={[{ required: true, message: 'Nhập tên đăng nhập' }]}>
            <Input autoFocus autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('system:login.password')} rules={[{ required: true, message: 'Nhập mật khẩu' }]}>
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="login-submit">
            {t('system:login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
