import { useCallback, useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Empty, Form, Input, InputNumber, List, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { HandoverItemView, HandoverSummary, HandoverView } from '../../../shared/postal/postal-types';
import type { RenderedDocument } from '../../../shared/api/printing-contract';
import { checkPostalCode } from '../../../shared/postal/postal-code';
import { api, ApiCallError } from '../../api/client';
import { applyServerErrors } from '../../components/form-errors';
import { PrintPreview } from '../dossiers/PrintButtons';
import { formatViInstant } from '../../components/vn-date';
import { IncompleteModal } from './IncompleteModal';
import { blank, confirmBadDigit, lastParty, OutcomeTag, PartyFields, rememberParty, usePostalChanged, type PartyValues } from './postal-ui';

/** Inbound: choose or open a hand-over, then work through its items. */
export function InboundTab({ handoverId, onSelect }: { handoverId: string | null; onSelect(id: string | null): void }) {
  return handoverId ? <InboundBatch id={handoverId} onBack={() => onSelect(null)} /> : <OpenInbound onSelect={onSelect} />;
}

function OpenInbound({ onSelect }: { onSelect(id: string): void }) {
  const { t } = useTranslation('postal');
  const { message } = App.useApp();
  const [form] = Form.useForm<PartyValues>();
  const [open, setOpen] = useState<HandoverSummary[]>([]);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    const r = await api.call('postal.list', { state: 'open', direction: 'IN' });
    if (r.ok) setOpen(r.value);
  }, []);
  useEffect(() => void load(), [load]);
  usePostalChanged(load);

  const submit = async () => {
    let v: PartyValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const h = await api.must('postal.openInbound', { employeeName: v.employeeName, employeePhone: blank(v.employeePhone), postOffice: v.postOffice });
      rememberParty(v);
      message.success(t('inbound.opened', { number: h.number }));
      onSelect(h.id);
    } catch (e) {
      message.error(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={16}>
      <Col span={14}>
        <Card size="small" title={t('inbound.openTitle')}>
          <Form form={form} layout="vertical" initialValues={lastParty()} onFinish={() => void submit()} data-testid="postal-open-form">
            <PartyFields t={t} prefix="postal-in" />
            <Button type="primary" htmlType="submit" loading={busy} data-testid="postal-open">{t('inbound.open')}</Button>
          </Form>
        </Card>
      </Col>
      <Col span={10}>
        <Card size="small" title={t('inbound.openList')}>
          <List
            size="small"
            locale={{ emptyText: t('inbound.noneOpen') }}
            dataSource={open}
            renderItem={(h) => (
              <List.Item actions={[<Button key="c" size="small" onClick={() => onSelect(h.id)} data-testid={`postal-continue-${h.number}`}>{t('inbound.continue')}</Button>]}>
                <List.Item.Meta title={`${h.number} · ${h.employeeName}`} description={`${h.postOffice} · ${formatViInstant(h.openedAt)} · ${h.counts.items} bưu gửi, ${h.counts.pending} chưa xử lý`} />
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}

function InboundBatch({ id, onBack }: { id: string; onBack(): void }) {
  const { t } = useTranslation('postal');
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [h, setH] = useState<HandoverView | null>(null);
  const [code, setCode] = useState('');
  const [damaged, setDamaged] = useState(false);
  const [sealNote, setSealNote] = useState('');
  const [sets, setSets] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [doc, setDoc] = useState<RenderedDocument | null>(null);
  const [incomplete, setIncomplete] = useState<HandoverItemView | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<InputRef>(null);

  const load = useCallback(async () => {
    const r = await api.call('postal.get', { id });
    if (r.ok) setH(r.value);
    else setError(r.error.message);
  }, [id]);
  useEffect(() => void load(), [load]);
  usePostalChanged(load);
  const focusCode = () => setTimeout(() => codeRef.current?.focus(), 0);

  const add = async (confirmNonS10 = false) => {
    if (!h || busy) return;
    setError(null);
    // Checked here first so a misread scan is caught before the round trip; the server checks again.
    const local = checkPostalCode(code, confirmNonS10);
    if (!local.ok && !local.badCheckDigit) return setError(local.message);
    if (!local.ok && local.badCheckDigit) {
      if (await confirmBadDigit(modal, t, local.message)) return add(true);
      return focusCode();
    }
    setBusy(true);
    try {
      const r = await api.must('postal.addItem', { handoverId: h.id, postalCode: code, confirmNonS10, seal: damaged ? 'damaged' : 'intact', sealNote: damaged ? blank(sealNote) : undefined, sets });
      setH(r.handover);
      if (r.warning) message.warning(r.warning);
      else message.success(t('inbound.added', { code: local.code }));
      setCode('');
      setDamaged(false);
      setSealNote('');
      setSets(1);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : String(e));
    } finally {
      setBusy(false);
      focusCode();
    }
  };

  const remove = async (item: HandoverItemView) => {
    const r = await api.call('postal.removeItem', { itemId: item.id });
    if (r.ok) setH(r.value);
    else message.error(r.error.message);
  };

  const close = async () => {
    if (!h) return;
    setError(null);
    setBusy(true);
    const r = await api.call('postal.closeInbound', { handoverId: h.id });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setH(r.value.handover);
    message.success(t('inbound.closed', { number: r.value.handover.number }));
    setDoc(r.value.document);
  };

  const printSlip = async () => {
    if (!h) return;
    const r = await api.call('postal.printSlip', { handoverId: h.id });
    if (r.ok) setDoc(r.value);
    else message.error(r.error.message);
  };
  const printForm02 = async (item: HandoverItemView) => {
    const r = await api.call('printing.render', { subjectId: item.outcomeId!, form: 'supplementRequest' });
    if (r.ok) setDoc(r.value);
    else message.error(r.error.message);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.key === 'Enter' && h?.state === 'open' && !doc && !incomplete) {
        e.preventDefault();
        void close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!h) return error ? <Alert type="error" showIcon title={error} /> : null;
  const isOpen = h.state === 'open';
  return (
    <>
      <Card
        size="small"
        style={{ marginBottom: 12 }}
        title={
          <Space>
            <span data-testid="postal-in-number">{t('inbound.slip', { number: h.number })}</span>
            <Tag color={isOpen ? 'processing' : 'default'}>{isOpen ? 'Đang mở' : 'Đã kết thúc'}</Tag>
          </Space>
        }
        extra={<Button size="small" onClick={onBack} data-testid="postal-in-back">{t('inbound.back')}</Button>}
      >
        <Descriptions size="small" column={4} items={[
          { key: 'e', label: t('party.employeeName'), children: h.employeeName },
          { key: 'p', label: t('party.employeePhone'), children: h.employeePhone ?? '—' },
          { key: 'o', label: t('party.postOffice'), children: h.postOffice },
          { key: 'c', label: 'Bưu gửi', children: <span data-testid="postal-in-counts">{h.counts.items} · {h.counts.sets} bộ · {h.counts.received} tiếp nhận · {h.counts.incomplete} thiếu</span> },
        ]} />
        {isOpen && (
          <Row gutter={8} align="bottom" style={{ marginTop: 8 }}>
            <Col flex="260px">
              <Typography.Text type="secondary">{t('inbound.scanLabel')}</Typography.Text>
              <Input
                ref={codeRef}
                autoFocus
                value={code}
                placeholder={t('inbound.scanPlaceholder')}
                onChange={(e) => setCode(e.target.value)}
                onPressEnter={() => void add()}
                size="large"
                style={{ fontFamily: 'monospace' }}
                data-testid="postal-in-code"
              />
            </Col>
            <Col flex="90px">
              <Typography.Text type="secondary">{t('inbound.sets')}</Typography.Text>
              <InputNumber size="large" min={1} max={99} value={sets} onChange={(n) => setSets(Number(n ?? 1))} style={{ width: '100%' }} data-testid="postal-in-sets" />
            </Col>
            <Col flex="none" style={{ paddingBottom: 10 }}>
              <Checkbox checked={damaged} onChange={(e) => setDamaged(e.target.checked)} data-testid="postal-in-damaged">{t('inbound.damaged')}</Checkbox>
            </Col>
            {damaged && (
              <Col flex="auto">
                <Typography.Text type="secondary">{t('inbound.sealNote')}</Typography.Text>
                <Input size="large" value={sealNote} onChange={(e) => setSealNote(e.target.value)} onPressEnter={() => void add()} data-testid="postal-in-sealNote" />
              </Col>
            )}
            <Col flex="none">
              <Button size="large" type="primary" loading={busy} onClick={() => void add()} data-testid="postal-in-add">{t('inbound.add')}</Button>
            </Col>
          </Row>
        )}
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="postal-in-error" />}
      <Table<HandoverItemView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={h.items}
        locale={{ emptyText: <Empty description={t('inbound.empty')} /> }}
        data-testid="postal-in-items"
        onRow={(r) => ({ 'data-testid': `postal-in-row-${r.postalCode}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('cols.no'), width: 50, render: (_: unknown, r) => r.idx + 1 },
          { title: t('cols.postalCode'), dataIndex: 'postalCode', width: 170, render: (c: string, r) => <span style={{ fontFamily: 'monospace' }}>{c}{r.codeKind !== 's10' && <Tag color="gold" style={{ marginLeft: 6 }}>{r.codeKind === 'confirmed' ? 'đã xác nhận' : 'không S10'}</Tag>}</span> },
          { title: t('cols.seal'), width: 170, render: (_: unknown, r) => (r.seal === 'intact' ? t('seal.intact') : <Tag color="red">{r.sealNote ?? t('seal.damaged')}</Tag>) },
          { title: t('cols.sets'), dataIndex: 'sets', width: 70, align: 'center' },
          { title: t('cols.outcome'), width: 170, render: (_: unknown, r) => <OutcomeTag outcome={r.outcome} t={t} /> },
          { title: t('cols.dossier'), render: (_: unknown, r) => (r.dossierCode || r.ownerName ? <span>{r.dossierCode && <b>{r.dossierCode}</b>} {r.ownerName}</span> : '—') },
          {
            title: t('cols.actions'),
            width: 330,
            render: (_: unknown, r) => (
              <Space size={4}>
                {isOpen && r.outcome === 'pending' && (
                  <>
                    <Button size="small" type="primary" onClick={() => navigate(`/tiep-nhan?postal=${encodeURIComponent(r.postalCode)}&handover=${h.id}`)} data-testid={`postal-receive-${r.postalCode}`}>{t('inbound.receive')}</Button>
                    <Button size="small" onClick={() => setIncomplete(r)} data-testid={`postal-incomplete-${r.postalCode}`}>{t('inbound.incomplete')}</Button>
                    <Popconfirm title={t('inbound.removeConfirm', { code: r.postalCode })} onConfirm={() => void remove(r)}>
                      <Button size="small" danger>{t('inbound.remove')}</Button>
                    </Popconfirm>
                  </>
                )}
                {r.outcome === 'incomplete' && r.outcomeId && <Button size="small" onClick={() => void printForm02(r)} data-testid={`postal-form02-${r.postalCode}`}>{t('inbound.printForm02')}</Button>}
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        {isOpen ? (
          <Button type="primary" size="large" loading={busy} disabled={!h.items.length || h.counts.pending > 0} onClick={() => void close()} data-testid="postal-in-close">
            {t('inbound.close')}
          </Button>
        ) : (
          <Button size="large" onClick={() => void printSlip()} data-testid="postal-in-reprint">{t('history.reprint')}</Button>
        )}
        {isOpen && h.counts.pending > 0 && <Typography.Text type="secondary">{t('inbound.pendingLeft', { n: h.counts.pending })}</Typography.Text>}
      </Space>
      <IncompleteModal
        handoverId={h.id}
        item={incomplete}
        onClose={() => setIncomplete(null)}
        onDone={(next, outcomeId) => {
          setH(next);
          setIncomplete(null);
          void api.call('printing.render', { subjectId: outcomeId, form: 'supplementRequest' }).then((r) => r.ok && setDoc(r.value));
        }}
      />
      <PrintPreview doc={doc} onClose={() => { setDoc(null); focusCode(); }} />
    </>
  );
}
