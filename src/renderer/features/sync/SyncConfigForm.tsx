import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncConfigView, SyncStatusView } from '../../../shared/api/sync-contract';
import { api } from '../../api/client';
import { applyServerErrors } from '../../components/form-errors';

interface Values {
  baseUrl: string;
  username: string;
  password?: string;
  agencyId?: string;
  intervalSec: number;
  timeoutSec: number;
  enabled: boolean;
}

/** Administrator: where the provincial server is and the office's account there. */
export function SyncConfigForm({ config, onSaved }: { config: SyncConfigView | null; onSaved(s: SyncStatusView): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [connection, setConnection] = useState<{ ok: boolean; message: string } | null>(null);

  useEffect(() => {
    form.setFieldsValue(
      config
        ? { baseUrl: config.baseUrl, username: config.username, agencyId: config.agencyId, intervalSec: config.intervalSec, timeoutSec: config.timeoutSec, enabled: config.enabled, password: '' }
        : { intervalSec: 300, timeoutSec: 30, enabled: true },
    );
  }, [config, form]);

  const save = async (v: Values) => {
    setBusy(true);
    setConnection(null);
    try {
      const r = await api.must('sync.configure', {
        baseUrl: v.baseUrl,
        username: v.username,
        password: v.password ? v.password : undefined,
        agencyId: v.agencyId ? v.agencyId : undefined,
        intervalSec: v.intervalSec,
        timeoutSec: v.timeoutSec,
        enabled: v.enabled,
        test: true,
      });
      message.success(t('sync:config.saved'));
      setConnection(r.connection);
      form.setFieldValue('password', '');
      onSaved(r.status);
    } catch (e) {
      message.error(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 560 }} onFinish={(v) => void save(v)} data-testid="sync-config-form">
      <Typography.Paragraph type="secondary">{t('sync:config.intro')}</Typography.Paragraph>
      <Form.Item name="baseUrl" label={t('sync:config.baseUrl')} extra={t('sync:config.baseUrlHelp')} rules={[{ required: true, message: t('sync:config.baseUrl') }]}>
        <Input data-testid="sync-config-baseUrl" autoComplete="off" />
      </Form.Item>
      <Form.Item name="username" label={t('sync:config.username')} rules={[{ required: true, message: t('sync:config.username') }]}>
        <Input data-testid="sync-config-username" autoComplete="off" />
      </Form.Item>
      <Form.Item name="password" label={t('sync:config.password')} extra={config ? t('sync:config.passwordKeep') : undefined} rules={config ? [] : [{ required: true, message: t('sync:config.password') }]}>
        <Input.Password data-testid="sync-config-password" autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="agencyId" label={t('sync:config.agencyId')} extra={t('sync:config.agencyIdHelp')}>
        <Input data-testid="sync-config-agencyId" />
      </Form.Item>
      <Form.Item name="intervalSec" label={t('sync:config.intervalSec')}>
        <InputNumber min={30} max={86_400} style={{ width: 160 }} data-testid="sync-config-interval" />
      </Form.Item>
      <Form.Item name="timeoutSec" label={t('sync:config.timeoutSec')}>
        <InputNumber min={1} max={300} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="enabled" label={t('sync:config.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {config?.secretScheme && <Typography.Paragraph type="secondary">{t(`sync:config.secret.${config.secretScheme}`)}</Typography.Paragraph>}
      {connection && <Alert style={{ marginBottom: 12 }} type={connection.ok ? 'success' : 'error'} title={connection.message} data-testid="sync-config-connection" />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="sync-config-save">
        {t('sync:config.save')}
      </Button>
    </Form>
  );
}
