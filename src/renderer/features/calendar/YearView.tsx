import { Card, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarYear, LocalDate } from '../../../shared/calendar/types';
import { DAY_STYLES, classify, monthGrid, type DayClass } from './calendar-view';

const CELL = 30;

function cellStyle(c: DayClass, isToday: boolean): React.CSSProperties {
  const base: React.CSSProperties = {
    width: CELL,
    height: CELL - 4,
    lineHeight: `${CELL - 8}px`,
    textAlign: 'center',
    fontSize: 13,
    borderRadius: 4,
    cursor: 'pointer',
    border: '2px solid transparent',
    userSelect: 'none',
  };
  if (c.type === 'off') Object.assign(base, DAY_STYLES[c.kind]);
  if (c.type === 'extra') Object.assign(base, DAY_STYLES.extra, { fontWeight: 600 });
  if (c.type === 'weekend') Object.assign(base, DAY_STYLES.weekend);
  // A proposal the administrator has not confirmed: dashed dark border over the colour.
  if (c.type === 'off' && c.proposed) base.border = '2px dashed #262626';
  if (isToday) base.outline = '2px solid #0b5cad';
  return base;
}

/** Twelve month grids of a year: days off coloured by kind, working weekend days in green, proposals dashed. */
export function YearView({
  calendar,
  today,
  weekHasHours,
  onDayClick,
}: {
  calendar: CalendarYear;
  today: LocalDate;
  weekHasHours: readonly boolean[];
  onDayClick: (date: LocalDate) => void;
}) {
  const { t } = useTranslation();
  const weekdays = t('calendar:weekdays', { returnObjects: true }) as string[];
  const tip = (c: DayClass): string | null => {
    if (c.type === 'off') return `${c.entry.name} · ${t(`calendar:kind.${c.kind}`)}${c.proposed ? ` ${t('calendar:proposedMark')}` : ''}`;
    if (c.type === 'extra') return `${c.entry.name} · ${t('calendar:legend.extra')}`;
    return null;
  };
  return (
    <div
      data-testid="calendar-year-view"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: 12 }}
    >
      {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
        <Card key={month} size="small" title={t('calendar:month', { m: month })} styles={{ body: { padding: 8 } }}>
          <table style={{ borderCollapse: 'separate', borderSpacing: 2, margin: '0 auto' }}>
            <thead>
              <tr>
                {weekdays.map((w, i) => (
                  <th key={w} style={{ width: CELL, fontSize: 11, fontWeight: 500, color: i >= 5 ? '#cf1322' : '#595959' }}>{w}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthGrid(calendar.year, month).map((week, wi) => (
                <tr key={wi}>
                  {week.map((date, di) => {
                    if (!date) return <td key={di} />;
                    const c = classify(date, calendar, weekHasHours);
                    const title = tip(c);
                    const cell = (
                      <div
                        role="button"
                        tabIndex={0}
                        aria-label={title ? `${date}: ${title}` : date}
                        data-testid={`day-${date}`}
                        data-class={c.type === 'off' ? c.kind : c.type}
                        data-proposed={c.type === 'off' && c.proposed ? 'true' : undefined}
                        style={cellStyle(c, date === today)}
                        onClick={() => onDayClick(date)}
                        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onDayClick(date)}
                      >
                        {Number(date.slice(8))}
                      </div>
                    );
                    return <td key={di}>{title ? <Tooltip title={title}>{cell}</Tooltip> : cell}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ))}
    </div>
  );
}

export function Legend() {
  const { t } = useTranslation();
  const swatch = (style: React.CSSProperties, label: string, testid: string) => (
    <Space size={6} key={testid} data-testid={`legend-${testid}`}>
      <span style={{ display: 'inline-block', width: 18, height: 16, borderRadius: 3, border: '2px solid transparent', ...style }} />
      <Typography.Text>{label}</Typography.Text>
    </Space>
  );
  return (
    <Space wrap size="large" data-testid="calendar-legend">
      {swatch(DAY_STYLES.holiday, t('calendar:legend.holiday'), 'holiday')}
      {swatch(DAY_STYLES.tet, t('calendar:legend.tet'), 'tet')}
      {swatch(DAY_STYLES.compensatory, t('calendar:legend.compensatory'), 'compensatory')}
      {swatch(DAY_STYLES.swap, t('calendar:legend.swap'), 'swap')}
      {swatch(DAY_STYLES.extra, t('calendar:legend.extra'), 'extra')}
      {swatch(DAY_STYLES.weekend, t('calendar:legend.weekend'), 'weekend')}
      {swatch({ background: '#fff', border: '2px dashed #262626' }, t('calendar:legend.proposed'), 'proposed')}
      {swatch({ background: '#fff', outline: '2px solid #0b5cad' }, t('calendar:legend.today'), 'today')}
    </Space>
  );
}
