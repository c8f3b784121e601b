import { useCallback, useEffect, useState } from 'react';
import { Alert, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcedureDetail, ProcedureSummary } from '../../../shared/api/catalog-contract';
import type { HandoverItemView, HandoverView } from '../../../shared/postal/postal-types';
import { api } from '../../api/client';
import { applyServerErrors } from '../../components/form-errors';
import { blank } from './postal-ui';

interface Values {
  procedureCode: string;
  fullName: string;
  idNumber: string;
  address: string;
  phone?: string;
  missing: string[];
  reason: string;
  sets: number;
}

const FIELD_MAP: Record<string, string[]> = {
  'applicant.fullName': ['fullName'], 'applicant.idNumber': ['idNumber'], 'applicant.address': ['address'], 'applicant.phone': ['phone'],
};

/**
 * A postal item whose dossier lacks papers: the clerk reads the applicant from the envelope's contents
 * and records the request to complete (Mẫu 02), which goes back to the applicant by post.
 */
export function IncompleteModal({ handoverId, item, onClose, onDone }: { handoverId: string; item: HandoverItemView | null; onClose(): void; onDone(h: HandoverView, outcomeId: string): void }) {
  const { t } = useTranslation('postal');
  const [form] = Form.useForm<Values>();
  const [options, setOptions] = useState<ProcedureSummary[]>([]);
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const search = useCallback(async (query: string) => {
    const r = await api.call('catalog.search', { query, limit: 20 });
    if (r.ok) setOptions(r.value);
  }, []);
  useEffect(() => {
    if (!item) return;
    form.resetFields();
    setProcedure(null);
    setError(null);
    void search('');
  }, [item, form, search]);

  const pick = async (code: string) => {
    const d = await api.must('catalog.get', { code });
    setProcedure(d);
    form.setFieldsValue({ missing: [] });
  };
  const missing = Form.useWatch('missing', form) ?? [];
  useEffect(() => {
    // The reason starts as the list of missing papers; the clerk may add to it.
    if (missing.length) form.setFieldsValue({ reason: `Cần bổ sung: ${missing.join('; ')}` });
  }, [missing.join('|')]);

  const submit = async () => {
    if (!item) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const docs = procedure?.procedure.documents ?? [];
      const r = await api.must('postal.markIncomplete', {
        handoverId,
        postalCode: item.postalCode,
        procedureCode: v.procedureCode,
        applicant: { fullName: v.fullName, idNumber: v.idNumber, address: v.address, phone: blank(v.phone) },
        items: docs.filter((d) => v.missing.includes(d.name)).map((d) => ({ code: d.code, name: d.name, originals: d.originals, certifiedCopies: d.certifiedCopies, copies: d.copies })),
        reason: v.reason,
        sets: v.sets,
      });
      onDone(r.handover, r.outcome.id);
    } catch (e) {
      setError(applyServerErrors(form, e, FIELD_MAP));
    } finally {
      setBusy(false);
    }
  };

  const req = [{ required: true, whitespace: true, message: t('incompleteModal.required') }];
  return (
    <Modal
      open={!!item}
      width={820}
      title={item ? t('incompleteModal.title', { code: item.postalCode }) : ''}
      okText={t('incompleteModal.ok')}
      okButtonProps={{ loading: busy, 'data-testid': 'postal-incomplete-ok' } as never}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ sets: item?.sets ?? 1, missing: [] }} data-testid="postal-incomplete-form">
        <Form.Item name="procedureCode" label={t('incompleteModal.procedure')} rules={[{ required: true, message: t('incompleteModal.required') }]}>
          <Select
            autoFocus
            placeholder={t('incompleteModal.procedurePlaceholder')}
            showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
            onChange={(code: string) => void pick(code)}
            options={options.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))}
            data-testid="postal-incomplete-procedure"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}><Form.Item name="fullName" label={t('incompleteModal.fullName')} rules={req}><Input data-testid="postal-incomplete-fullName" /></Form.Item></Col>
          <Col span={7}><Form.Item name="idNumber" label={t('incompleteModal.idNumber')} rules={[...req, { pattern: /^(\d{12}|\d{9})$/, message: 'Số định danh gồm 12 chữ số (hoặc 9 với CMND cũ)' }]}><Input data-testid="postal-incomplete-idNumber" /></Form.Item></Col>
          <Col span={7}><Form.Item name="phone" label={t('incompleteModal.phone')}><Input data-testid="postal-incomplete-phone" /></Form.Item></Col>
          <Col span={20}><Form.Item name="address" label={t('incompleteModal.address')} rules={req}><Input data-testid="postal-incomplete-address" /></Form.Item></Col>
          <Col span={4}><Form.Item name="sets" label={t('incompleteModal.sets')}><InputNumber min={1} max={99} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        {procedure && (
          <Form.Item name="missing" label={t('incompleteModal.missing')}>
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={procedure.procedure.documents.map((d, i) => ({ value: d.name, label: <span data-testid={`postal-missing-${i}`}>{d.name}{d.required ? ' (bắt buộc)' : ''}</span> }))}
            />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('incompleteModal.reason')} rules={req}>
          <Input.TextArea rows={3} data-testid="postal-incomplete-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
