import type { CSSProperties, ReactNode } from 'react';
import { Tag } from 'antd';
import type { TicketView } from '../../../shared/api/queue-contract';
import { PRINT_STATUS_LABELS, PRIORITY_LABELS, TICKET_STATE_LABELS, type TicketState } from '../../../shared/queue/queue-labels';

const kbdStyle: CSSProperties = {
  display: 'inline-block',
  minWidth: 24,
  padding: '0 5px',
  marginRight: 8,
  border: '1px solid currentColor',
  borderBottomWidth: 2,
  borderRadius: 4,
  fontSize: 12,
  lineHeight: '17px',
  fontFamily: 'ui-monospace, Consolas, monospace',
  opacity: 0.8,
};

/** A keyboard key drawn inside a button: the shortcut is always visible. */
export function Kbd({ children }: { children: ReactNode }) {
  return <span style={kbdStyle}>{children}</span>;
}

const STATE_COLORS: Record<TicketState, string> = {
  waiting: 'default',
  called: 'processing',
  serving: 'green',
  done: 'success',
  no_show: 'warning',
  transferred: 'purple',
  cancelled: 'default',
};

export function StateTag({ state }: { state: TicketState }) {
  return (
    <Tag color={STATE_COLORS[state]} data-testid={`state-${state}`}>
      {TICKET_STATE_LABELS[state]}
    </Tag>
  );
}

export function PriorityTag({ ticket }: { ticket: Pick<TicketView, 'priority'> }) {
  return ticket.priority ? <Tag color="orange">{PRIORITY_LABELS[ticket.priority]}</Tag> : null;
}

export function PrintTag({ ticket }: { ticket: Pick<TicketView, 'printStatus' | 'printError'> }) {
  const color = ticket.printStatus === 'failed' ? 'red' : ticket.printStatus === 'printed' ? 'green' : ticket.printStatus === 'pending' ? 'gold' : 'default';
  return (
    <Tag color={color} title={ticket.printError ?? undefined}>
      {PRINT_STATUS_LABELS[ticket.printStatus]}
    </Tag>
  );
}
