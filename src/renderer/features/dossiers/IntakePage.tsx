import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Divider, Form, Input, InputNumber, Radio, Result, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { ProcedureDetail, ProcedureSummary, FeeQuote } from '../../../shared/api/catalog-contract';
import type { DueDatePreview } from '../../../shared/api/calendar-contract';
import type { DossierView, IntakeInput } from '../../../shared/dossiers/dossier-schemas';
import type { CccdData } from '../../../shared/domain/cccd-qr';
import { OWNER_TYPE_LABELS, FEE_COLLECTION_LABELS, type FeeCollection, type OwnerType } from '../../../shared/domain/status';
import { formatVnd } from '../../../shared/domain/money';
import { provisionalDueText } from '../../../shared/calendar/announced';
import { api, ApiCallError } from '../../api/client';
import { applyServerErrors } from '../../components/form-errors';
import { useSession } from '../../app/session';
import { useCccdScanner } from './use-cccd-scanner';
import { formatViDate, formatViInstant, parseViDate, todayVn } from '../../components/vn-date';
import { PrintButtons } from './PrintButtons';
import { useIntakeOpen } from '../diagnostics/work-activity';
import { Submission } from './submission';

interface DocRow {
  key: string;
  code?: string;
  name: string;
  required: boolean;
  received: boolean;
  originals: number;
  certifiedCopies: number;
  copies: number;
}

interface FormValues {
  fullName: string; idNumber: string; oldIdNumber?: string; idIssuedOn?: string; birthDate?: string; sex?: 'Nam' | 'Nữ'; address: string; phone?: string; email?: string;
  ownerDiffers: boolean; ownerType: OwnerType; ownerName?: string; ownerIdNumber?: string; ownerAddress?: string;
  sets: number; copies?: number; pagesPerCopy?: number; collection: FeeCollection;
  channel: '1' | '3'; postalCode?: string; resultDelivery: '0' | '1'; deliveryAddress?: string;
  summary?: string; note?: string; overrideDue?: string; overrideReason?: string;
}

const blank = (s?: string) => (s && s.trim() ? s.trim() : undefined);

/** After a lost answer the clerk is told that saving again is safe (the request id makes it the same save). */
function saveError(message: string, e: unknown): string {
  return (e as { code?: string } | null)?.code === 'NETWORK' ? `${message} Làm lại thao tác là an toàn: không bị ghi hai lần.` : message;
}

/**
 * Dossier intake, keyboard-first: F2 procedure, scan the CCCD anywhere, Tab through the fields,
 * Ctrl+Enter saves and prints the receipt; Ctrl+B request to complete (Mẫu 02); after saving, Ctrl+N starts the next.
 */
export function IntakePage() {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const { hasRole } = useSession();
  const [params] = useSearchParams();
  const ticketId = params.get('ticket') ?? undefined;
  // Opened from a postal inbound hand-over: the item code and its hand-over come in the URL.
  const postal = params.get('postal') ?? undefined;
  const postalHandover = params.get('handover') ?? undefined;
  const navigate = useNavigate();
  const backToPostal = () => navigate(`/buu-chinh?tab=nhan&handover=${postalHandover}`);
  const [options, setOptions] = useState<ProcedureSummary[]>([]);
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);
  const [docs, setDocs] = useState<DocRow[]>([]);
  const [fees, setFees] = useState<FeeQuote | null>(null);
  const [due, setDue] = useState<DueDatePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<DossierView | null>(null);
  const procRef = useRef<{ focus(): void } | null>(null);
  // One submission per intake form and one per outcome: their request ids make a repeated save harmless.
  const receiving = useRef(new Submission());
  const recording = useRef(new Submission());
  const values = Form.useWatch([], form);
  // An update must not restart the window while a clerk has an intake open.
  useIntakeOpen(!saved);

  const search = useCallback(async (query: string) => {
    const r = await api.call('catalog.search', { query, limit: 20 });
    if (r.ok) setOptions(r.value);
  }, []);
  useEffect(() => {
    void search('');
    procRef.current?.focus();
  }, [search]);

  const pick = async (code: string) => {
    const d = await api.must('catalog.get', { code });
    setProcedure(d);
    setDocs(d.procedure.documents.map((x, i) => ({ key: `${i}`, code: x.code, name: x.name, required: x.required, received: x.required, originals: x.originals, certifiedCopies: x.certifiedCopies, copies: x.copies })));
    form.setFieldsValue({ summary: undefined });
    // The server's clock decides the receipt time (the counter PC's clock may be wrong).
    const p = await api.call('calendar.dueDate', { code });
    setDue(p.ok ? p.value : null);
    if (!p.ok) setError(p.error.message);
  };

  // Fees follow the procedure and the copies/pages typed.
  useEffect(() => {
    if (!procedure) return setFees(null);
    const copies = values?.copies || undefined;
    const pagesPerCopy = values?.pagesPerCopy || undefined;
    void api.call('catalog.fees', { code: procedure.procedure.code, copies, pagesPerCopy }).then((r) => setFees(r.ok ? r.value : null));
  }, [procedure, values?.copies, values?.pagesPerCopy]);

  const onCard = useCallback(
    (c: CccdData) => {
      form.setFieldsValue({ fullName: c.fullName, idNumber: c.idNumber, oldIdNumber: c.oldIdNumber, idIssuedOn: c.issueDate, birthDate: formatViDate(c.birthDate), sex: c.sex, address: c.address });
      message.success(`Đã đọc căn cước: ${c.fullName}`);
    },
    [form, message],
  );
  useCccdScanner(onCard, (m) => message.error(m), todayVn());

  const missingRequired = docs.filter((d) => d.required && !d.received);
  const perPage = procedure?.procedure.fees.some((f) => f.kind === 'PER_PAGE_TIERED' || f.kind === 'PER_COPY');

  const buildInput = (v: FormValues): IntakeInput => {
    const birth = blank(v.birthDate);
    const birthIso = birth ? parseViDate(birth) : undefined;
    if (birth && !birthIso) throw new ApiCallError('Ngày sinh phải có dạng dd/mm/yyyy', 'VALIDATION', { birthDate: 'Ngày sinh phải có dạng dd/mm/yyyy' });
    return {
      procedureCode: procedure!.procedure.code,
      channel: v.channel,
      applicant: { fullName: v.fullName, idNumber: v.idNumber, oldIdNumber: blank(v.oldIdNumber), idIssuedOn: blank(v.idIssuedOn), birthDate: birthIso ?? undefined, sex: v.sex, address: v.address, phone: blank(v.phone), email: blank(v.email) },
      owner: v.ownerDiffers ? { type: v.ownerType, name: v.ownerName ?? '', idNumber: blank(v.ownerIdNumber), address: v.ownerAddress ?? '' } : undefined,
      summary: blank(v.summary),
      documents: docs.filter((d) => d.received).map((d) => ({ code: d.code, name: d.name, originals: d.originals, certifiedCopies: d.certifiedCopies, copies: d.copies })),
      sets: v.sets,
      fee: { collection: v.collection, copies: v.copies || undefined, pagesPerCopy: v.pagesPerCopy || undefined },
      resultDelivery: v.resultDelivery,
      deliveryAddress: blank(v.deliveryAddress),
      postalCode: v.channel === '3' ? blank(v.postalCode) : undefined,
      ticketId,
      dueOverride: blank(v.overrideDue) ? { dueAt: v.overrideDue!, reason: v.overrideReason ?? '' } : undefined,
      note: blank(v.note),
    };
  };

  const fieldMap: Record<string, (string | number)[]> = {
    'applicant.fullName': ['fullName'], 'applicant.idNumber': ['idNumber'], 'applicant.birthDate': ['birthDate'], 'applicant.address': ['address'],
    'applicant.phone': ['phone'], 'applicant.email': ['email'], 'owner.name': ['ownerName'], 'owner.idNumber': ['ownerIdNumber'], 'owner.address': ['ownerAddress'],
    deliveryAddress: ['deliveryAddress'], postalCode: ['postalCode'], 'dueOverride.reason': ['overrideReason'], 'dueOverride.dueAt': ['overrideDue'],
  };

  const save = async () => {
    if (!procedure) {
      setError('Chọn thủ tục trước (F2)');
      procRef.current?.focus();
      return;
    }
    setError(null);
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (missingRequired.length) {
      setError(`Thiếu giấy tờ bắt buộc: ${missingRequired.map((d) => d.name).join('; ')}. Hãy lập phiếu yêu cầu bổ sung (Mẫu 02) thay vì tiếp nhận.`);
      return;
    }
    setBusy(true);
    try {
      const d = await receiving.current.run(async (requestId) =>
        postalHandover && postal
          ? (await api.must('postal.receiveItem', { handoverId: postalHandover, postalCode: postal, intake: buildInput(v), requestId })).dossier
          : await api.must('dossier.receive', { ...buildInput(v), requestId }),
      );
      if (!d) return; // a second press while the first save is on its way
      setSaved(d);
      message.success(`Đã tiếp nhận hồ sơ ${d.code}`);
    } catch (e) {
      setError(saveError(applyServerErrors(form, e, fieldMap), e));
    } finally {
      setBusy(receiving.current.busy);
    }
  };

  const recordOutcome = async (kind: 'supplement_request' | 'refusal') => {
    if (!procedure) return setError('Chọn thủ tục trước (F2)');
    const v = form.getFieldsValue();
    const reason = kind === 'supplement_request' ? `Cần bổ sung: ${missingRequired.map((d) => d.name).join('; ') || (v.note ?? '')}` : v.note ?? '';
    setBusy(true);
    try {
      const input = buildInput(v);
      const items = missingRequired.map((d) => ({ code: d.code, name: d.name, originals: d.originals, certifiedCopies: d.certifiedCopies, copies: d.copies }));
      if (postalHandover && postal && kind === 'supplement_request') {
        const done = await recording.current.run((requestId) =>
          api.must('postal.markIncomplete', { handoverId: postalHandover, postalCode: postal, procedureCode: input.procedureCode, applicant: input.applicant, items, reason, sets: v.sets, requestId }),
        );
        if (!done) return;
        message.success(`Đã lập phiếu yêu cầu bổ sung (Mẫu 02) cho bưu gửi ${postal}`);
        return backToPostal();
      }
      const r = await recording.current.run((requestId) =>
        api.must('dossier.recordOutcome', { kind, procedureCode: input.procedureCode, applicant: input.applicant, items, reason, ticketId, requestId }),
      );
      if (!r) return;
      message.success(kind === 'refusal' ? 'Đã ghi nhận từ chối tiếp nhận (Mẫu 03)' : 'Đã lập phiếu yêu cầu bổ sung (Mẫu 02)');
      setSaved(null);
      setError(null);
    } catch (e) {
      setError(saveError(applyServerErrors(form, e, fieldMap), e));
    } finally {
      setBusy(recording.current.busy || receiving.current.busy);
    }
  };

  const reset = () => {
    receiving.current.renew();
    recording.current.renew();
    setSaved(null);
    setProcedure(null);
    setDocs([]);
    setDue(null);
    setError(null);
    form.resetFields();
    setTimeout(() => procRef.current?.focus(), 0);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        procRef.current?.focus();
      } else if (e.ctrlKey && e.key === 'Enter' && !saved) {
        e.preventDefault();
        void save();
      } else if (e.ctrlKey && (e.key === 'n' || e.key === 'N') && saved) {
        e.preventDefault();
        if (postalHandover) backToPostal();
        else reset();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (saved) {
    return (
      <Result
        status="success"
        title={<span data-testid="intake-saved-code">Đã tiếp nhận hồ sơ {saved.code}</span>}
        subTitle={`Hẹn trả kết quả: ${formatViInstant(saved.dueAt)} · Phí, lệ phí: ${formatVnd(saved.feeTotal)}`}
        extra={
          <Space direction="vertical">
            <PrintButtons dossierId={saved.id} autoPrintReceipt />
            {postalHandover ? (
              <Button type="primary" onClick={backToPostal} data-testid="intake-back-postal">Quay lại phiếu nhận bưu chính (Ctrl+N)</Button>
            ) : (
              <Button type="primary" onClick={reset} data-testid="intake-next">Tiếp nhận hồ sơ mới (Ctrl+N)</Button>
            )}
          </Space>
        }
      />
    );
  }

  return (
    <Form form={form} layout="vertical" disabled={busy} onValuesChange={(changed: Partial<FormValues>) => {
      // A typed ID number is no longer the scanned card's: its old ID and issue date do not belong to it.
      if ('idNumber' in changed) form.setFieldsValue({ oldIdNumber: undefined, idIssuedOn: undefined });
    }} initialValues={{ sets: 1, collection: 'THUTRUOC', channel: postal ? '3' : '1', postalCode: postal, resultDelivery: postal ? '1' : '0', ownerDiffers: false, ownerType: '1' }} data-testid="intake-form">
      <Typography.Title level={3} style={{ marginTop: 0 }}>Tiếp nhận hồ sơ</Typography.Title>
      <Typography.Paragraph type="secondary">
        Quét mã QR căn cước bất cứ lúc nào để điền thông tin người nộp · F2 chọn thủ tục · Ctrl+Enter lưu và in giấy tiếp nhận
        {ticketId && <Tag color="blue" style={{ marginLeft: 8 }}>Đang phục vụ theo số thứ tự</Tag>}
        {postalHandover && <Tag color="purple" style={{ marginLeft: 8 }} data-testid="intake-postal-tag">Hồ sơ qua bưu chính · bưu gửi {postal}</Tag>}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="intake-error" />}
      <Card size="small" title="1. Thủ tục" style={{ marginBottom: 12 }}>
        <Select
          ref={(r) => { procRef.current = r; }}
          style={{ width: '100%' }}
          placeholder="Gõ tên hoặc mã thủ tục (không cần dấu)…"
          showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
          value={procedure?.procedure.code}
          onChange={(code: string) => void pick(code)}
          options={options.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))}
          data-testid="intake-procedure"
        />
        {procedure && due && (
          <Descriptions size="small" style={{ marginTop: 8 }} column={3} items={[
            { key: 'f', label: 'Lĩnh vực', children: procedure.procedure.fieldName },
            { key: 'd', label: 'Hẹn trả', children: <b data-testid="intake-due">{formatViInstant(due.due)}</b> },
            { key: 'r', label: 'Cách tính hạn', children: due.notes.length ? <span data-testid="intake-due-notes">{due.notes.join('; ')}</span> : '—' },
          ]} />
        )}
        {due && provisionalDueText(due.provisionalYears) && (
          <Alert type="warning" showIcon title={provisionalDueText(due.provisionalYears)} style={{ marginTop: 8 }} data-testid="intake-due-provisional" />
        )}
      </Card>
      <Card size="small" title="2. Người nộp hồ sơ" style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, message: 'Nhập họ tên người nộp' }]}><Input data-testid="intake-fullName" /></Form.Item></Col>
          <Col span={5}><Form.Item name="idNumber" label="Số định danh (CCCD)" rules={[{ required: true, message: 'Nhập số định danh' }, { pattern: /^(\d{12}|\d{9})$/, message: 'Số định danh gồm 12 chữ số (hoặc 9 với CMND cũ)' }]}><Input data-testid="intake-idNumber" /></Form.Item></Col>
          <Col span={4}><Form.Item name="birthDate" label="Ngày sinh (dd/mm/yyyy)"><Input data-testid="intake-birthDate" /></Form.Item></Col>
          <Col span={3}><Form.Item name="sex" label="Giới tính"><Select allowClear options={[{ value: 'Nam' }, { value: 'Nữ' }]} /></Form.Item></Col>
          <Col span={4}><Form.Item name="phone" label="Điện thoại"><Input data-testid="intake-phone" /></Form.Item></Col>
          <Col span={14}><Form.Item name="address" label="Địa chỉ" rules={[{ required: true, message: 'Nhập địa chỉ' }]}><Input data-testid="intake-address" /></Form.Item></Col>
          <Col span={10}><Form.Item name="email" label="Thư điện tử"><Input data-testid="intake-email" /></Form.Item></Col>
        </Row>
        {/* Read from the card, kept on the dossier as printed; cleared when the clerk types another ID number. */}
        <Form.Item name="oldIdNumber" hidden><Input /></Form.Item>
        <Form.Item name="idIssuedOn" hidden><Input /></Form.Item>
        {(values?.oldIdNumber || values?.idIssuedOn) && (
          <Typography.Text type="secondary" data-testid="intake-card-extra">
            {values.oldIdNumber ? `Số CMND cũ: ${values.oldIdNumber}` : 'Không có số CMND cũ'}
            {values.idIssuedOn ? ` · Ngày cấp thẻ: ${formatViDate(values.idIssuedOn)}` : ''}
          </Typography.Text>
        )}
        <Form.Item name="ownerDiffers" valuePropName="checked" style={{ marginBottom: 8 }}><Checkbox data-testid="intake-ownerDiffers">Chủ hồ sơ khác người nộp (người khác hoặc tổ chức)</Checkbox></Form.Item>
        {values?.ownerDiffers && (
          <Row gutter={12}>
            <Col span={5}><Form.Item name="ownerType" label="Loại chủ hồ sơ"><Select options={Object.entries(OWNER_TYPE_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item></Col>
            <Col span={9}><Form.Item name="ownerName" label="Tên chủ hồ sơ" rules={[{ required: true, message: 'Nhập tên chủ hồ sơ' }]}><Input data-testid="intake-ownerName" /></Form.Item></Col>
            <Col span={4}><Form.Item name="ownerIdNumber" label="Số định danh / mã số"><Input /></Form.Item></Col>
            <Col span={6}><Form.Item name="ownerAddress" label="Địa chỉ chủ hồ sơ" rules={[{ required: true, message: 'Nhập địa chỉ chủ hồ sơ' }]}><Input data-testid="intake-ownerAddress" /></Form.Item></Col>
          </Row>
        )}
      </Card>
      <Card size="small" title="3. Thành phần hồ sơ" style={{ marginBottom: 12 }}>
        <Table<DocRow>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={docs}
          locale={{ emptyText: 'Chọn thủ tục để hiện danh sách giấy tờ' }}
          columns={[
            { title: 'Đã nhận', width: 80, render: (_: unknown, d) => <Checkbox checked={d.received} onChange={(e) => setDocs((x) => x.map((y) => (y.key === d.key ? { ...y, received: e.target.checked } : y)))} data-testid={`intake-doc-${d.key}`} /> },
            { title: 'Giấy tờ', render: (_: unknown, d) => <span>{d.name} {d.required && <Tag color="red">bắt buộc</Tag>}</span> },
            ...(['originals', 'certifiedCopies', 'copies'] as const).map((k) => ({
              title: { originals: 'Bản chính', certifiedCopies: 'Bản chứng thực', copies: 'Bản photo' }[k],
              width: 120,
              render: (_: unknown, d: DocRow) => <InputNumber size="small" min={0} max={99} value={d[k]} onChange={(n) => setDocs((x) => x.map((y) => (y.key === d.key ? { ...y, [k]: Number(n ?? 0) } : y)))} />,
            })),
          ]}
        />
        {missingRequired.length > 0 && <Alert style={{ marginTop: 8 }} type="warning" showIcon title={`Thiếu ${missingRequired.length} giấy tờ bắt buộc: hồ sơ chưa đủ để tiếp nhận.`} data-testid="intake-missing" />}
        <Row gutter={12} style={{ marginTop: 12 }}>
          <Col span={4}><Form.Item name="sets" label="Số bộ hồ sơ"><InputNumber min={1} max={99} /></Form.Item></Col>
          <Col span={20}><Form.Item name="summary" label="Trích yếu (để trống: tên thủ tục)"><Input /></Form.Item></Col>
        </Row>
      </Card>
      <Card size="small" title="4. Phí, lệ phí và trả kết quả" style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          {perPage && <Col span={4}><Form.Item name="copies" label="Số bản"><InputNumber min={1} max={999} data-testid="intake-copies" /></Form.Item></Col>}
          {perPage && <Col span={4}><Form.Item name="pagesPerCopy" label="Số trang mỗi bản"><InputNumber min={1} max={10000} data-testid="intake-pages" /></Form.Item></Col>}
          <Col span={8}><Form.Item name="collection" label="Hình thức thu"><Radio.Group options={(['THUTRUOC', 'THUSAU', 'MIEN'] as const).map((v) => ({ value: v, label: FEE_COLLECTION_LABELS[v] }))} /></Form.Item></Col>
          <Col span={8}><Form.Item label="Tổng phí, lệ phí"><b data-testid="intake-fee-total">{fees ? formatVnd(fees.total) : '—'}</b>{fees && fees.lines.length > 0 && <div style={{ fontSize: 12 }}>{fees.lines.map((l) => `${l.name}: ${formatVnd(l.amount)}`).join('; ')}</div>}</Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="channel" label="Kênh nộp"><Radio.Group disabled={!!postalHandover} options={[{ value: '1', label: 'Trực tiếp' }, { value: '3', label: 'Qua bưu chính' }]} /></Form.Item></Col>
          {values?.channel === '3' && <Col span={6}><Form.Item name="postalCode" label="Mã bưu gửi" rules={[{ required: true, message: 'Nhập mã bưu gửi' }]}><Input readOnly={!!postalHandover} data-testid="intake-postalCode" /></Form.Item></Col>}
          <Col span={10}><Form.Item name="resultDelivery" label="Nhận kết quả"><Radio.Group options={[{ value: '0', label: 'Tại Bộ phận Một cửa' }, { value: '1', label: 'Qua bưu chính' }]} data-testid="intake-delivery" /></Form.Item></Col>
          {values?.resultDelivery === '1' && <Col span={24}><Form.Item name="deliveryAddress" label="Địa chỉ nhận kết quả" rules={[{ required: true, message: 'Nhập địa chỉ nhận kết quả' }]}><Input data-testid="intake-deliveryAddress" /></Form.Item></Col>}
        </Row>
        {hasRole('supervisor', 'admin') && (
          <Row gutter={12}>
            <Col span={8}><Form.Item name="overrideDue" label="Ấn định hạn trả khác (ISO, trưởng bộ phận)"><Input placeholder="2026-03-10T16:00:00+07:00" /></Form.Item></Col>
            <Col span={16}><Form.Item name="overrideReason" label="Lý do"><Input /></Form.Item></Col>
          </Row>
        )}
        <Form.Item name="note" label="Ghi chú / lý do (khi từ chối)"><Input.TextArea rows={2} data-testid="intake-note" /></Form.Item>
      </Card>
      <Divider />
      <Space>
        <Button type="primary" size="large" loading={busy} onClick={() => void save()} data-testid="intake-save">Lưu và in giấy tiếp nhận (Ctrl+Enter)</Button>
        <Button size="large" onClick={() => void recordOutcome('supplement_request')} disabled={!procedure || busy} data-testid="intake-supplement">Yêu cầu bổ sung (Mẫu 02)</Button>
        {!postalHandover && <Button size="large" danger onClick={() => void recordOutcome('refusal')} disabled={!procedure || busy} data-testid="intake-refuse">Từ chối tiếp nhận (Mẫu 03)</Button>}
      </Space>
    </Form>
  );
}
