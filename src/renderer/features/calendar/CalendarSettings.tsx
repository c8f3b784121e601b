import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CALENDAR_EDITABLE_YEARS, type CalendarYearView } from '../../../shared/api/calendar-contract';
import { toLocalDate, type CalendarYear, type LocalDate, type OfficeHours } from '../../../shared/calendar';
import { formatViDate } from '../../../shared/calendar/local-date';
import { api, ApiCallError } from '../../api/client';
import { DayEditor } from './DayEditor';
import { DueDatePreviewCard } from './DueDatePreviewCard';
import { OfficeHoursEditor } from './OfficeHoursEditor';
import { Legend, YearView } from './YearView';
import { weekdayOf } from './calendar-view';

const YEARS = Array.from({ length: CALENDAR_EDITABLE_YEARS.to - CALENDAR_EDITABLE_YEARS.from + 1 }, (_, i) => CALENDAR_EDITABLE_YEARS.from + i);

export function CalendarTabLabel() {
  const { t } = useTranslation();
  return <span data-testid="settings-tab-calendar">{t('calendar:tab')}</span>;
}

/** The server's list of contradictions, one per line. */
function errorLines(e: unknown): string[] {
  if (e instanceof ApiCallError && e.fields && Object.keys(e.fields).length > 0) return Object.values(e.fields);
  return [e instanceof Error ? e.message : String(e)];
}

/** Cài đặt → Lịch làm việc: the year view of days off and working Saturdays, office hours, and a due-date preview. */
export function CalendarSettings() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const today = toLocalDate(new Date());
  const [year, setYear] = useState(() => Math.min(Math.max(Number(today.slice(0, 4)), CALENDAR_EDITABLE_YEARS.from), CALENDAR_EDITABLE_YEARS.to));
  const [view, setView] = useState<CalendarYearView | null>(null);
  const [weekHasHours, setWeekHasHours] = useState<boolean[]>([false, true, true, true, true, true, false]);
  const [day, setDay] = useState<LocalDate | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [version, setVersion] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    const r = await api.call('calendar.getYear', { year });
    if (r.ok) setView(r.value);
    else message.error(r.error.message);
  }, [year, message]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    void api.call('calendar.getOfficeHours', {}).then((r) => r.ok && setWeekHasHours(r.value.map((d) => d.length > 0)));
  }, []);
  useEffect(
    () =>
      api.subscribe((e) => {
        if (e.type !== 'calendar.changed') return;
        void load();
        setVersion((v) => v + 1);
      }),
    [load],
  );

  const applied = (v: CalendarYearView, text: string) => {
    setView(v);
    setErrors([]);
    setVersion((x) => x + 1);
    message.success(text);
  };

  const save = async (next: CalendarYear): Promise<boolean> => {
    const { source: _source, ...input } = next;
    try {
      applied(await api.must('calendar.saveYear', input), t('calendar:saved', { year: next.year }));
      return true;
    } catch (e) {
      setErrors(errorLines(e));
      return false;
    }
  };

  const confirm = () =>
    modal.confirm({
      title: t('calendar:confirm', { year }),
      content: t('calendar:confirmQuestion', { year }),
      okButtonProps: { 'data-testid': 'calendar-confirm-ok' },
      onOk: async () => {
        try {
          applied(await api.must('calendar.confirmYear', { year }), t('calendar:confirmed', { year }));
        } catch (e) {
          setErrors(errorLines(e));
        }
      },
    });

  const importFile = async (file: File) => {
    try {
      const v = await api.must('calendar.importYear', { fileName: file.name, content: await file.text() });
      applied(v, t('calendar:imported', { year: v.calendar.year }));
      if (v.calendar.year !== year) setYear(v.calendar.year);
    } catch (e) {
      setErrors(errorLines(e));
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const cal = view?.calendar;
  const entries = cal
    ? [
        ...cal.daysOff.map((d) => ({ key: `off-${d.date}`, date: d.date, name: d.name, kind: t(`calendar:kind.${d.kind}`), proposed: d.proposed, extra: false })),
        ...cal.extraWorkingDays.map((d) => ({ key: `extra-${d.date}`, date: d.date, name: d.name, kind: t('calendar:list.extra'), proposed: false, extra: true })),
      ].sort((a, b) => a.date.localeCompare(b.date))
    : [];
  const weekdayNames = t('calendar:weekdayNames', { returnObjects: true }) as string[];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Segmented<number>
            value={year}
            onChange={setYear}
            options={YEARS.map((y) => ({ value: y, label: <span data-testid={`calendar-year-${y}`}>{y}</span> }))}
          />
          {cal && (
            <>
              <Tag color={cal.status === 'confirmed' ? 'green' : 'gold'} data-testid="calendar-status">
                {t(`calendar:status.${cal.status}`)}
              </Tag>
              <Typography.Text type="secondary">{t(`calendar:source.${cal.source}`)}</Typography.Text>
            </>
          )}
        </Space>
        <Space>
          <Button onClick={() => fileInput.current?.click()} data-testid="calendar-import">{t('calendar:importFile')}</Button>
          <input ref={fileInput} type="file" accept=".json" style={{ display: 'none' }} data-testid="calendar-import-file" onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
          <Button type="primary" disabled={cal?.status === 'confirmed'} onClick={confirm} data-testid="calendar-confirm">
            {t('calendar:confirm', { year })}
          </Button>
        </Space>
      </Space>
      {view && !view.stored && <Alert type="warning" showIcon title={t('calendar:notStored')} />}
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setErrors([]) }}
          data-testid="calendar-errors"
          title={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {errors.map((m) => <li key={m}>{m}</li>)}
            </ul>
          }
        />
      )}
      {cal && (
        <>
          <Legend />
          <YearView calendar={cal} today={today} weekHasHours={weekHasHours} onDayClick={setDay} />
          <DayEditor date={day} calendar={cal} weekHasHours={weekHasHours} onClose={() => setDay(null)} onSave={save} />
        </>
      )}
      <DueDatePreviewCard version={version} defaultDate={today} />
      <Card size="small" title={t('calendar:list.title')}>
        <Table
          size="small"
          pagination={false}
          dataSource={entries}
          data-testid="calendar-entries"
          columns={[
            { title: t('calendar:list.date'), dataIndex: 'date', width: 170, render: (d: string) => `${weekdayNames[weekdayOf(d)]} ${formatViDate(d)}` },
            {
              title: t('calendar:list.name'),
              dataIndex: 'name',
              render: (n: string, r) => (
                <Space>
                  {n}
                  {r.proposed && <Tag>{t('calendar:proposedMark')}</Tag>}
                </Space>
              ),
            },
            { title: t('calendar:list.kind'), dataIndex: 'kind', width: 200, render: (k: string, r) => <Tag color={r.extra ? 'green' : 'red'}>{k}</Tag> },
            {
              title: '',
              width: 80,
              render: (_: unknown, r) => (
                <Button size="small" type="link" danger onClick={() => cal && void save({ ...cal, daysOff: cal.daysOff.filter((d) => r.extra || d.date !== r.date), extraWorkingDays: cal.extraWorkingDays.filter((d) => !r.extra || d.date !== r.date) })}>
                  {t('calendar:list.remove')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <OfficeHoursEditor
        onSaved={(h: OfficeHours) => {
          setWeekHasHours(h.map((d) => d.length > 0));
          setVersion((v) => v + 1);
        }}
      />
    </Space>
  );
}
