import { useEffect, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Select, Switch, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfficeSettings } from '../../../shared/api/system-contract';
import { api } from '../../api/client';
import { applyServerErrors } from '../../components/form-errors';
import { InstallModeCard } from './InstallModeCard';

export function OfficeSettingsForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<OfficeSettings>();
  const [settings, setSettings] = useState<OfficeSettings | null>(null);
  const { message } = App.useApp();
  useEffect(() => {
    void api.must('settings.get', {}).then((s) => {
      setSettings(s);
      form.setFieldsValue(s);
    });
  }, [form]);
  const save = async (v: OfficeSettings) => {
    try {
      const { agencyId: _ignored, ...patch } = v;
      const next = await api.must('settings.update', patch);
      setSettings(next);
      message.success(t('system:settings.saved'));
    } catch (e) {
      message.error(applyServerErrors(form, e));
    }
  };
  if (!settings) return null;
  return (
    <>
    <InstallModeCard />
    <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 640 }}>
      <Descriptions size="small" items={[{ key: 'id', label: 'Mã định danh cơ quan', children: settings.agencyId }]} />
      <Form.Item name="parentAgencyName" label={t('system:setup.parentAgencyName')} rules={[{ required: true }]}><Input /></Form.Item>
      <Form.Item name="agencyName" label={t('system:setup.agencyName')} rules={[{ required: true }]}><Input /></Form.Item>
      <Form.Item name="receivingPointName" label={t('system:setup.receivingPointName')} rules={[{ required: true }]}><Input /></Form.Item>
      <Form.Item name="place" label={t('system:setup.place')} rules={[{ required: true }]}><Input /></Form.Item>
      <Form.Item name="counterNumber" label={t('system:setup.counterNumber')}><InputNumber min={1} max={99} /></Form.Item>
      <Form.Item name="lookupUrlPattern" label={t('system:settings.lookupUrlPattern')}><Input /></Form.Item>
      <Form.Item name="idleLockMinutes" label={t('system:settings.idleLockMinutes')}><InputNumber min={1} max={240} /></Form.Item>
      <Form.Item name="lanEnabled" label={t('system:settings.lanEnabled')} valuePropName="checked"><Switch /></Form.Item>
      <Form.Item name="language" label={t('system:settings.language')}>
        <Select options={[{ value: 'vi', label: 'Tiếng Việt' }, { value: 'en', label: 'English' }]} />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="settings-save">{t('system:settings.save')}</Button>
    </Form>
    </>
  );
}
