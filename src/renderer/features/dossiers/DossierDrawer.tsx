import { useCallback, useEffect, useState } from 'react';
import { App, Button, Descriptions, Drawer, Form, Input, Modal, Space, Table, Tabs, Tag, Timeline } from 'antd';
import type { DossierView } from '../../../shared/dossiers/dossier-schemas';
import { DOSSIER_ACTIONS, type DossierAction } from '../../../shared/dossiers/lifecycle';
import { CHANNEL_LABELS, DOSSIER_STATUS_LABELS, FEE_COLLECTION_LABELS, OWNER_TYPE_LABELS, RESULT_DELIVERY_LABELS } from '../../../shared/domain/status';
import { formatVnd } from '../../../shared/domain/money';
import type { PrintableForm, PrintedDocumentView, RenderedDocument } from '../../../shared/api/printing-contract';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { applyServerErrors } from '../../components/form-errors';
import { formatViDate, formatViInstant } from '../../components/vn-date';
import { DueDateTag } from '../../components/DueDateTag';
import { PrintButtons, PrintPreview } from './PrintButtons';

/** Which extra fields each action asks for. */
const ACTION_FIELDS: Partial<Record<DossierAction, { name: string; label: string; required?: boolean }[]>> = {
  transfer: [{ name: 'body', label: 'Chuyển cho cơ quan, bộ phận xử lý', required: true }],
  requestSupplement: [{ name: 'content', label: 'Nội dung cần bổ sung', required: true }],
  resultReady: [{ name: 'resultName', label: 'Tên giấy tờ kết quả' }],
  returned: [{ name: 'collectorName', label: 'Họ tên người nhận kết quả', required: true }, { name: 'collectorIdNumber', label: 'Số định danh người nhận' }],
  withdraw: [{ name: 'note', label: 'Lý do rút hồ sơ', required: true }],
  stop: [{ name: 'note', label: 'Lý do dừng xử lý', required: true }],
};

export function DossierDrawer({ id, onClose, onChanged }: { id: string | null; onClose(): void; onChanged(): void }) {
  const { message } = App.useApp();
  const { hasRole } = useSession();
  const [d, setD] = useState<DossierView | null>(null);
  const [action, setAction] = useState<DossierAction | 'extend' | null>(null);
  const [printed, setPrinted] = useState<PrintedDocumentView[]>([]);
  const [reprint, setReprint] = useState<RenderedDocument | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    if (!id) return setD(null);
    const r = await api.call('dossier.get', { id });
    if (r.ok) setD(r.value);
    else message.error(r.error.message);
    const h = await api.call('printing.history', { subjectId: id });
    setPrinted(h.ok ? h.value : []);
  }, [id, message]);
  useEffect(() => void load(), [load]);

  const submit = async () => {
    if (!d || !action) return;
    const v = await form.validateFields();
    try {
      const next =
        action === 'extend'
          ? await api.must('dossier.extend', { dossierId: d.id, newDueAt: v.newDueAt, reason: v.reason, faultBody: v.faultBody })
          : await api.must('dossier.act', {
              dossierId: d.id,
              action,
              body: v.body || undefined,
              content: v.content || undefined,
              note: v.note || undefined,
              collectorName: v.collectorName || undefined,
              collectorIdNumber: v.collectorIdNumber || undefined,
              resultDocuments: v.resultName ? [{ name: v.resultName }] : undefined,
            });
      setD(next);
      const stopped = action === 'stop';
      setAction(null);
      form.resetFields();
      message.success('Đã cập nhật hồ sơ');
      onChanged();
      // Stopping a dossier issues Mẫu 05 at once: the preview opens ready to print.
      if (stopped) {
        const notice = await api.call('printing.render', { subjectId: next.id, form: 'stopNotice' });
        if (notice.ok) setReprint(notice.value);
        else message.error(notice.error.message);
      }
    } catch (e) {
      message.error(applyServerErrors(form, e, { newDueAt: ['newDueAt'] }));
    }
  };

  const forms: PrintableForm[] = d ? ['receipt', 'controlSheet', ...(d.feeTotal > 0 ? (['feeReceipt'] as const) : []), ...(d.extendedDueAt ? (['apology'] as const) : []), ...(d.status === '8' ? (['stopNotice'] as const) : [])] : [];

  return (
    <Drawer open={!!id} onClose={onClose} size={860} title={d ? `Hồ sơ ${d.code}` : ''} destroyOnHidden>
      {d && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color="blue" data-testid="dossier-status">{DOSSIER_STATUS_LABELS[d.status]}</Tag>
            <DueDateTag days={d.daysRemaining} due={d.dueAt} />
            {d.availableActions.map((a) => (
              <Button key={a} onClick={() => setAction(a)} data-testid={`dossier-action-${a}`}>{DOSSIER_ACTIONS[a].label}</Button>
            ))}
            {hasRole('supervisor', 'admin') && !['7', '8', '9', '10', '3'].includes(d.status) && (
              <Button onClick={() => setAction('extend')} data-testid="dossier-action-extend">Xin lỗi, hẹn lại (Mẫu 04)</Button>
            )}
          </Space>
          <Tabs
            items={[
              {
                key: 'info',
                label: 'Thông tin',
                children: (
                  <Descriptions size="small" column={2} bordered items={[
                    { key: 'p', label: 'Thủ tục', children: `${d.procedureName} (${d.procedureCode})`, span: 2 },
                    { key: 'o', label: 'Chủ hồ sơ', children: `${d.owner.name} — ${OWNER_TYPE_LABELS[d.owner.type]}` },
                    { key: 'oa', label: 'Địa chỉ chủ hồ sơ', children: d.owner.address },
                    { key: 'a', label: 'Người nộp', children: `${d.applicant.fullName} (${d.applicant.idNumber})` },
                    { key: 'ph', label: 'Điện thoại', children: d.applicant.phone ?? '—' },
                    { key: 'b', label: 'Ngày sinh', children: formatViDate(d.applicant.birthDate) || '—' },
                    { key: 'ch', label: 'Kênh', children: CHANNEL_LABELS[d.channel] },
                    { key: 'r', label: 'Tiếp nhận', children: formatViInstant(d.receivedAt) },
                    { key: 'du', label: 'Hẹn trả', children: <span data-testid="dossier-due">{formatViInstant(d.dueAt)}{d.extendedDueAt && <Tag style={{ marginLeft: 6 }}>hạn ban đầu {formatViInstant(d.originalDueAt)}</Tag>}</span> },
                    { key: 'de', label: 'Trả kết quả', children: `${RESULT_DELIVERY_LABELS[d.resultDelivery]}${d.deliveryAddress ? `: ${d.deliveryAddress}` : ''}` },
                    { key: 'pc', label: 'Mã bưu gửi', children: d.postalCode ?? '—' },
                    { key: 'c', label: 'Quầy / cán bộ', children: `${d.counterNumber ?? '—'} / ${d.clerkName ?? '—'}` },
                    { key: 's', label: 'Số bộ', children: d.sets },
                  ]} />
                ),
              },
              {
                key: 'docs',
                label: `Giấy tờ (${d.documents.length})`,
                children: (
                  <Table size="small" pagination={false} rowKey={(_, i) => String(i)} dataSource={d.documents} columns={[
                    { title: 'Giấy tờ', dataIndex: 'name' },
                    { title: 'Bản chính', dataIndex: 'originals', width: 90 },
                    { title: 'Bản chứng thực', dataIndex: 'certifiedCopies', width: 120 },
                    { title: 'Bản photo', dataIndex: 'copies', width: 90 },
                  ]} />
                ),
              },
              {
                key: 'fees',
                label: `Phí (${formatVnd(d.feeTotal)})`,
                children: (
                  <Table size="small" pagination={false} rowKey="code" dataSource={d.fees} columns={[
                    { title: 'Khoản thu', dataIndex: 'name' },
                    { title: 'Số tiền', dataIndex: 'amount', render: (n: number) => formatVnd(n), width: 140 },
                    { title: 'Hình thức', dataIndex: 'collection', render: (c: keyof typeof FEE_COLLECTION_LABELS) => FEE_COLLECTION_LABELS[c], width: 120 },
                  ]} />
                ),
              },
              {
                key: 'steps',
                label: 'Quá trình',
                children: (
                  <Timeline data-testid="dossier-timeline" items={d.steps.map((s) => ({ key: s.id, children: <span><b>{s.label}</b> — {formatViInstant(s.at)} — {s.actor ?? ''}{s.note ? <div>{s.note}</div> : null}</span> }))} />
                ),
              },
              {
                key: 'printed',
                label: `Giấy tờ đã in (${printed.length})`,
                children: (
                  <>
                    <PrintButtons dossierId={d.id} forms={forms} />
                    <Table size="small" style={{ marginTop: 12 }} pagination={false} rowKey="id" dataSource={printed} columns={[
                      { title: 'Giấy tờ', dataIndex: 'title' },
                      { title: 'Tạo lúc', dataIndex: 'createdAt', render: (s: string) => formatViInstant(s), width: 140 },
                      { title: 'Gửi in', render: (_: unknown, p: PrintedDocumentView) => p.attempts.map((a, i) => <Tag key={i} color={a.ok ? 'green' : 'red'}>{formatViInstant(a.at)} {a.printer}</Tag>) },
                      { title: '', width: 130, render: (_: unknown, p: PrintedDocumentView) => <Button size="small" data-testid={`reprint-${p.form}`} onClick={() => void api.must('printing.reprint', { documentId: p.id }).then(setReprint)}>In lại (bản sao)</Button> },
                    ]} />
                    <PrintPreview doc={reprint} onClose={() => { setReprint(null); void load(); }} />
                  </>
                ),
              },
            ]}
          />
        </>
      )}
      <Modal open={!!action} title={action === 'extend' ? 'Xin lỗi và hẹn lại ngày trả kết quả' : action ? DOSSIER_ACTIONS[action].label : ''} onCancel={() => setAction(null)} onOk={() => void submit()} okButtonProps={{ id: 'dossier-action-ok' }} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          {action === 'extend' ? (
            <>
              <Form.Item name="newDueAt" label="Ngày giờ hẹn mới (ISO, ví dụ 2026-03-20T16:00:00+07:00)" rules={[{ required: true }]}><Input data-testid="extend-newDueAt" /></Form.Item>
              <Form.Item name="faultBody" label="Cơ quan, bộ phận để chậm" rules={[{ required: true }]}><Input data-testid="extend-faultBody" /></Form.Item>
              <Form.Item name="reason" label="Lý do chậm" rules={[{ required: true }]}><Input.TextArea data-testid="extend-reason" /></Form.Item>
            </>
          ) : (
            (action && ACTION_FIELDS[action] ? ACTION_FIELDS[action]! : [{ name: 'note', label: 'Ghi chú' }]).map((f) => (
              <Form.Item key={f.name} name={f.name} label={f.label} rules={f.required ? [{ required: true, message: `Nhập ${f.label.toLowerCase()}` }] : []}>
                <Input autoFocus data-testid={`action-field-${f.name}`} />
              </Form.Item>
            ))
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}
