import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { localDateTime } from '../../shared/calendar';

/** Colour by urgency: overdue red, due today orange, 1–2 working days gold, more green. */
export function dueColor(days: number): string {
  if (days < 0) return 'red';
  if (days === 0) return 'orange';
  return days <= 2 ? 'gold' : 'green';
}

/** 'HH:MM dd/mm/yyyy' of an ISO instant, on the Vietnam wall clock whatever the machine's zone. */
export function formatDue(iso: string): string {
  const s = localDateTime(new Date(iso));
  return `${s.slice(11, 16)} ${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
}

/**
 * "còn N ngày làm việc" / "đến hạn hôm nay" / "quá hạn N ngày", colour-coded, for dossier
 * lists and screens. `days` is the server's working-days count (calendar.dueDate,
 * dossier views); `due` (ISO instant) adds the exact due time on hover.
 */
export function DueDateTag({ days, due }: { days: number | null | undefined; due?: string }) {
  const { t } = useTranslation();
  if (days === null || days === undefined) return <span>—</span>;
  const text = days < 0 ? t('calendar:due.overdue', { n: -days }) : days === 0 ? t('calendar:due.today') : t('calendar:due.remaining', { n: days });
  const tag = (
    <Tag color={dueColor(days)} data-testid="due-date-tag" data-days={days}>
      {text}
    </Tag>
  );
  return due ? <Tooltip title={t('calendar:due.at', { at: formatDue(due) })}>{tag}</Tooltip> : tag;
}
