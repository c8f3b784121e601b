import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Modal, Progress, Space, Table, Tabs, Tag, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CloseDayResult, ParkedItemView, SyncProgressView, SyncRunView, SyncStatusView } from '../../../shared/api/sync-contract';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { SyncConfigForm } from './SyncConfigForm';
import { CloseDayResultCard } from './CloseDayResultCard';
import { formatViInstant as formatInstant } from '../../components/vn-date';

const OUTCOME_COLORS: Record<string, string> = { ok: 'green', offline: 'orange', config: 'red', failed: 'red', stopped: 'default', running: 'blue' };

/** Đồng bộ: the link with the provincial system at a glance, what it refused, its log, its settings, and the day's close. */
export function SyncPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useSession();
  const isSupervisor = hasRole('supervisor', 'admin');
  const isAdmin = hasRole('admin');
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [progress, setProgress] = useState<SyncProgressView | null>(null);
  const [parked, setParked] = useState<ParkedItemView[]>([]);
  const [runs, setRuns] = useState<SyncRunView[]>([]);
  const [selected, setSelected] = useState<number[]>([]);
  const [closing, setClosing] = useState(false);
  const [closed, setClosed] = useState<CloseDayResult | null>(null);
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reload = useCallback(async () => {
    const [s, p, l] = await Promise.all([api.call('sync.status', {}), api.call('sync.parked', {}), api.call('sync.log', { limit: 30 })]);
    if (s.ok) {
      setStatus(s.value);
      setProgress(s.value.progress);
    }
    if (p.ok) setParked(p.value);
    if (l.ok) setRuns(l.value);
  }, []);

  useEffect(() => {
    void reload();
    const later = () => {
      if (reloadTimer.current) clearTimeout(reloadTimer.current);
      reloadTimer.current = setTimeout(() => void reload(), 400);
    };
    const off = api.subscribe((e) => {
      if (e.type === 'sync.progress') setProgress(e.payload);
      else if (e.type === 'sync.finished') {
        setProgress(null);
        void reload();
      } else if (e.type === 'dossier.changed') later();
    });
    return () => {
      off();
      if (reloadTimer.current) clearTimeout(reloadTimer.current);
    };
  }, [reload]);

  const runNow = useCallback(async () => {
    const r = await api.call('sync.runNow', {});
    if (!r.ok) return void message.error(r.error.message);
    message.info(r.value.started ? t('sync:started') : t('sync:alreadyRunning'));
    setProgress((p) => p ?? { phase: 'start', done: 0, total: 0 });
  }, [message, t]);

  // Keyboard-first: F9 syncs now from anywhere on this screen.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F9') {
        e.preventDefault();
        void runNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runNow]);

  const resend = async () => {
    const r = await api.call('sync.resend', { ids: selected });
    if (!r.ok) return void message.error(r.error.message);
    message.success(t('sync:parked.resent', { n: r.value.resent }));
    setSelected([]);
    await reload();
    void runNow();
  };

  const closeDay = () =>
    Modal.confirm({
      title: t('sync:closeDay.confirmTitle'),
      content: t('sync:closeDay.confirm'),
      okText: t('sync:closeDay.ok'),
      cancelText: t('sync:closeDay.cancel'),
      okButtonProps: { 'data-testid': 'close-day-confirm' } as ButtonProps,
      onOk: async () => {
        setClosing(true);
        try {
          setClosed(await api.must('sync.closeDay', {}));
          await reload();
        } catch (e) {
          message.error(e instanceof Error ? e.message : String(e));
        } finally {
          setClosing(false);
        }
      },
    });

  const running = progress !== null;
  const online = status?.online;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('sync:title')}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }} data-testid="sync-status">
        {status && !status.configured && <Alert type="info" style={{ marginBottom: 12 }} title={isAdmin ? t('sync:notConfigured') : t('sync:notConfiguredClerk')} />}
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag color={online === true ? 'green' : online === false ? 'red' : 'default'} data-testid="sync-online">
            {online === true ? t('sync:online.yes') : online === false ? t('sync:online.no') : t('sync:online.unknown')}
          </Tag>
          {status && <Tag data-testid="sync-state">{running ? t('sync:state.running') : t(`sync:state.${status.state}`)}</Tag>}
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('sync:fields.lastSuccess')}>
            <span data-testid="sync-last-success">{status?.lastSuccessAt ? formatInstant(status.lastSuccessAt) : t('sync:fields.never')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('sync:fields.pending')}>
            <span data-testid="sync-pending">{status?.pending ?? 0}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('sync:fields.parked')}>
            <span data-testid="sync-parked-count">{status?.parked ?? 0}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('sync:fields.nextRun')}>{status?.nextRunAt ? formatInstant(status.nextRunAt) : t('sync:fields.none')}</Descriptions.Item>
        </Descriptions>
        {status?.lastError && !running && (
          <Alert
            style={{ marginTop: 12 }}
            type={status.lastErrorKind === 'offline' ? 'warning' : 'error'}
            title={status.lastError}
            description={status.lastErrorKind === 'offline' ? t('sync:offlineHint') : undefined}
            data-testid="sync-last-error"
          />
        )}
        {running && (
          <div style={{ marginTop: 12 }} data-testid="sync-progress">
            <Typography.Text>{progress.message}</Typography.Text>
            <Progress percent={percent} status="active" format={() => (progress.total > 0 ? t('sync:progress', { done: progress.done, total: progress.total }) : '')} />
          </div>
        )}
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" onClick={() => void runNow()} disabled={!status?.configured} data-testid="sync-run-now">
            {t('sync:runNow')}
          </Button>
          {isSupervisor && (
            <Button onClick={closeDay} loading={closing} data-testid="sync-close-day">
              {closing ? t('sync:closeDay.running') : t('sync:closeDay.button')}
            </Button>
          )}
        </Space>
      </Card>

      {closed && <CloseDayResultCard result={closed} />}

      <Tabs
        items={[
          {
            key: 'parked',
            label: <span data-testid="sync-tab-parked">{t('sync:tabs.parked', { n: parked.length })}</span>,
            children: (
              <>
                <Typography.Paragraph type="secondary">{parked.length ? t('sync:parked.intro') : t('sync:parked.empty')}</Typography.Paragraph>
                {parked.length > 0 && (
                  <>
                    <Table<ParkedItemView>
                      size="small"
                      rowKey="id"
                      dataSource={parked}
                      pagination={false}
                      data-testid="sync-parked-table"
                      rowSelection={isSupervisor ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
                      columns={[
                        { title: t('sync:parked.code'), dataIndex: 'dossierCode', width: 230 },
                        { title: t('sync:parked.item'), dataIndex: 'label', width: 220 },
                        { title: t('sync:parked.reason'), dataIndex: 'message' },
                        { title: t('sync:parked.attempts'), dataIndex: 'attempts', width: 100 },
                        { title: t('sync:parked.at'), dataIndex: 'parkedAt', width: 150, render: (s: string | null) => formatInstant(s) },
                      ]}
                    />
                    <Space style={{ marginTop: 8 }}>
                      {isSupervisor ? (
                        <Button disabled={!selected.length} onClick={() => void resend()} data-testid="sync-resend">
                          {t('sync:parked.resend')}
                        </Button>
                      ) : (
                        <Typography.Text type="secondary">{t('sync:parked.supervisorOnly')}</Typography.Text>
                      )}
                    </Space>
                  </>
                )}
              </>
            ),
          },
          {
            key: 'log',
            label: <span data-testid="sync-tab-log">{t('sync:tabs.log')}</span>,
            children: (
              <Table<SyncRunView>
                size="small"
                rowKey="id"
                dataSource={runs}
                pagination={false}
                data-testid="sync-log-table"
                columns={[
                  { title: t('sync:log.startedAt'), dataIndex: 'startedAt', width: 150, render: (s: string) => formatInstant(s) },
                  { title: t('sync:log.reason'), dataIndex: 'reason', width: 130, render: (r: string) => t(`sync:log.reasons.${r}`) },
                  {
                    title: t('sync:log.outcome'),
                    dataIndex: 'outcome',
                    width: 150,
                    render: (o: string | null) => <Tag color={OUTCOME_COLORS[o ?? 'running']}>{t(`sync:log.outcomes.${o ?? 'running'}`)}</Tag>,
                  },
                  { title: t('sync:log.pushed'), dataIndex: 'pushed', width: 90 },
                  { title: t('sync:log.pulled'), dataIndex: 'pulled', width: 90 },
                  { title: t('sync:log.parked'), dataIndex: 'parked', width: 100 },
                  { title: t('sync:log.pending'), dataIndex: 'pending', width: 90 },
                  { title: t('sync:log.error'), dataIndex: 'error' },
                ]}
              />
            ),
          },
          ...(isAdmin
            ? [
                {
                  key: 'config',
                  label: <span data-testid="sync-tab-config">{t('sync:tabs.config')}</span>,
                  children: <SyncConfigForm config={status?.config ?? null} onSaved={(s) => setStatus(s)} />,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
