import { useState } from 'react';
import { Alert, Button, Card, Divider, Form, Input, InputNumber, Typography, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { applyServerErrors } from '../../components/form-errors';

interface SetupForm {
  agencyId: string; agencyName: string; parentAgencyName: string; receivingPointName: string; place: string; counterNumber: number;
  adminUsername: string; adminFullName: string; adminPassword: string; adminPassword2: string;
}

export function SetupPage({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  const submit = async (v: SetupForm) => {
    setBusy(true);
    setError(null);
    try {
      await api.must('system.setup', {
        agencyId: v.agencyId, agencyName: v.agencyName, parentAgencyName: v.parentAgencyName, receivingPointName: v.receivingPointName,
        place: v.place, counterNumber: v.counterNumber,
        admin: { username: v.adminUsername, fullName: v.adminFullName, password: v.adminPassword },
      });
      message.success(t('system:setup.done'));
      onDone();
    } catch (e) {
      setError(applyServerErrors(form, e, { 'admin.username': ['adminUsername'], 'admin.password': ['adminPassword'], 'admin.fullName': ['adminFullName'] }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 640, margin: '32px auto' }}>
      <Card>
        <Typography.Title level={3}>{t('system:setup.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('system:setup.intro')}</Typography.Paragraph>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} data-testid="setup-error" />}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ counterNumber: 1 }}>
          <Form.Item name="agencyId" label={t('system:setup.agencyId')} rules={[{ required: true, pattern: /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, message: 'Mã định danh cơ quan phải có dạng NNN.NN.NN.Xnn, ví dụ 000.00.06.H56' }]}>
            <Input autoFocus placeholder="000.00.06.H56" data-testid="setup-agencyId" />
          </Form.Item>
          <Form.Item name="parentAgencyName" label={t('system:setup.parentAgencyName')} rules={[{ required: true }]}>
            <Input data-testid="setup-parentAgencyName" />
          </Form.Item>
          <Form.Item name="agencyName" label={t('system:setup.agencyName')} rules={[{ required: true }]}>
            <Input data-testid="setup-agencyName" />
          </Form.Item>
          <Form.Item name="receivingPointName" label={t('system:setup.receivingPointName')} rules={[{ required: true }]}>
            <Input data-testid="setup-receivingPointName" />
          </Form.Item>
          <Form.Item name="place" label={t('system:setup.place')} rules={[{ required: true }]}>
            <Input data-testid="setup-place" />
          </Form.Item>
          <Form.Item name="counterNumber" label={t('system:setup.counterNumber')} rules={[{ required: true }]}>
            <InputNumber min={1} max={99} data-testid="setup-counterNumber" />
          </Form.Item>
          <Divider>{t('system:setup.adminSection')}</Divider>
          <Form.Item name="adminUsername" label={t('system:setup.adminUsername')} rules={[{ required: true }]}>
            <Input autoComplete="off" data-testid="setup-adminUsername" />
          </Form.Item>
          <Form.Item name="adminFullName" label={t('system:setup.adminFullName')} rules={[{ required: true }]}>
            <Input data-testid="setup-adminFullName" />
          </Form.Item>
          <Form.Item name="adminPassword" label={t('system:setup.adminPassword')} rules={[{ required: true, min: 8, message: 'Mật khẩu phải có ít nhất 8 ký tự' }]}>
            <Input.Password autoComplete="new-password" data-testid="setup-adminPassword" />
          </Form.Item>
          <Form.Item
            name="adminPassword2"
            label={t('system:setup.adminPassword2')}
            dependencies={['adminPassword']}
            rules={[{ required: true }, ({ getFieldValue }) => ({ validator: (_r, v) => (v === getFieldValue('adminPassword') ? Promise.resolve() : Promise.reject(new Error(t('system:setup.passwordMismatch')))) })]}
          >
            <Input.Password autoComplete="new-password" data-testid="setup-adminPassword2" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="setup-submit">
            {t('system:setup.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
