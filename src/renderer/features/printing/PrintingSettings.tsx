import { useEffect } from 'react';
import { App, Button, Form, Input, Radio, Typography } from 'antd';
import { PRINTABLE_FORMS, PRINTABLE_FORM_LABELS, type PrintingSettingsView } from '../../../shared/api/printing-contract';
import { api } from '../../api/client';
import { applyServerErrors } from '../../components/form-errors';

/** A4 forms printer: the OS printer name (empty = default), or `folder:<path>` to drop PDFs into a folder. */
export function PrintingSettings() {
  const [form] = Form.useForm<PrintingSettingsView>();
  const { message } = App.useApp();
  useEffect(() => void api.must('printing.getSettings', {}).then((s) => form.setFieldsValue(s)), [form]);
  const save = async (v: PrintingSettingsView) => {
    try {
      form.setFieldsValue(await api.must('printing.saveSettings', v));
      message.success('Đã lưu cài đặt máy in');
    } catch (e) {
      message.error(applyServerErrors(form, e));
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">
        Máy in vé xếp hàng (máy in nhiệt) cài trong thẻ Hàng đợi. Ở đây là máy in A4/A5 cho giấy tiếp nhận và các biểu mẫu. Trên Windows, PDF được in im lặng bằng SumatraPDF đi kèm ứng dụng.
      </Typography.Paragraph>
      <Form.Item name="printer" label="Tên máy in (để trống = máy in mặc định; folder:D:\In để lưu PDF vào thư mục)"><Input data-testid="printing-printer" /></Form.Item>
      <Typography.Text strong>Máy in riêng cho từng loại giấy tờ (để trống = máy in chung ở trên)</Typography.Text>
      {PRINTABLE_FORMS.map((f) => (
        <Form.Item key={f} name={['perForm', f]} label={PRINTABLE_FORM_LABELS[f]} style={{ marginBottom: 8 }}>
          <Input data-testid={`printing-perForm-${f}`} />
        </Form.Item>
      ))}
      <Form.Item name="receiptPaper" label="Khổ giấy tiếp nhận"><Radio.Group options={[{ value: 'A4', label: 'A4' }, { value: 'A5', label: 'A5' }]} /></Form.Item>
      <Form.Item name="sumatraPath" label="Đường dẫn SumatraPDF.exe (để trống = bản đi kèm)" extra="Chỉ đổi được trên chính máy chủ. Mã SHA-256 của tệp được ghi lại khi lưu; tệp bị thay đổi sẽ không được chạy."><Input /></Form.Item>
      <Button type="primary" htmlType="submit">Lưu</Button>
    </Form>
  );
}
