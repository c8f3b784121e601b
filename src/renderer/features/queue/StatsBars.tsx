import { Card, Typography } from 'antd';
import type { QueueStatsRow } from '../../../shared/api/queue-contract';

interface Series {
  label: string;
  color: string;
  value(r: QueueStatsRow): number | null;
  format(v: number): string;
}

/**
 * Horizontal bar chart drawn with plain elements (no chart library: a few rows of numbers do not need one).
 * One bar group per row (group, counter or clerk), one bar per series, scaled to the largest value of that series.
 */
export function StatsBars({ title, rows, series, testId }: { title: string; rows: QueueStatsRow[]; series: Series[]; testId: string }) {
  const max = series.map((s) => Math.max(1, ...rows.map((r) => s.value(r) ?? 0)));
  return (
    <Card size="small" title={title} style={{ marginTop: 16 }} data-testid={testId}>
      <div style={{ display: 'flex', gap: 16, marginBottom: 8 }}>
        {series.map((s) => (
          <span key={s.label}>
            <span style={{ display: 'inline-block', width: 12, height: 12, background: s.color, marginRight: 6, verticalAlign: 'middle' }} />
            {s.label}
          </span>
        ))}
      </div>
      {rows.map((r) => (
        <div key={r.key} style={{ display: 'grid', gridTemplateColumns: '220px 1fr', alignItems: 'center', marginBottom: 6 }}>
          <Typography.Text ellipsis>{r.label}</Typography.Text>
          <div>
            {series.map((s, i) => {
              const v = s.value(r);
              return (
                <div key={s.label} style={{ display: 'flex', alignItems: 'center', height: 16 }}>
                  <div role="img" aria-label={`${r.label} – ${s.label}: ${v === null ? '–' : s.format(v)}`} style={{ width: `${v === null ? 0 : Math.max(1, (v / max[i]) * 100)}%`, maxWidth: '85%', height: 12, background: s.color, borderRadius: 2 }} />
                  <span style={{ marginLeft: 6, fontSize: 12 }}>{v === null ? '–' : s.format(v)}</span>
                </div>
              );
            })}
          </div>
        </div>
      ))}
    </Card>
  );
}
