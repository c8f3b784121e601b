import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEVICE_KINDS, type DeviceKind, type DeviceView } from '../../../shared/api/devices-contract';
import { api } from '../../api/client';
import { shortTime } from './format';

export function DevicesTabLabel() {
  const { t } = useTranslation();
  return <span data-testid="settings-tab-devices">{t('security:devices.tab')}</span>;
}

/** Settings › Thiết bị: one-time pairing codes, the paired devices with when they were last seen, revocation. */
export function DevicesSettings() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [devices, setDevices] = useState<DeviceView[]>([]);
  const [kind, setKind] = useState<DeviceKind>('board');
  const [code, setCode] = useState<{ code: string; kind: DeviceKind; expiresAt: string } | null>(null);

  const load = useCallback(() => void api.must('devices.list', {}).then(setDevices, (e: Error) => message.error(e.message)), [message]);
  useEffect(load, [load]);

  const createCode = async () => {
    const r = await api.call('devices.createPairingCode', { kind });
    if (r.ok) setCode(r.value);
    else message.error(r.error.message);
  };
  const revoke = (d: DeviceView) =>
    modal.confirm({
      title: t('security:devices.revokeConfirm', { name: d.name }),
      okButtonProps: { danger: true, id: 'device-revoke-ok' },
      onOk: async () => {
        const r = await api.call('devices.revoke', { deviceId: d.id });
        if (r.ok) message.success(t('security:devices.revokedDone'));
        else message.error(r.error.message);
        load();
      },
    });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 1100 }}>
      <Typography.Paragraph>{t('security:devices.intro')}</Typography.Paragraph>
      <Card size="small">
        <Space wrap>
          <span>{t('security:devices.kind')}</span>
          <Select<DeviceKind>
            value={kind}
            onChange={setKind}
            style={{ width: 200 }}
            data-testid="devices-kind"
            options={DEVICE_KINDS.map((k) => ({ value: k, label: t(`security:devices.kinds.${k}`) }))}
          />
          <Button type="primary" onClick={() => void createCode()} data-testid="devices-create-code">
            {t('security:devices.createCode')}
          </Button>
          <Button onClick={load} data-testid="devices-refresh">↻</Button>
        </Space>
        {code && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            title={
              <span>
                {t('security:devices.code')} ({t(`security:devices.kinds.${code.kind}`)}):{' '}
                <Typography.Text strong style={{ fontSize: 28, letterSpacing: 4, fontFamily: 'monospace' }} data-testid="devices-pairing-code">
                  {code.code}
                </Typography.Text>
              </span>
            }
            description={t('security:devices.codeHelp', { at: shortTime(code.expiresAt) })}
          />
        )}
      </Card>
      <Table
        rowKey="id"
        size="small"
        dataSource={devices}
        pagination={false}
        locale={{ emptyText: t('security:devices.none') }}
        onRow={(d) => ({ 'data-testid': `device-row-${d.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('security:devices.name'), dataIndex: 'name' },
          { title: t('security:devices.kind'), dataIndex: 'kind', render: (k: DeviceKind) => t(`security:devices.kinds.${k}`) },
          { title: t('security:devices.pairedAt'), dataIndex: 'pairedAt', render: (v: string) => shortTime(v) },
          { title: t('security:devices.lastSeen'), dataIndex: 'lastSeenAt', render: (v: string | null, d: DeviceView) => <span data-testid={`device-last-seen-${d.id}`}>{shortTime(v)}</span> },
          { title: t('security:devices.address'), dataIndex: 'lastSeenAddress' },
          {
            title: t('security:devices.status'),
            render: (_: unknown, d: DeviceView) => (d.revokedAt ? <Tag color="red">{t('security:devices.revoked')}</Tag> : <Tag color="green">{t('security:devices.active')}</Tag>),
          },
          {
            title: '',
            render: (_: unknown, d: DeviceView) =>
              d.revokedAt ? null : (
                <Button size="small" danger onClick={() => revoke(d)} data-testid={`device-revoke-${d.id}`}>
                  {t('security:devices.revoke')}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}
