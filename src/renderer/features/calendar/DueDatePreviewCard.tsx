import { useEffect, useMemo, useState } from 'react';
import { Card, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcedureSummary } from '../../../shared/api/catalog-contract';
import type { DueDatePreview } from '../../../shared/api/calendar-contract';
import { instantAt, localDateTime, provisionalDueText } from '../../../shared/calendar';
import { formatViDate } from '../../../shared/calendar/local-date';
import { foldVietnamese } from '../../../shared/domain/text-fold';
import { api } from '../../api/client';
import { DueDateTag, formatDue } from '../../components/DueDateTag';
import { isTime, parseViDate } from './calendar-view';

/**
 * "If this procedure were received then, when is it due?" — recomputed whenever the
 * calendar or office hours change (`version`), so the administrator sees the effect of an edit.
 */
export function DueDatePreviewCard({ version, defaultDate }: { version: number; defaultDate: string }) {
  const { t } = useTranslation();
  const [procedures, setProcedures] = useState<ProcedureSummary[]>([]);
  const [code, setCode] = useState<string | undefined>();
  const [date, setDate] = useState(formatViDate(defaultDate));
  const [time, setTime] = useState('09:00');
  const [preview, setPreview] = useState<DueDatePreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.call('catalog.search', { limit: 500 }).then((r) => {
      if (!r.ok) return;
      setProcedures(r.value);
      // A procedure with a time limit in days shows the calendar's effect best.
      setCode((c) => c ?? (r.value.find((p) => !p.duration.sameDay) ?? r.value[0])?.code);
    });
  }, []);

  const localDate = parseViDate(date);
  const receivedAt = useMemo(() => (localDate && isTime(time) ? localDateTime(instantAt(localDate, time)) : null), [localDate, time]);
  useEffect(() => {
    if (!code || !receivedAt) {
      setPreview(null);
      setError(code ? t('calendar:preview.badInput') : null);
      return;
    }
    void api.call('calendar.dueDate', { code, receivedAt }).then((r) => {
      setPreview(r.ok ? r.value : null);
      setError(r.ok ? null : r.error.message);
    });
  }, [code, receivedAt, version, t]);

  return (
    <Card size="small" title={t('calendar:preview.title')} data-testid="due-preview">
      <Space wrap align="end">
        <label>
          <div>{t('calendar:preview.procedure')}</div>
          <Select
            showSearch={{ filterOption: (input, o) => foldVietnamese(String(o?.label ?? '')).includes(foldVietnamese(input)) }}
            style={{ width: 420 }}
            value={code}
            onChange={setCode}
            data-testid="due-preview-procedure"
            options={procedures.map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` }))}
          />
        </label>
        <label>
          <div>{t('calendar:preview.date')}</div>
          <Input style={{ width: 130 }} value={date} onChange={(e) => setDate(e.target.value)} data-testid="due-preview-date" status={localDate ? undefined : 'error'} />
        </label>
        <label>
          <div>{t('calendar:preview.time')}</div>
          <Input style={{ width: 80 }} value={time} onChange={(e) => setTime(e.target.value)} data-testid="due-preview-time" status={isTime(time) ? undefined : 'error'} />
        </label>
      </Space>
      {preview && (
        <div style={{ marginTop: 12 }}>
          <Space size="middle" wrap>
            <Typography.Text>
              {t('calendar:preview.due')}: <Typography.Text strong data-testid="due-preview-due" data-due={preview.due}>{formatDue(preview.due)}</Typography.Text>
            </Typography.Text>
            <DueDateTag days={preview.daysRemaining} due={preview.due} />
            {preview.startedAt !== preview.receivedAt && (
              <Typography.Text type="secondary">
                {t('calendar:preview.started')}: {formatDue(preview.startedAt)}
              </Typography.Text>
            )}
          </Space>
          {provisionalDueText(preview.provisionalYears) && (
            <Typography.Paragraph type="warning" style={{ margin: '6px 0 0' }} data-testid="due-preview-provisional">
              {provisionalDueText(preview.provisionalYears)}
            </Typography.Paragraph>
          )}
          {preview.notes.length > 0 && (
            <ul style={{ margin: '6px 0 0', paddingLeft: 20 }}>
              {preview.notes.map((n) => (
                <li key={n}>
                  <Typography.Text type="secondary">{n}</Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Card>
  );
}
