import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Popconfirm, Row, Segmented, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../shared/api/queue-contract';
import { formatDuration, TICKET_STATE_LABELS, type TicketState } from '../../../shared/queue/queue-labels';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { hhmm, secondsSince, useNow, useQueueData } from './queue-hooks';
import { PrintTag, PriorityTag, StateTag } from './ui-bits';
import { QueueStatsView } from './QueueStatsView';
import { IssueModal } from './IssueModal';

type Filter = 'all' | TicketState | 'print';

/** Hàng đợi: today's tickets (reprint, cancel, issue) and, for supervisors, statistics. */
export function QueueOverview() {
  const { t } = useTranslation('queue');
  const { hasRole } = useSession();
  return (
    <>
      <Typography.Title level={3}>{t('overview.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'today', label: t('overview.today'), children: <Today /> },
          ...(hasRole('supervisor', 'admin') ? [{ key: 'stats', label: <span data-testid="queue-tab-stats">{t('overview.stats')}</span>, children: <QueueStatsView /> }] : []),
        ]}
      />
    </>
  );
}

function Today() {
  const { t } = useTranslation('queue');
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const [issueOpen, setIssueOpen] = useState(false);
  const now = useNow(5000);
  const { data, reload } = useQueueData(async () => ({ tickets: await api.must('queue.list', {}), config: await api.must('queue.config', {}) }), []);
  const tickets = useMemo(() => data?.tickets ?? [], [data]);
  const count = (s: TicketState) => tickets.filter((x) => x.state === s).length;
  const printProblems = tickets.filter((x) => (x.printStatus === 'failed' || x.printStatus === 'pending') && ['waiting', 'called', 'serving'].includes(x.state));
  const shown = filter === 'all' ? tickets : filter === 'print' ? printProblems : tickets.filter((x) => x.state === filter);

  const reprint = async (ticket: TicketView) => {
    const r = await api.call('queue.reprint', { ticketId: ticket.id });
    if (r.ok) message.success(t('overview.reprinted'));
    else message.error(r.error.message, 8);
    reload();
  };
  const cancel = async (ticket: TicketView) => {
    const r = await api.call('queue.cancel', { ticketId: ticket.id });
    if (!r.ok) message.error(r.error.message);
    reload();
  };

  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(['waiting', 'called', 'serving', 'done', 'no_show'] as const).map((s) => (
          <Col key={s} xs={12} md={4}>
            <Card size="small">
              <Statistic title={TICKET_STATE_LABELS[s]} value={count(s)} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="In lỗi" value={printProblems.length} styles={{ content: { color: printProblems.length ? '#cf1322' : undefined } }} />
          </Card>
        </Col>
      </Row>
      {printProblems.length > 0 && (
        <Alert type="error" showIcon title={t('overview.printFailed', { n: printProblems.length })} style={{ marginBottom: 12 }} data-testid="queue-print-problems" action={<Button size="small" onClick={() => setFilter('print')}>Xem</Button>} />
      )}
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('overview.all') },
            ...(['waiting', 'called', 'serving', 'done', 'no_show', 'transferred', 'cancelled'] as const).map((s) => ({ value: s, label: TICKET_STATE_LABELS[s] })),
            { value: 'print', label: 'In lỗi' },
          ]}
        />
        <Space>
          <Typography.Text type="secondary">{t('overview.screens')}:</Typography.Text>
          <a href="#/bang-hien-thi" target="_blank" rel="noreferrer">{t('overview.board')}</a>
          <a href="#/kiosk" target="_blank" rel="noreferrer">{t('overview.kiosk')}</a>
          <a href="#/danh-gia" target="_blank" rel="noreferrer">{t('overview.rating')}</a>
          <Button type="primary" onClick={() => setIssueOpen(true)} data-testid="queue-issue">
            {t('console.issue')}
          </Button>
        </Space>
      </Space>
      <Table<TicketView>
        size="small"
        rowKey="id"
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="queue-list"
        columns={[
          { title: t('cols.code'), render: (_, r) => <b style={{ fontSize: 15 }}>{r.code}</b>, width: 80 },
          { title: t('cols.group'), dataIndex: 'groupName', ellipsis: true },
          { title: t('cols.priority'), render: (_, r) => <PriorityTag ticket={r} />, width: 240 },
          { title: t('cols.state'), render: (_, r) => <StateTag state={r.state} />, width: 120 },
          { title: t('cols.issuedAt'), render: (_, r) => hhmm(r.queuedAt), width: 70 },
          { title: t('cols.wait'), render: (_, r) => formatDuration(r.calledAt ? (Date.parse(r.calledAt) - Date.parse(r.queuedAt)) / 1000 : r.state === 'waiting' ? secondsSince(r.queuedAt, now) : null), width: 80 },
          { title: t('cols.counter'), dataIndex: 'counterNumber', width: 60 },
          { title: t('cols.clerk'), dataIndex: 'clerkName', ellipsis: true },
          { title: t('cols.dossier'), dataIndex: 'dossierCode', ellipsis: true },
          { title: t('cols.print'), render: (_, r) => <PrintTag ticket={r} />, width: 90 },
          {
            title: '',
            width: 170,
            render: (_, r) => (
              <Space>
                {['waiting', 'called', 'serving'].includes(r.state) && (
                  <Button size="small" danger={r.printStatus === 'failed'} onClick={() => void reprint(r)} data-testid={`queue-reprint-${r.code}`}>
                    {t('overview.reprint')}
                  </Button>
                )}
                {r.state === 'waiting' && hasRole('supervisor', 'admin') && (
                  <Popconfirm title={t('overview.cancelConfirm', { code: r.code })} onConfirm={() => void cancel(r)}>
                    <Button size="small">{t('overview.cancel')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {data && <IssueModal open={issueOpen} config={data.config} onClose={() => setIssueOpen(false)} onIssued={reload} />}
    </>
  );
}
