import { useEffect, useState } from 'react';
import { Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarYear, DayOffKind, LocalDate } from '../../../shared/calendar/types';
import { formatViDate } from '../../../shared/calendar/local-date';
import { classify, weekdayOf } from './calendar-view';

const KINDS: DayOffKind[] = ['holiday', 'tet', 'compensatory', 'swap'];

/**
 * One day of the year view: mark a working day off, a weekend day as worked (làm bù),
 * or remove / rename an existing entry. Hands the whole new year to `onSave`.
 */
export function DayEditor({
  date,
  calendar,
  weekHasHours,
  onClose,
  onSave,
}: {
  date: LocalDate | null;
  calendar: CalendarYear;
  weekHasHours: readonly boolean[];
  onClose: () => void;
  onSave: (next: CalendarYear) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; kind: DayOffKind }>();
  const [busy, setBusy] = useState(false);
  const c = date ? classify(date, calendar, weekHasHours) : null;

  useEffect(() => {
    if (!date || !c) return;
    form.resetFields();
    if (c.type === 'off') form.setFieldsValue({ name: c.entry.name, kind: c.kind });
    else if (c.type === 'extra') form.setFieldsValue({ name: c.entry.name });
    else form.setFieldsValue({ name: '', kind: 'holiday' });
    // Only when another day is opened: a save re-renders with the new calendar but keeps the form.
  }, [date]);
  if (!date || !c) return null;

  const run = async (next: CalendarYear) => {
    setBusy(true);
    const ok = await onSave(next);
    setBusy(false);
    if (ok) onClose();
  };
  const withoutDate = {
    ...calendar,
    daysOff: calendar.daysOff.filter((d) => d.date !== date),
    extraWorkingDays: calendar.extraWorkingDays.filter((d) => d.date !== date),
  };
  const submit = (v: { name: string; kind?: DayOffKind }) => {
    const name = v.name.trim();
    if (c.type === 'extra' || c.type === 'weekend') return run({ ...withoutDate, extraWorkingDays: [...withoutDate.extraWorkingDays, { date, name }] });
    return run({ ...withoutDate, daysOff: [...withoutDate.daysOff, { date, name, kind: v.kind ?? 'holiday', proposed: false }] });
  };

  const weekdayNames = t('calendar:weekdayNames', { returnObjects: true }) as string[];
  const isExtraForm = c.type === 'extra' || c.type === 'weekend';
  return (
    <Modal
      open
      title={t('calendar:day.title', { weekday: weekdayNames[weekdayOf(date)], date: formatViDate(date) })}
      onCancel={onClose}
      footer={
        <Space>
          {c.type === 'off' && (
            <Button danger onClick={() => void run(withoutDate)} loading={busy} data-testid="day-remove">
              {t('calendar:day.removeOff')}
            </Button>
          )}
          {c.type === 'extra' && (
            <Button danger onClick={() => void run(withoutDate)} loading={busy} data-testid="day-remove">
              {t('calendar:day.removeExtra')}
            </Button>
          )}
          <Button type="primary" onClick={() => form.submit()} loading={busy} data-testid="day-save">
            {c.type === 'working' ? t('calendar:day.markOff') : c.type === 'weekend' ? t('calendar:day.markExtra') : t('catalog:detail.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {c.type === 'working' ? t('calendar:day.working') : c.type === 'weekend' ? t('calendar:day.weekend') : null}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('calendar:day.name')} rules={[{ required: true, whitespace: true, message: t('calendar:day.nameRequired') }]}>
          <Input
            autoFocus
            data-testid="day-name"
            placeholder={isExtraForm ? t('calendar:day.extraNamePlaceholder') : t('calendar:day.offNamePlaceholder')}
          />
        </Form.Item>
        {!isExtraForm && (
          <Form.Item name="kind" label={t('calendar:day.kind')}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`calendar:kind.${k}`) }))} data-testid="day-kind" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
