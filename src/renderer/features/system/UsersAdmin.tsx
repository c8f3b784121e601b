import { useCallback, useEffect, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../shared/api/system-contract';
import { api } from '../../api/client';
import { applyServerErrors } from '../../components/form-errors';

export function UsersAdmin() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<UserView[]>([]);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const { message, modal } = App.useApp();
  const load = useCallback(() => void api.must('users.list', {}).then(setUsers), []);
  useEffect(load, [load]);

  const create = async (v: { username: string; fullName: string; role: 'clerk' | 'supervisor' | 'admin'; password: string; counterNumber?: number }) => {
    try {
      await api.must('users.create', { ...v, counterNumber: v.counterNumber ?? null });
      message.success(t('system:users.created'));
      setOpen(false);
      form.resetFields();
      load();
    } catch (e) {
      message.error(applyServerErrors(form, e));
    }
  };
  const toggle = async (u: UserView) => {
    const r = await api.call('users.setDisabled', { userId: u.id, disabled: !u.disabled });
    if (!r.ok) message.error(r.error.message);
    load();
  };
  const reset = (u: UserView) => {
    let pw = '';
    modal.confirm({
      title: `${t('system:users.resetPassword')}: ${u.username}`,
      content: <Input.Password onChange={(e) => (pw = e.target.value)} placeholder="Mật khẩu mới (ít nhất 8 ký tự)" />,
      onOk: async () => {
        const r = await api.call('users.resetPassword', { userId: u.id, password: pw });
        if (!r.ok) {
          message.error(r.error.message);
          throw new Error(r.error.message);
        }
        message.success('Đã đặt lại mật khẩu');
      },
    });
  };

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} style={{ marginBottom: 12 }} data-testid="users-add">
        {t('system:users.add')}
      </Button>
      <Table
        rowKey="id"
        size="small"
        dataSource={users}
        pagination={false}
        columns={[
          { title: t('system:users.username'), dataIndex: 'username' },
          { title: t('system:users.fullName'), dataIndex: 'fullName' },
          { title: t('system:users.role'), dataIndex: 'role', render: (r: string) => t(`system:roles.${r}`) },
          { title: t('system:users.counter'), dataIndex: 'counterNumber' },
          { title: t('system:users.status'), render: (_: unknown, u: UserView) => (u.disabled ? <Tag color="red">{t('system:users.disabled')}</Tag> : <Tag color="green">{t('system:users.active')}</Tag>) },
          {
            title: '',
            render: (_: unknown, u: UserView) => (
              <Space>
                <Button size="small" onClick={() => void toggle(u)}>{u.disabled ? t('system:users.enable') : t('system:users.disable')}</Button>
                <Button size="small" onClick={() => reset(u)}>{t('system:users.resetPassword')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={open} title={t('system:users.add')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okButtonProps={{ id: 'users-create-ok' }}>
        <Form form={form} layout="vertical" onFinish={create} initialValues={{ role: 'clerk' }}>
          <Form.Item name="username" label={t('system:users.username')} rules={[{ required: true }]}><Input data-testid="users-username" /></Form.Item>
          <Form.Item name="fullName" label={t('system:users.fullName')} rules={[{ required: true }]}><Input data-testid="users-fullName" /></Form.Item>
          <Form.Item name="role" label={t('system:users.role')}>
            <Select options={(['clerk', 'supervisor', 'admin'] as const).map((r) => ({ value: r, label: t(`system:roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="counterNumber" label={t('system:users.counter')}><InputNumber min={1} max={99} /></Form.Item>
          <Form.Item name="password" label={t('system:login.password')} rules={[{ required: true, min: 8, message: 'Mật khẩu phải có ít nhất 8 ký tự' }]}><Input.Password data-testid="users-password" /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
