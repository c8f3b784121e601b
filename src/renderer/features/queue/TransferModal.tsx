import { useEffect, useState } from 'react';
import { Alert, Modal, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueueConfig, TicketView } from '../../../shared/api/queue-contract';
import { api } from '../../api/client';

/** Transfer the current ticket to another service group or to one counter (F6). */
export function TransferModal(props: { open: boolean; ticket: TicketView; counterNumber: number; config: QueueConfig; onClose(): void; onDone(code: string): void }) {
  const { t } = useTranslation('queue');
  const [mode, setMode] = useState<'group' | 'counter'>('group');
  // Counter numbers are kept as strings in the select, like group ids.
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (props.open) {
      setTarget(null);
      setError(null);
    }
  }, [props.open]);
  const groups = props.config.groups.filter((g) => g.active && g.id !== props.ticket.groupId);
  const counters = props.config.counters.filter((c) => c.active && c.number !== props.counterNumber);
  const submit = async () => {
    if (target === null) return;
    setBusy(true);
    const r = await api.call('queue.transfer', {
      counterNumber: props.counterNumber,
      ticketId: props.ticket.id,
      ...(mode === 'group' ? { toGroupId: target } : { toCounterNumber: Number(target) }),
    });
    setBusy(false);
    if (r.ok) props.onDone(props.ticket.code);
    else setError(r.error.message);
  };
  return (
    <Modal
      open={props.open}
      title={t('console.transferTitle', { code: props.ticket.code })}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={t('console.transferOk')}
      okButtonProps={{ disabled: target === null, loading: busy, id: 'transfer-ok' }}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Radio.Group
          value={mode}
          onChange={(e) => {
            setMode(e.target.value);
            setTarget(null);
          }}
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'group', label: t('console.toGroup') },
            { value: 'counter', label: t('console.toCounter') },
          ]}
          data-testid="transfer-mode"
        />
        <Select
          autoFocus
          showSearch
          optionFilterProp="label"
          style={{ width: '100%' }}
          size="large"
          value={target ?? undefined}
          onChange={setTarget}
          data-testid="transfer-target"
          options={
            mode === 'group'
              ? groups.map((g) => ({ value: g.id, label: `${g.prefix} – ${g.name}` }))
              : counters.map((c) => ({ value: String(c.number), label: `${t('console.counter')} ${c.number} – ${c.name}` }))
          }
        />
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </Modal>
  );
}
