import { useEffect, useState } from 'react';
import { App, Button, Card, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfficeHours, OfficeSession } from '../../../shared/calendar/types';
import { api } from '../../api/client';
import { isTime } from './calendar-view';

/** Monday first, as the office thinks of its week; values are indexes of OfficeHours (0 = Sunday). */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

export function OfficeHoursEditor({ onSaved }: { onSaved: (h: OfficeHours) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [hours, setHours] = useState<OfficeSession[][] | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void api.call('calendar.getOfficeHours', {}).then((r) => r.ok && setHours(r.value.map((d) => [...d])));
  }, []);
  if (!hours) return null;
  const names = t('calendar:weekdayNames', { returnObjects: true }) as string[];
  const update = (day: number, fn: (s: OfficeSession[]) => OfficeSession[]) => setHours(hours.map((d, i) => (i === day ? fn(d) : d)));
  const invalid = hours.some((d) => d.some((s) => !isTime(s.start) || !isTime(s.end)));

  const save = async () => {
    setSaving(true);
    const r = await api.call('calendar.saveOfficeHours', { hours: [hours[0], hours[1], hours[2], hours[3], hours[4], hours[5], hours[6]] });
    setSaving(false);
    if (!r.ok) return message.error(r.error.message);
    message.success(t('calendar:hours.saved'));
    onSaved(r.value);
  };

  return (
    <Card size="small" title={t('calendar:hours.title')} data-testid="office-hours">
      <Typography.Paragraph type="secondary">{t('calendar:hours.intro')}</Typography.Paragraph>
      <table style={{ borderSpacing: '8px 4px', borderCollapse: 'separate' }}>
        <tbody>
          {WEEK_ORDER.map((day) => (
            <tr key={day}>
              <td style={{ width: 90, verticalAlign: 'top', paddingTop: 4 }}>{names[day]}</td>
              <td>
                <Space wrap>
                  {hours[day].length === 0 && <Typography.Text type="secondary">{t('calendar:hours.closed')}</Typography.Text>}
                  {hours[day].map((s, i) => (
                    <Space.Compact key={i}>
                      <Input
                        style={{ width: 70 }}
                        value={s.start}
                        status={isTime(s.start) ? undefined : 'error'}
                        data-testid={`hours-${day}-${i}-start`}
                        onChange={(e) => update(day, (list) => list.map((x, j) => (j === i ? { ...x, start: e.target.value.trim() } : x)))}
                      />
                      <Input
                        style={{ width: 70 }}
                        value={s.end}
                        status={isTime(s.end) ? undefined : 'error'}
                        data-testid={`hours-${day}-${i}-end`}
                        onChange={(e) => update(day, (list) => list.map((x, j) => (j === i ? { ...x, end: e.target.value.trim() } : x)))}
                      />
                      <Button onClick={() => update(day, (list) => list.filter((_, j) => j !== i))} aria-label="Xoá ca">×</Button>
                    </Space.Compact>
                  ))}
                  <Button size="small" type="dashed" onClick={() => update(day, (list) => [...list, { start: '07:30', end: '11:30' }])} data-testid={`hours-${day}-add`}>
                    {t('calendar:hours.addSession')}
                  </Button>
                </Space>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {invalid && <Typography.Text type="danger">{t('calendar:hours.badTime')}</Typography.Text>}
      <div style={{ marginTop: 8 }}>
        <Button type="primary" onClick={() => void save()} loading={saving} disabled={invalid} data-testid="hours-save">
          {t('calendar:hours.save')}
        </Button>
      </div>
    </Card>
  );
}
