import { useCallback, useEffect, useState } from 'react';
import { App, Button, Descriptions, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverItemView, HandoverSummary, HandoverView } from '../../../shared/postal/postal-types';
import type { PrintedDocumentView, RenderedDocument } from '../../../shared/api/printing-contract';
import { formatVnd } from '../../../shared/domain/money';
import { api } from '../../api/client';
import { PrintPreview } from '../dossiers/PrintButtons';
import { formatViInstant } from '../../components/vn-date';
import { OutcomeTag, usePostalChanged } from './postal-ui';

type StateFilter = 'all' | 'open' | 'closed';
type DirectionFilter = 'all' | 'IN' | 'OUT';

/** Every hand-over with the post, open or closed, with its items and the slip's print history. */
export function HistoryTab({ onContinue }: { onContinue(id: string): void }) {
  const { t } = useTranslation('postal');
  const { message } = App.useApp();
  const [state, setState] = useState<StateFilter>('all');
  const [direction, setDirection] = useState<DirectionFilter>('all');
  const [rows, setRows] = useState<HandoverSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [doc, setDoc] = useState<RenderedDocument | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    const r = await api.call('postal.list', { state: state === 'all' ? undefined : state, direction: direction === 'all' ? undefined : direction });
    setLoading(false);
    if (r.ok) setRows(r.value);
    else message.error(r.error.message);
  }, [state, direction, message]);
  useEffect(() => void load(), [load]);
  usePostalChanged(load);

  const reprint = async (h: HandoverSummary) => {
    const r = await api.call('postal.printSlip', { handoverId: h.id });
    if (r.ok) setDoc(r.value);
    else message.error(r.error.message);
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<StateFilter> value={state} onChange={setState} options={[{ value: 'all', label: t('history.all') }, { value: 'open', label: t('history.open') }, { value: 'closed', label: t('history.closed') }]} data-testid="postal-history-state" />
        <Segmented<DirectionFilter> value={direction} onChange={setDirection} options={[{ value: 'all', label: t('history.all') }, { value: 'IN', label: t('history.in') }, { value: 'OUT', label: t('history.out') }]} data-testid="postal-history-direction" />
      </Space>
      <Table<HandoverSummary>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (h) => <HandoverDetail id={h.id} />, expandRowByClick: true }}
        data-testid="postal-history-table"
        columns={[
          { title: t('history.number'), dataIndex: 'number', width: 130, render: (n: string) => <b data-testid={`postal-history-${n}`}>{n}</b> },
          { title: t('history.direction'), dataIndex: 'direction', width: 70, render: (d: string) => <Tag color={d === 'IN' ? 'geekblue' : 'purple'}>{d === 'IN' ? t('history.in') : t('history.out')}</Tag> },
          { title: t('history.state'), dataIndex: 'state', width: 105, render: (s: string) => <Tag color={s === 'open' ? 'processing' : 'default'}>{s === 'open' ? t('history.open') : t('history.closed')}</Tag> },
          {
            title: t('history.employee'),
            render: (_: unknown, h) => (
              <div>
                <div>{h.employeeName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{h.postOffice}</Typography.Text>
              </div>
            ),
          },
          {
            title: t('history.time'),
            width: 170,
            render: (_: unknown, h) => (
              <div style={{ whiteSpace: 'nowrap' }}>
                <div>{formatViInstant(h.openedAt)}</div>
                {h.closedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('history.closedAtShort', { at: formatViInstant(h.closedAt) })}</Typography.Text>}
              </div>
            ),
          },
          { title: t('history.items'), width: 70, align: 'center', render: (_: unknown, h) => h.counts.items },
          { title: t('history.sets'), width: 60, align: 'center', render: (_: unknown, h) => h.counts.sets },
          {
            title: t('history.outcomes'),
            width: 160,
            render: (_: unknown, h) =>
              h.direction === 'IN'
                ? t('history.inOutcomes', { received: h.counts.received, incomplete: h.counts.incomplete, pending: h.counts.pending })
                : t('history.outOutcomes', { n: h.counts.returned }),
          },
          { title: t('history.fees'), width: 100, align: 'right', render: (_: unknown, h) => (h.counts.postalFees ? formatVnd(h.counts.postalFees) : '—') },
          {
            title: '',
            width: 120,
            render: (_: unknown, h) =>
              h.state === 'closed' ? (
                <Button size="small" onClick={(e) => { e.stopPropagation(); void reprint(h); }} data-testid={`postal-reprint-${h.number}`}>{t('history.reprint')}</Button>
              ) : h.direction === 'IN' ? (
                <Button size="small" type="primary" onClick={(e) => { e.stopPropagation(); onContinue(h.id); }}>{t('history.continue')}</Button>
              ) : null,
          },
        ]}
      />
      <PrintPreview doc={doc} onClose={() => setDoc(null)} />
    </>
  );
}

function HandoverDetail({ id }: { id: string }) {
  const { t } = useTranslation('postal');
  const [h, setH] = useState<HandoverView | null>(null);
  const [prints, setPrints] = useState<PrintedDocumentView[]>([]);
  useEffect(() => {
    void api.call('postal.get', { id }).then((r) => r.ok && setH(r.value));
    void api.call('printing.history', { subjectId: id }).then((r) => r.ok && setPrints(r.value));
  }, [id]);
  if (!h) return null;
  const attempts = prints.flatMap((p) => p.attempts);
  return (
    <div data-testid={`postal-detail-${h.number}`}>
      <Descriptions size="small" column={3} style={{ marginBottom: 8 }} items={[
        { key: 'c', label: 'Cán bộ', children: h.clerkName },
        { key: 'p', label: t('party.employeePhone'), children: h.employeePhone ?? '—' },
        {
          key: 'h',
          label: t('history.prints'),
          children: attempts.length ? attempts.map((a) => t('history.printedAt', { at: formatViInstant(a.at), printer: a.printer, result: a.ok ? t('history.printOk') : t('history.printFail') })).join('; ') : t('history.neverSent'),
        },
      ]} />
      <Table<HandoverItemView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={h.items}
        columns={[
          { title: t('cols.no'), width: 50, render: (_: unknown, r) => r.idx + 1 },
          { title: t('cols.postalCode'), dataIndex: 'postalCode', width: 160, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
          { title: t('cols.dossier'), render: (_: unknown, r) => [r.dossierCode, r.ownerName].filter(Boolean).join(' · ') || '—' },
          { title: t('outbound.procedure'), dataIndex: 'procedureName', ellipsis: true },
          { title: t('cols.sets'), dataIndex: 'sets', width: 60, align: 'center' },
          { title: t('cols.outcome'), width: 170, render: (_: unknown, r) => <OutcomeTag outcome={r.outcome} t={t} /> },
          { title: t('outbound.fee'), width: 100, align: 'right', render: (_: unknown, r) => (r.postalFee ? formatVnd(r.postalFee) : '—') },
        ]}
      />
    </div>
  );
}
