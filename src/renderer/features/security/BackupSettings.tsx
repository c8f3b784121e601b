import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupStatus } from '../../../shared/api/backup-contract';
import { api } from '../../api/client';
import { applyServerErrors } from '../../components/form-errors';
import { megabytes, shortTime } from './format';

export function BackupTabLabel() {
  const { t } = useTranslation();
  return <span data-testid="settings-tab-backup">{t('security:backup.tab')}</span>;
}

/** Settings › Sao lưu: the key, the second folder, "back up now", the list, and restore. */
export function BackupSettings() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [list, setList] = useState<BackupEntry[]>([]);
  const [running, setRunning] = useState(false);
  const [keyForm] = Form.useForm<{ passphrase: string; passphrase2: string; currentPassphrase?: string }>();
  const [dirForm] = Form.useForm<{ dir: string }>();
  const [restoreForm] = Form.useForm<{ passphrase: string }>();
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);

  const load = useCallback(async () => {
    const [s, l] = await Promise.all([api.must('backup.status', {}), api.must('backup.list', {})]);
    setStatus(s);
    setList(l);
    dirForm.setFieldsValue({ dir: s.secondDir ?? '' });
  }, [dirForm]);
  useEffect(() => {
    void load().catch((e: Error) => message.error(e.message));
  }, [load, message]);

  const setPassphrase = async (v: { passphrase: string; currentPassphrase?: string }) => {
    try {
      await api.must('backup.setPassphrase', { passphrase: v.passphrase, currentPassphrase: v.currentPassphrase || undefined });
      keyForm.resetFields();
      message.success(t('security:backup.passphraseSaved'));
      await load();
    } catch (e) {
      message.error(applyServerErrors(keyForm, e));
    }
  };
  const useOsKey = async () => {
    const r = await api.call('backup.useOsKey', {});
    if (!r.ok) message.error(r.error.message);
    await load();
  };
  const saveDir = async (dir: string | null) => {
    try {
      const r = await api.must('backup.setSecondDir', { dir: dir && dir.trim() ? dir.trim() : null });
      if (r.reachable) message.success(t('security:backup.secondDirSaved'));
      else message.warning(r.message ?? '');
      await load();
    } catch (e) {
      message.error(applyServerErrors(dirForm, e));
    }
  };
  const runNow = async () => {
    setRunning(true);
    try {
      const r = await api.must('backup.run', {});
      message.success(t('security:backup.done', { file: r.entry.file }));
      if (r.secondCopy && !r.secondCopy.ok) message.warning(t('security:backup.secondCopyFailed', { message: r.secondCopy.message }));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setRunning(false);
      await load();
    }
  };
  const restore = async (v: { passphrase: string }) => {
    if (!restoring) return;
    try {
      const r = await api.must('backup.restore', { file: restoring.file, location: restoring.location, passphrase: v.passphrase || undefined });
      const rows = r.contents.tables.reduce((n, x) => n + x.rows, 0);
      setRestoring(null);
      restoreForm.resetFields();
      modal.success({ title: t('security:backup.restoreStaged', { file: r.contents.file }), content: t('security:backup.tables', { n: r.contents.tables.length, rows }) });
      await load();
    } catch (e) {
      message.error(applyServerErrors(restoreForm, e));
    }
  };
  const cancelRestore = async () => {
    await api.call('backup.cancelRestore', {});
    await load();
  };

  if (!status) return null;
  const scheme = status.keyScheme;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 1100 }}>
      {status.pendingRestore && (
        <Alert
          type="warning"
          showIcon
          data-testid="backup-restore-pending"
          title={t('security:backup.pending', { file: status.pendingRestore.file, at: shortTime(status.pendingRestore.createdAt) })}
          action={<Button onClick={() => void cancelRestore()} data-testid="backup-cancel-restore">{t('security:backup.cancelRestore')}</Button>}
        />
      )}
      <Card title={t('security:backup.keyTitle')} size="small">
        <Alert
          type={scheme ? 'info' : 'warning'}
          showIcon
          data-testid="backup-key-status"
          title={scheme === 'passphrase' ? t('security:backup.keyPassphrase') : scheme === 'os' ? t('security:backup.keyOs') : t('security:backup.keyNone')}
          style={{ marginBottom: 12 }}
        />
        <Form form={keyForm} layout="vertical" onFinish={setPassphrase} style={{ maxWidth: 480 }}>
          {scheme === 'passphrase' && (
            <Form.Item name="currentPassphrase" label={t('security:backup.currentPassphrase')}>
              <Input.Password autoComplete="off" data-testid="backup-current-passphrase" />
            </Form.Item>
          )}
          <Form.Item name="passphrase" label={t('security:backup.passphrase')} rules={[{ required: true, min: 10, message: 'Mật khẩu sao lưu phải có ít nhất 10 ký tự' }]}>
            <Input.Password autoComplete="new-password" data-testid="backup-passphrase" />
          </Form.Item>
          <Form.Item
            name="passphrase2"
            label={t('security:backup.passphrase2')}
            dependencies={['passphrase']}
            rules={[{ required: true }, ({ getFieldValue }) => ({ validator: (_r, v) => (v === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error(t('security:backup.mismatch')))) })]}
          >
            <Input.Password autoComplete="new-password" data-testid="backup-passphrase2" />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('security:backup.passphraseWarning')}</Typography.Paragraph>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="backup-set-passphrase">
              {scheme === 'passphrase' ? t('security:backup.changePassphrase') : t('security:backup.setPassphrase')}
            </Button>
            {status.osKeyAvailable && scheme !== 'os' && <Button onClick={() => void useOsKey()}>{t('security:backup.useOsKey')}</Button>}
          </Space>
        </Form>
      </Card>

      <Card title={t('security:backup.secondDir')} size="small">
        <Form form={dirForm} layout="inline" onFinish={(v) => void saveDir(v.dir)}>
          <Form.Item name="dir" style={{ flex: 1, minWidth: 360 }}>
            <Input placeholder={t('security:backup.secondDirPlaceholder')} data-testid="backup-second-dir" />
          </Form.Item>
          <Button htmlType="submit" data-testid="backup-second-dir-save">{t('security:backup.saveSecondDir')}</Button>
          {status.secondDir && <Button onClick={() => void saveDir(null)} style={{ marginLeft: 8 }}>{t('security:backup.removeSecondDir')}</Button>}
        </Form>
      </Card>

      <Card size="small">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'dir', label: t('security:backup.primaryDir'), children: <Typography.Text code>{status.primaryDir}</Typography.Text> },
            {
              key: 'last',
              label: t('security:backup.lastRun'),
              children: status.lastRun ? (
                <span data-testid="backup-last-run">
                  <Tag color={status.lastRun.ok ? 'green' : 'red'}>{shortTime(status.lastRun.at)}</Tag> {status.lastRun.message}
                </span>
              ) : (
                t('security:backup.never')
              ),
            },
            { key: 'today', label: '', children: status.todayDone ? <Tag color="green">{t('security:backup.todayDone')}</Tag> : <Tag color="orange">{t('security:backup.todayMissing')}</Tag> },
          ]}
        />
        <Typography.Paragraph type="secondary">{t('security:backup.schedule')}</Typography.Paragraph>
        <Button type="primary" onClick={() => void runNow()} loading={running} disabled={!scheme || status.running} data-testid="backup-run-now">
          {running ? t('security:backup.running') : t('security:backup.runNow')}
        </Button>
      </Card>

      <Card title={t('security:backup.listTitle')} size="small">
        <Table
          rowKey={(e) => `${e.location}/${e.file}`}
          size="small"
          dataSource={list}
          pagination={{ pageSize: 15, hideOnSinglePage: true }}
          onRow={(e) => ({ 'data-testid': 'backup-row', 'data-file': e.file }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('security:backup.createdAt'), dataIndex: 'createdAt', render: (v: string) => shortTime(v) },
            { title: t('security:backup.kind'), dataIndex: 'kind', render: (k: BackupEntry['kind']) => t(`security:backup.kinds.${k}`) },
            { title: t('security:backup.location'), dataIndex: 'location', render: (l: string) => t(`security:backup.${l}`) },
            { title: t('security:backup.size'), dataIndex: 'size', render: (n: number) => megabytes(n) },
            { title: t('security:backup.file'), dataIndex: 'file', render: (f: string) => <Typography.Text code>{f}</Typography.Text> },
            {
              title: '',
              render: (_: unknown, e: BackupEntry) => (
                <Button size="small" danger onClick={() => setRestoring(e)} data-testid={`backup-restore-${e.file}`}>
                  {t('security:backup.restore')}
                </Button>
              ),
            },
          ]}
        />
      </Card>

      <Modal
        open={restoring !== null}
        title={restoring ? t('security:backup.restoreTitle', { file: restoring.file }) : ''}
        onCancel={() => setRestoring(null)}
        onOk={() => restoreForm.submit()}
        okText={t('security:backup.restore')}
        okButtonProps={{ danger: true, id: 'backup-restore-ok' }}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={restoring ? t('security:backup.restoreWarning', { at: shortTime(restoring.createdAt) }) : ''} style={{ marginBottom: 12 }} />
        <Form form={restoreForm} layout="vertical" onFinish={(v) => void restore(v)}>
          {scheme !== 'os' && (
            <Form.Item name="passphrase" label={t('security:backup.restorePassphrase')} rules={[{ required: true }]}>
              <Input.Password autoComplete="off" autoFocus data-testid="backup-restore-passphrase" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
