import { useEffect, useRef, useState } from 'react';
import { Alert, App, Checkbox, Modal, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueueConfig } from '../../../shared/api/queue-contract';
import { PRIORITY_CATEGORIES, PRIORITY_LABELS, type PriorityCategory } from '../../../shared/queue/queue-labels';
import { api } from '../../api/client';
import { Submission } from '../dossiers/submission';

/** A clerk issues a ticket for a citizen at the counter (no kiosk, or the kiosk is down). */
export function IssueModal(props: { open: boolean; config: QueueConfig; onClose(): void; onIssued(): void }) {
  const { t } = useTranslation('queue');
  const { message } = App.useApp();
  const groups = props.config.groups.filter((g) => g.active);
  const [groupId, setGroupId] = useState<string | undefined>(groups[0]?.id);
  const [priority, setPriority] = useState<PriorityCategory | 'none'>('none');
  const [print, setPrint] = useState(props.config.printer.enabled);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One press of OK = one ticket, however often it is retried after a lost answer.
  const submission = useRef(new Submission());
  useEffect(() => {
    if (props.open) {
      setError(null);
      setPriority('none');
    }
  }, [props.open]);
  const submit = async () => {
    if (!groupId) return;
    setBusy(true);
    const r = await submission.current
      .run(async (requestId) => {
        const res = await api.call('queue.issue', { groupId, priority: priority === 'none' ? null : priority, source: 'counter', print, requestId });
        if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code });
        return res;
      })
      .catch((e: Error) => ({ ok: false as const, error: { message: e.message } }));
    setBusy(submission.current.busy);
    if (!r) return;
    if (!r.ok) return setError(r.error.message);
    if (r.value.print.status === 'failed') message.warning(r.value.print.message, 8);
    else message.success(t('issue.issued', { code: r.value.ticket.code }));
    props.onIssued();
    props.onClose();
  };
  return (
    <Modal open={props.open} title={t('issue.title')} onCancel={props.onClose} onOk={() => void submit()} okText={t('issue.ok')} okButtonProps={{ loading: busy, disabled: !groupId, id: 'issue-ok' }}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <div>
          <div style={{ marginBottom: 4 }}>{t('issue.group')}</div>
          <Select style={{ width: '100%' }} value={groupId} onChange={setGroupId} options={groups.map((g) => ({ value: g.id, label: `${g.prefix} – ${g.name}` }))} data-testid="issue-group" />
        </div>
        <div>
          <div style={{ marginBottom: 4 }}>{t('issue.priority')}</div>
          <Radio.Group value={priority} onChange={(e) => setPriority(e.target.value)}>
            <Space orientation="vertical">
              <Radio value="none">{t('issue.none')}</Radio>
              {PRIORITY_CATEGORIES.map((p) => (
                <Radio key={p} value={p}>
                  {PRIORITY_LABELS[p]}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </div>
        <Checkbox checked={print} disabled={!props.config.printer.enabled} onChange={(e) => setPrint(e.target.checked)}>
          {t('issue.print')}
        </Checkbox>
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </Modal>
  );
}
