import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { InputOf, MethodName } from '../../../shared/api/contract';
import type { ConsoleView, QueueConfig, TicketView } from '../../../shared/api/queue-contract';
import { formatDuration, TICKET_STATE_LABELS } from '../../../shared/queue/queue-labels';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { hhmm, secondsSince, useNow, useQueueData } from './queue-hooks';
import { Kbd, PriorityTag, StateTag } from './ui-bits';
import { TransferModal } from './TransferModal';
import { IssueModal } from './IssueModal';

const COUNTER_KEY = 'motcua.queue.counter';

type Action = 'callNext' | 'recall' | 'noShow' | 'transfer' | 'start' | 'finish' | 'intake';
const SHORTCUTS: Record<string, Action> = { F2: 'callNext', F3: 'recall', F4: 'noShow', F6: 'transfer', F7: 'start', F8: 'finish', F9: 'intake' };

function storedCounter(): number | null {
  const v = Number(localStorage.getItem(COUNTER_KEY));
  return Number.isInteger(v) && v > 0 ? v : null;
}

/** Quầy: the clerk's console. Every action has a function key; the current ticket is shown big. */
export function CounterConsole() {
  const { t } = useTranslation('queue');
  const { user } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [counterNumber, setCounterNumber] = useState<number | null>(() => storedCounter() ?? user?.counterNumber ?? null);
  const [busy, setBusy] = useState(false);
  const [lastError, setLastError] = useState<string | null>(null);
  const [transferOpen, setTransferOpen] = useState(false);
  const [issueOpen, setIssueOpen] = useState(false);
  const now = useNow(1000);

  const { data, reload, connected } = useQueueData(async (): Promise<{ config: QueueConfig; view: ConsoleView | null }> => {
    const config = await api.must('queue.config', {});
    const open = config.counters.filter((c) => c.active);
    const chosen = open.find((c) => c.number === counterNumber) ?? open.find((c) => c.number === user?.counterNumber) ?? open[0];
    if (!chosen) return { config, view: null };
    if (chosen.number !== counterNumber) setCounterNumber(chosen.number);
    return { config, view: await api.must('queue.console', { counterNumber: chosen.number }) };
  }, [counterNumber]);

  const view = data?.view ?? null;
  const current = view?.current ?? null;
  const recallWait = view?.recallAllowedAt ? Math.ceil((Date.parse(view.recallAllowedAt) - now.getTime()) / 1000) : 0;

  const run = useCallback(
    async <M extends MethodName>(method: M, input: InputOf<M>, done?: (v: unknown) => void) => {
      setBusy(true);
      const r = await api.call(method, input);
      setBusy(false);
      if (r.ok) {
        setLastError(null);
        done?.(r.value);
      } else {
        setLastError(r.error.message);
        message.error(r.error.message);
      }
      reload();
      return r.ok;
    },
    [message, reload],
  );

  const act = useCallback(
    async (a: Action) => {
      if (!view || busy) return;
      const n = view.counter.number;
      const cur = view.current;
      switch (a) {
        case 'callNext':
          return void run('queue.callNext', { counterNumber: n });
        case 'transfer':
          if (cur) setTransferOpen(true);
          return;
        case 'intake':
          if (cur?.state === 'called' && !(await run('queue.start', { counterNumber: n, ticketId: cur.id }))) return;
          navigate(cur ? `/tiep-nhan?ticket=${cur.id}` : '/tiep-nhan');
          return;
        default:
          if (!cur) return;
          return void run(`queue.${a}` as 'queue.recall', { counterNumber: n, ticketId: cur.id });
      }
    },
    [view, busy, run, navigate],
  );

  // Function keys work anywhere on the page, except while a dialog of this page is open.
  const actRef = useRef(act);
  actRef.current = act;
  const modalOpen = transferOpen || issueOpen;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = SHORTCUTS[e.key];
      if (!a || e.altKey || e.ctrlKey || e.metaKey || modalOpen) return;
      e.preventDefault();
      void actRef.current(a);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [modalOpen]);

  const chooseCounter = (n: number) => {
    localStorage.setItem(COUNTER_KEY, String(n));
    setCounterNumber(n);
  };

  if (data && !view) return <Empty description={t('console.noCounter')} data-testid="console-no-counter" />;
  const counters = data?.config.counters.filter((c) => c.active) ?? [];
  const state = current?.state;
  const can = {
    callNext: !!view && state !== 'called',
    recall: state === 'called' && recallWait <= 0,
    noShow: state === 'called',
    transfer: !!current,
    start: state === 'called',
    finish: !!current,
    intake: true,
  };
  const button = (a: Action, key: string, label: string, extra: { type?: 'primary'; danger?: boolean } = {}) => (
    <Button
      size="large"
      block
      disabled={!can[a] || busy}
      onClick={() => void act(a)}
      data-testid={`console-${a}`}
      style={{ height: 58, fontSize: 16, whiteSpace: 'normal', lineHeight: 1.15, paddingInline: 10 }}
      {...extra}
    >
      <Kbd>{key}</Kbd>
      {label}
    </Button>
  );

  return (
    <div data-testid="counter-console">
      {!connected && <Alert type="warning" showIcon title={t('console.offline')} style={{ marginBottom: 12 }} />}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card
            title={
              <Space>
                <Typography.Text strong style={{ fontSize: 18 }} data-testid="console-counter">
                  {view ? `${t('console.title', { n: view.counter.number })} – ${view.counter.name}` : ''}
                </Typography.Text>
              </Space>
            }
            extra={
              <Space>
                <Typography.Text type="secondary">{t('console.chooseCounter')}</Typography.Text>
                <Select
                  value={view?.counter.number}
                  onChange={chooseCounter}
                  style={{ width: 200 }}
                  data-testid="console-counter-select"
                  options={counters.map((c) => ({ value: c.number, label: `${t('console.counter')} ${c.number} – ${c.name}` }))}
                />
              </Space>
            }
          >
            <CurrentTicket ticket={current} now={now} />
            {lastError && <Alert type="error" showIcon title={lastError} closable onClose={() => setLastError(null)} style={{ margin: '12px 0' }} data-testid="console-error" />}
            <Row gutter={[10, 10]} style={{ marginTop: 16 }}>
              <Col span={12}>{button('callNext', 'F2', t('console.callNext'), { type: 'primary' })}</Col>
              <Col span={6}>{button('recall', 'F3', recallWait > 0 && state === 'called' ? t('console.recallIn', { s: recallWait }) : t('console.recall'))}</Col>
              <Col span={6}>{button('noShow', 'F4', t('console.noShow'), { danger: true })}</Col>
              <Col span={6}>{button('transfer', 'F6', t('console.transfer'))}</Col>
              <Col span={6}>{button('start', 'F7', t('console.start'))}</Col>
              <Col span={6}>{button('finish', 'F8', t('console.finish'))}</Col>
              <Col span={6}>{button('intake', 'F9', t('console.intake'))}</Col>
            </Row>
          </Card>
          <Card size="small" title={t('console.recent')} style={{ marginTop: 16 }}>
            <Space wrap>
              {view?.recent.length ? (
                view.recent.map((r) => (
                  <Tag key={r.id} style={{ fontSize: 14, padding: '2px 8px' }}>
                    <b>{r.code}</b> · {hhmm(r.finishedAt ?? r.lastCalledAt)} · <StateTagText ticket={r} />
                  </Tag>
                ))
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card
            title={t('console.waiting')}
            extra={
              <Button onClick={() => setIssueOpen(true)} data-testid="console-issue">
                {t('console.issue')}
              </Button>
            }
          >
            <Row gutter={12} style={{ marginBottom: 12 }}>
              {view?.waitingByGroup.map((g) => (
                <Col key={g.groupId} span={Math.max(6, Math.floor(24 / Math.max(1, view.waitingByGroup.length)))}>
                  <Statistic title={`${g.prefix} · ${g.name}`} value={g.waiting} suffix={g.priority ? <Tag color="orange">{g.priority} ưu tiên</Tag> : undefined} />
                </Col>
              ))}
            </Row>
            <Table<TicketView>
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ y: 430 }}
              dataSource={view?.waiting ?? []}
              locale={{ emptyText: t('console.waitingNone') }}
              data-testid="console-waiting"
              columns={[
                {
                  title: t('cols.code'),
                  render: (_, r) => (
                    <Space size={4} wrap>
                      <b style={{ fontSize: 16 }}>{r.code}</b>
                      <PriorityTag ticket={r} />
                      {r.targetCounter && <Tag color="purple">{t('console.toCounterTag', { n: r.targetCounter })}</Tag>}
                    </Space>
                  ),
                },
                { title: t('cols.group'), dataIndex: 'groupName', ellipsis: true, responsive: ['xxl'] },
                { title: t('cols.issuedAt'), width: 70, render: (_, r) => hhmm(r.issuedAt) },
                { title: t('cols.wait'), width: 70, render: (_, r) => formatDuration(secondsSince(r.queuedAt, now)) },
                {
                  title: '',
                  width: 70,
                  render: (_, r) => (
                    <Button size="small" disabled={busy || state === 'called'} onClick={() => void run('queue.callTicket', { counterNumber: view!.counter.number, ticketId: r.id })} data-testid={`console-call-${r.code}`}>
                      {t('console.call')}
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {view && current && (
        <TransferModal
          open={transferOpen}
          ticket={current}
          counterNumber={view.counter.number}
          config={data!.config}
          onClose={() => setTransferOpen(false)}
          onDone={(code) => {
            setTransferOpen(false);
            message.success(t('console.transferred', { code }));
            reload();
          }}
        />
      )}
      {data && <IssueModal open={issueOpen} config={data.config} onClose={() => setIssueOpen(false)} onIssued={reload} />}
    </div>
  );
}

function StateTagText({ ticket }: { ticket: TicketView }) {
  return <span>{TICKET_STATE_LABELS[ticket.state]}</span>;
}

function CurrentTicket({ ticket, now }: { ticket: TicketView | null; now: Date }) {
  const { t } = useTranslation('queue');
  if (!ticket) {
    return (
      <div style={{ textAlign: 'center', padding: '36px 0', background: '#fafafa', borderRadius: 8 }} data-testid="console-current-empty">
        <div style={{ fontSize: 40, color: '#bfbfbf', fontWeight: 700 }}>{t('console.idle')}</div>
        <Typography.Text type="secondary" style={{ fontSize: 16 }}>
          {t('console.idleHint')}
        </Typography.Text>
      </div>
    );
  }
  const serving = ticket.state === 'serving';
  const since = secondsSince(serving ? ticket.startedAt : ticket.lastCalledAt, now);
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 28,
        padding: '20px 28px',
        borderRadius: 10,
        background: serving ? '#f0faf2' : '#eef5ff',
        border: `2px solid ${serving ? '#52c41a' : '#1668dc'}`,
      }}
      data-testid="console-current"
    >
      <div style={{ fontSize: 104, lineHeight: 1, fontWeight: 800, letterSpacing: 2, color: serving ? '#237804' : '#0b5cad', fontVariantNumeric: 'tabular-nums' }} data-testid="console-current-code">
        {ticket.code}
      </div>
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ fontSize: 20, fontWeight: 600, marginBottom: 6 }}>{ticket.groupName}</div>
        <Space wrap style={{ marginBottom: 8 }}>
          <StateTag state={ticket.state} />
          <PriorityTag ticket={ticket} />
          {ticket.transferredFrom && <Tag color="purple">{t('console.transfer')}</Tag>}
          {ticket.dossierCode && <Tag color="blue">{t('console.dossier', { code: ticket.dossierCode })}</Tag>}
        </Space>
        <div style={{ color: '#595959', fontSize: 15 }}>
          {t('console.calledAt', { time: hhmm(ticket.lastCalledAt) })} · {t('console.calls', { n: ticket.callCount })}
        </div>
        <div style={{ fontSize: 28, fontWeight: 600, fontVariantNumeric: 'tabular-nums', marginTop: 4 }} data-testid="console-timer">
          {formatDuration(since)}
        </div>
      </div>
    </div>
  );
}
