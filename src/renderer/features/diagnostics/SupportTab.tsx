import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SupportBundleResult } from '../../../shared/api/diagnostics-contract';
import type { UpdateStatus } from '../../../shared/diagnostics/updates';
import { api } from '../../api/client';
import { applyServerErrors } from '../../components/form-errors';
import { desktopBridge } from './desktop-bridge';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The tab's title, translated when the language changes (tab labels are declared at module level). */
export function SupportTabLabel() {
  const { t } = useTranslation();
  return <span data-testid="settings-tab-support">{t('diagnostics:tab')}</span>;
}

/** Cài đặt → Hỗ trợ kỹ thuật: the support bundle and the software updates of this PC. */
export function SupportTab() {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 760 }}>
      <SupportBundleCard />
      <UpdatesCard />
    </Space>
  );
}

function SupportBundleCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [bundle, setBundle] = useState<SupportBundleResult | null>(null);
  const create = async () => {
    setBusy(true);
    try {
      setBundle(await api.must('diagnostics.supportBundle', {}));
      message.success(t('diagnostics:bundle.created'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('diagnostics:bundle.title')}>
      <Typography.Paragraph>{t('diagnostics:bundle.intro')}</Typography.Paragraph>
      <Button type="primary" loading={busy} onClick={() => void create()} data-testid="support-bundle-create">
        {t('diagnostics:bundle.create')}
      </Button>
      {bundle && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          title={t('diagnostics:bundle.created')}
          data-testid="support-bundle-result"
          description={
            <>
              <div>{t('diagnostics:bundle.where')}</div>
              <Typography.Text code copyable data-testid="support-bundle-path">
                {bundle.path}
              </Typography.Text>
              <div>{t('diagnostics:bundle.size', { size: formatSize(bundle.size) })}</div>
            </>
          }
        />
      )}
    </Card>
  );
}

function statusText(t: (k: string, o?: Record<string, unknown>) => string, s: UpdateStatus): string {
  switch (s.state) {
    case 'disabled':
      return t('diagnostics:updates.state.disabled', { reason: s.reason });
    case 'idle':
      return t('diagnostics:updates.state.idle');
    case 'checking':
      return t('diagnostics:updates.state.checking');
    case 'up-to-date':
      return t('diagnostics:updates.state.upToDate', { at: s.checkedAt.slice(11, 16) });
    case 'downloading':
      return t('diagnostics:updates.state.downloading', { v: s.version, p: s.percent });
    case 'waiting':
      return t('diagnostics:updates.state.waiting', { v: s.version, reason: s.reason });
    case 'installing':
      return t('diagnostics:updates.state.installing', { v: s.version });
    case 'error':
      return t('diagnostics:updates.state.error', { message: s.message });
  }
}

function UpdatesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ feedUrl: string }>();
  const [version, setVersion] = useState('');
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [checking, setChecking] = useState(false);
  const bridge = desktopBridge();

  useEffect(() => {
    void api.must('system.status', {}).then((s) => setVersion(s.version));
    void api.must('diagnostics.getUpdateSource', {}).then((s) => form.setFieldsValue({ feedUrl: s.feedUrl ?? '' }));
    if (!bridge) return;
    void bridge.updates.status().then(setStatus);
    return bridge.updates.onStatus(setStatus);
  }, [form, bridge]);

  const save = async (v: { feedUrl: string }) => {
    try {
      const feedUrl = v.feedUrl.trim() === '' ? null : v.feedUrl.trim();
      await api.must('diagnostics.setUpdateSource', { feedUrl });
      message.success(t('diagnostics:updates.saved'));
    } catch (e) {
      message.error(applyServerErrors(form, e));
    }
  };
  const check = async () => {
    if (!bridge) return;
    setChecking(true);
    try {
      setStatus(await bridge.updates.check());
    } finally {
      setChecking(false);
    }
  };

  return (
    <Card title={t('diagnostics:updates.title')}>
      <Typography.Paragraph data-testid="updates-version">{t('diagnostics:updates.version', { v: version })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="feedUrl" label={t('diagnostics:updates.source')} extra={t('diagnostics:updates.sourceHelp')}>
          <Input placeholder="https://capnhat.tinh.gov.vn/motcua-desk/" data-testid="update-source" />
        </Form.Item>
        <Button htmlType="submit" data-testid="update-source-save">
          {t('diagnostics:updates.save')}
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        {bridge ? (
          <Space orientation="vertical">
            <Button onClick={() => void check()} loading={checking} data-testid="updates-check">
              {t('diagnostics:updates.check')}
            </Button>
            {status && (
              <Alert type={status.state === 'error' ? 'error' : 'info'} title={statusText(t, status)} data-testid="updates-status" />
            )}
          </Space>
        ) : (
          <Alert type="info" title={t('diagnostics:updates.browserOnly')} data-testid="updates-browser-only" />
        )}
      </div>
    </Card>
  );
}
