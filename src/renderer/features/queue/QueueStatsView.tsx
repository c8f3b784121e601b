import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Typography } from 'antd';
import { StatsBars } from './StatsBars';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { QueueStats, QueueStatsRow, RatingSummary } from '../../../shared/api/queue-contract';
import { formatDuration } from '../../../shared/queue/queue-labels';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { useQueueData, vnClock } from './queue-hooks';

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Statistics of a day or a period: counts, waiting and service times, ratings; Excel export. */
export function QueueStatsView() {
  const { t } = useTranslation('queue');
  const { hasRole } = useSession();
  const { message } = App.useApp();
  // Today in Vietnam, whatever the zone of this PC.
  const [dd, mm, yyyy] = vnClock(new Date()).date.split('/');
  const today = dayjs(`${yyyy}-${mm}-${dd}`);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today, today]);
  const [exported, setExported] = useState<string | null>(null);
  const { data: stats, error } = useQueueData<QueueStats>(() => api.must('queue.stats', { from: iso(range[0]), to: iso(range[1]) }), [range[0].valueOf(), range[1].valueOf()]);

  const exportXlsx = async () => {
    const r = await api.call('queue.exportStats', { from: iso(range[0]), to: iso(range[1]) });
    if (r.ok) {
      setExported(r.value.file);
      message.success(t('stats.exported', { file: r.value.fileName }));
    } else message.error(r.error.message);
  };

  const statColumns = [
    { title: t('stats.item'), dataIndex: 'label', ellipsis: true },
    { title: t('stats.issued'), dataIndex: 'issued', width: 110, render: (v: number | null) => v ?? '–' },
    { title: t('stats.called'), dataIndex: 'called', width: 80 },
    { title: t('stats.served'), dataIndex: 'served', width: 100 },
    { title: t('stats.noShow'), dataIndex: 'noShow', width: 90 },
    { title: t('stats.transferred'), dataIndex: 'transferred', width: 80 },
    { title: t('stats.waitAvg'), dataIndex: 'waitAvgSec', width: 140, render: formatDuration },
    { title: t('stats.waitP90'), dataIndex: 'waitP90Sec', width: 100, render: formatDuration },
    { title: t('stats.serviceAvg'), dataIndex: 'serviceAvgSec', width: 170, render: formatDuration },
    { title: t('stats.serviceP90'), dataIndex: 'serviceP90Sec', width: 120, render: formatDuration },
  ];
  const ratingColumns = [
    { title: t('stats.item'), dataIndex: 'label', ellipsis: true },
    { title: t('stats.total'), dataIndex: 'total', width: 90 },
    { title: t('stats.veryGood'), dataIndex: 'veryGood', width: 120 },
    { title: t('stats.good'), dataIndex: 'good', width: 100 },
    { title: t('stats.bad'), dataIndex: 'bad', width: 130 },
    { title: t('stats.satisfied'), dataIndex: 'satisfiedPercent', width: 140, render: (v: number | null) => (v === null ? '–' : `${v}%`) },
  ];
  const table = (title: string, rows: QueueStatsRow[], testId: string) => (
    <Card size="small" title={title} style={{ marginTop: 16 }}>
      <Table<QueueStatsRow> size="small" rowKey="key" pagination={false} dataSource={rows} columns={statColumns} data-testid={testId} />
    </Card>
  );

  return (
    <div data-testid="queue-stats">
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Text>{t('stats.period')}:</Typography.Text>
        <DatePicker.RangePicker value={range} format="DD/MM/YYYY" allowClear={false} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} />
        {hasRole('supervisor', 'admin') && (
          <Button onClick={() => void exportXlsx()} data-testid="queue-export">
            {t('stats.export')}
          </Button>
        )}
      </Space>
      {exported && <Alert type="success" showIcon title={exported} style={{ marginBottom: 12 }} closable onClose={() => setExported(null)} />}
      {error && <Alert type="error" showIcon title={error} />}
      {stats && (
        <>
          <Row gutter={[12, 12]}>
            {[
              [t('stats.issued'), stats.total.issued ?? 0],
              [t('stats.served'), stats.total.served],
              [t('stats.noShow'), stats.total.noShow],
              [t('stats.waitAvg'), formatDuration(stats.total.waitAvgSec)],
              [t('stats.waitP90'), formatDuration(stats.total.waitP90Sec)],
              [t('stats.serviceAvg'), formatDuration(stats.total.serviceAvgSec)],
              [t('stats.satisfied'), stats.ratings.satisfiedPercent === null ? '–' : `${stats.ratings.satisfiedPercent}%`],
            ].map(([label, value]) => (
              <Col key={String(label)} flex="1 1 150px">
                <Card size="small">
                  <Statistic title={label} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          <StatsBars
            title={t('stats.chart')}
            rows={[...stats.byGroup, ...stats.byCounter]}
            testId="stats-chart"
            series={[
              { label: t('stats.served'), color: '#0b5cad', value: (r) => r.served, format: String },
              { label: t('stats.waitAvg'), color: '#f0a020', value: (r) => r.waitAvgSec, format: (v) => formatDuration(v) },
              { label: t('stats.serviceAvg'), color: '#2f9e44', value: (r) => r.serviceAvgSec, format: (v) => formatDuration(v) },
            ]}
          />
          {table(t('stats.byGroup'), stats.byGroup, 'stats-by-group')}
          {table(t('stats.byCounter'), stats.byCounter, 'stats-by-counter')}
          {table(t('stats.byClerk'), stats.byClerk, 'stats-by-clerk')}
          {stats.byDay.length > 1 && table(t('stats.byDay'), stats.byDay, 'stats-by-day')}
          <Card size="small" title={t('stats.ratings')} style={{ marginTop: 16 }}>
            <Table<RatingSummary> size="small" rowKey={(r) => `${r.key}-${r.label}`} pagination={false} dataSource={[stats.ratings, ...stats.ratingsByCounter, ...stats.ratingsByClerk]} columns={ratingColumns} />
          </Card>
        </>
      )}
    </div>
  );
}
