/**
 * The administrator's local edits of a procedure (fees, time limit, documents), each in its
 * own modal. What is saved is an override: a later import or provincial pull keeps it.
 */
import { useEffect } from 'react';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '../../../shared/api/catalog-contract';
import type { ProcedureDocument, ProcedureDuration, ProcedureFee } from '../../../shared/catalog/procedure';
import { api, ApiCallError } from '../../api/client';

export type EditorKind = 'fees' | 'duration' | 'documents';

interface FeeForm {
  code: string;
  name: string;
  kind: ProcedureFee['kind'];
  amount?: number | null;
  tiers?: { fromPage: number; toPage?: number | null; pricePerPage: number }[];
  capPerCopy?: number | null;
  note?: string;
}

const blankToUndefined = <T,>(v: T | null | undefined | ''): T | undefined => (v === null || v === '' ? undefined : v);

/** Form values → the API's fee shape: only the fields the pricing kind uses. */
function toFee(f: FeeForm): ProcedureFee {
  const base = { code: f.code, name: f.name, kind: f.kind, ...(blankToUndefined(f.note?.trim()) && { note: f.note!.trim() }) };
  if (f.kind === 'FREE') return base;
  if (f.kind === 'PER_PAGE_TIERED') {
    const tiers = (f.tiers ?? []).map((x) => ({ fromPage: x.fromPage, toPage: blankToUndefined(x.toPage) ?? null, pricePerPage: x.pricePerPage }));
    const cap = blankToUndefined(f.capPerCopy);
    return { ...base, tiers, ...(cap !== undefined && { capPerCopy: cap }) };
  }
  return { ...base, amount: f.amount ?? undefined };
}

function toDuration(d: ProcedureDuration & { extendedAmount?: number | null; extensionNote?: string }): ProcedureDuration {
  const ext = blankToUndefined(d.extendedAmount);
  const note = blankToUndefined(d.extensionNote?.trim());
  return { amount: d.sameDay ? 0 : d.amount, unit: d.unit, sameDay: d.sameDay, ...(ext !== undefined && { extendedAmount: ext }), ...(note && { extensionNote: note }) };
}

/** 'fees.0.amount' → ['fees', 0, 'amount'] for Form.setFields. */
const toNamePath = (key: string) => key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

export function ProcedureEditor({ kind, detail, onClose, onSaved }: { kind: EditorKind | null; detail: ProcedureDetail; onClose: () => void; onSaved: (d: ProcedureDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  useEffect(() => {
    if (!kind) return;
    form.resetFields();
    form.setFieldsValue({ [kind]: detail.procedure[kind] });
  }, [kind, detail, form]);
  if (!kind) return null;

  const save = async (values: Record<string, unknown>) => {
    const input =
      kind === 'fees'
        ? { code: detail.procedure.code, fees: ((values.fees as FeeForm[]) ?? []).map(toFee) }
        : kind === 'duration'
          ? { code: detail.procedure.code, duration: toDuration(values.duration as ProcedureDuration) }
          : { code: detail.procedure.code, documents: (values.documents as ProcedureDocument[]) ?? [] };
    try {
      const saved = await api.must('catalog.update', input);
      message.success(t('catalog:detail.saved'));
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiCallError && e.fields) {
        form.setFields(Object.entries(e.fields).map(([k, m]) => ({ name: toNamePath(k), errors: [m] })));
      }
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal
      open
      width={kind === 'duration' ? 560 : 980}
      title={t(`catalog:edit.${kind}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('catalog:detail.save')}
      cancelText={t('catalog:detail.cancel')}
      okButtonProps={{ 'data-testid': 'procedure-edit-save' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={save} size="small">
        {kind === 'fees' && <FeesFields />}
        {kind === 'duration' && <DurationFields />}
        {kind === 'documents' && <DocumentsFields />}
      </Form>
    </Modal>
  );
}

function FeesFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.List name="fees">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field) => (
            <Card key={field.key} size="small" extra={<Button danger type="link" onClick={() => remove(field.name)}>×</Button>}>
              <Space wrap align="start">
                <Form.Item name={[field.name, 'code']} label={t('catalog:edit.feeCode')} rules={[{ required: true }]}><Input style={{ width: 110 }} /></Form.Item>
                <Form.Item name={[field.name, 'name']} label={t('catalog:edit.feeName')} rules={[{ required: true }]}><Input style={{ width: 360 }} /></Form.Item>
                <Form.Item name={[field.name, 'kind']} label={t('catalog:edit.kind')} rules={[{ required: true }]}>
                  <Select style={{ width: 200 }} options={(['FIXED', 'FREE', 'PER_COPY', 'PER_PAGE_TIERED'] as const).map((k) => ({ value: k, label: t(`catalog:edit.kinds.${k}`) }))} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() => {
                    const k = form.getFieldValue(['fees', field.name, 'kind']) as FeeForm['kind'];
                    if (k === 'FIXED' || k === 'PER_COPY') {
                      return (
                        <Form.Item name={[field.name, 'amount']} label={t('catalog:edit.amount')} rules={[{ required: true }]}>
                          <InputNumber<number> min={0} step={1000} style={{ width: 150 }} data-testid={`fee-amount-${field.name}`} formatter={(v) => String(v ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '.')} parser={(v) => Number(String(v ?? '').replace(/\D/g, ''))} />
                        </Form.Item>
                      );
                    }
                    if (k === 'PER_PAGE_TIERED') {
                      return (
                        <Form.Item name={[field.name, 'capPerCopy']} label={t('catalog:edit.capPerCopy')}>
                          <InputNumber min={0} step={1000} style={{ width: 150 }} />
                        </Form.Item>
                      );
                    }
                    return null;
                  }}
                </Form.Item>
              </Space>
              <Form.Item noStyle shouldUpdate>
                {() => (form.getFieldValue(['fees', field.name, 'kind']) === 'PER_PAGE_TIERED' ? <TierFields parent={field.name} /> : null)}
              </Form.Item>
              <Form.Item name={[field.name, 'note']} label={t('catalog:edit.note')}><Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} /></Form.Item>
            </Card>
          ))}
          <Button onClick={() => add({ kind: 'FIXED' })}>{t('catalog:edit.addFee')}</Button>
        </Space>
      )}
    </Form.List>
  );
}

function TierFields({ parent }: { parent: number }) {
  const { t } = useTranslation();
  return (
    <Form.List name={[parent, 'tiers']}>
      {(fields, { add, remove }) => (
        <Space orientation="vertical">
          {fields.map((f) => (
            <Space key={f.key} align="start">
              <Form.Item name={[f.name, 'fromPage']} label={t('catalog:edit.fromPage')} rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
              <Form.Item name={[f.name, 'toPage']} label={t('catalog:edit.toPage')}><InputNumber min={1} /></Form.Item>
              <Form.Item name={[f.name, 'pricePerPage']} label={t('catalog:edit.pricePerPage')} rules={[{ required: true }]}><InputNumber min={0} step={500} /></Form.Item>
              <Button type="link" danger style={{ marginTop: 24 }} onClick={() => remove(f.name)}>×</Button>
            </Space>
          ))}
          <Button size="small" onClick={() => add({})}>{t('catalog:edit.addTier')}</Button>
        </Space>
      )}
    </Form.List>
  );
}

function DurationFields() {
  const { t } = useTranslation();
  const sameDay = Form.useWatch(['duration', 'sameDay']) as boolean | undefined;
  return (
    <>
      <Form.Item name={['duration', 'sameDay']} label={t('catalog:edit.sameDay')} valuePropName="checked"><Switch data-testid="duration-sameDay" /></Form.Item>
      <Space>
        <Form.Item name={['duration', 'amount']} label={t('catalog:edit.days')} rules={[{ required: !sameDay }]}>
          <InputNumber min={0} max={365} disabled={sameDay} data-testid="duration-amount" />
        </Form.Item>
        <Form.Item name={['duration', 'unit']} label={t('catalog:edit.unit')} rules={[{ required: true }]}>
          <Select style={{ width: 180 }} options={(['WORKING_DAYS', 'CALENDAR_DAYS', 'HOURS'] as const).map((u) => ({ value: u, label: t(`catalog:edit.units.${u}`) }))} />
        </Form.Item>
        <Form.Item name={['duration', 'extendedAmount']} label={t('catalog:edit.extendedAmount')}><InputNumber min={1} max={365} /></Form.Item>
      </Space>
      <Form.Item name={['duration', 'extensionNote']} label={t('catalog:edit.extensionNote')}><Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} /></Form.Item>
    </>
  );
}

function DocumentsFields() {
  const { t } = useTranslation();
  return (
    <Form.List name="documents">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((f) => (
            <Space key={f.key} align="start" wrap>
              <Form.Item name={[f.name, 'code']} label={t('catalog:edit.docCode')} rules={[{ required: true }]}><Input style={{ width: 90 }} /></Form.Item>
              <Form.Item name={[f.name, 'name']} label={t('catalog:edit.docName')} rules={[{ required: true }]}><Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} style={{ width: 420 }} /></Form.Item>
              <Form.Item name={[f.name, 'required']} label={t('catalog:edit.required')} valuePropName="checked"><Checkbox /></Form.Item>
              <Form.Item name={[f.name, 'originals']} label={t('catalog:detail.originals')}><InputNumber min={0} max={99} style={{ width: 70 }} /></Form.Item>
              <Form.Item name={[f.name, 'certifiedCopies']} label={t('catalog:detail.certified')}><InputNumber min={0} max={99} style={{ width: 70 }} /></Form.Item>
              <Form.Item name={[f.name, 'copies']} label={t('catalog:detail.copies')}><InputNumber min={0} max={99} style={{ width: 70 }} /></Form.Item>
              <Button type="link" danger style={{ marginTop: 24 }} onClick={() => remove(f.name)}>×</Button>
            </Space>
          ))}
          <Button onClick={() => add({ required: true, originals: 1, certifiedCopies: 0, copies: 0 })}>{t('catalog:edit.addDocument')}</Button>
        </Space>
      )}
    </Form.List>
  );
}
