import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboundCandidate } from '../../../shared/postal/postal-types';
import type { RenderedDocument } from '../../../shared/api/printing-contract';
import { checkPostalCode } from '../../../shared/postal/postal-code';
import { formatVnd } from '../../../shared/domain/money';
import { api, ApiCallError } from '../../api/client';
import { applyServerErrors } from '../../components/form-errors';
import { PrintPreview } from '../dossiers/PrintButtons';
import { blank, confirmBadDigit, lastParty, PartyFields, rememberParty, usePostalChanged, type PartyValues } from './postal-ui';

interface Line {
  code: string;
  fee: number | null;
  confirm: boolean;
}

const codeInputs = () => Array.from(document.querySelectorAll<HTMLInputElement>('input[data-postal-out-code]'));

/**
 * Outbound: every result ready to leave by post (and every incomplete postal dossier to send back), a
 * code per item — typing or scanning one selects the row and Enter moves to the next —, the postal
 * employee, and one hand-over that returns them all and prints the slip.
 */
export function OutboundTab() {
  const { t } = useTranslation('postal');
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<PartyValues>();
  const [items, setItems] = useState<OutboundCandidate[]>([]);
  const [lines, setLines] = useState<Record<string, Line>>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [doc, setDoc] = useState<RenderedDocument | null>(null);

  const load = useCallback(async () => {
    const r = await api.call('postal.outboundCandidates', {});
    if (!r.ok) return setError(r.error.message);
    setItems(r.value);
    const keys = new Set(r.value.map((c) => c.key));
    setSelected((s) => s.filter((k) => keys.has(k)));
  }, []);
  useEffect(() => void load(), [load]);
  usePostalChanged(load);

  const line = (key: string): Line => lines[key] ?? { code: '', fee: null, confirm: false };
  const setLine = (key: string, patch: Partial<Line>) => setLines((l) => ({ ...l, [key]: { ...line(key), ...patch } }));
  const onCode = (key: string, value: string) => {
    setLine(key, { code: value, confirm: false });
    setRowErrors((e) => ({ ...e, [key]: '' }));
    if (value.trim() && !selected.includes(key)) setSelected((s) => [...s, key]);
  };
  const chosen = useMemo(() => items.filter((c) => selected.includes(c.key)), [items, selected]);
  const totalFee = chosen.reduce((s, c) => s + (line(c.key).fee ?? 0), 0);

  const submit = async (): Promise<void> => {
    setError(null);
    let party: PartyValues;
    try {
      party = await form.validateFields();
    } catch {
      return;
    }
    if (!chosen.length) return setError(t('outbound.chooseOne'));
    // Check every code here first: a missing one is named, a wrong check digit must be confirmed row by row.
    const errs: Record<string, string> = {};
    const confirmedNow: Record<string, boolean> = {};
    for (const c of chosen) {
      const l = line(c.key);
      if (!l.code.trim()) {
        errs[c.key] = t('outbound.missingCode', { code: c.dossierCode ?? c.inboundPostalCode });
        continue;
      }
      const k = checkPostalCode(l.code, l.confirm);
      if (k.ok) continue;
      if (!k.badCheckDigit) errs[c.key] = k.message;
      else if (await confirmBadDigit(modal, t, k.message)) {
        confirmedNow[c.key] = true;
        setLine(c.key, { confirm: true });
      } else errs[c.key] = k.message;
    }
    setRowErrors(errs);
    if (Object.values(errs).some(Boolean)) return;
    setBusy(true);
    try {
      const r = await api.must('postal.handOver', {
        employeeName: party.employeeName,
        employeePhone: blank(party.employeePhone),
        postOffice: party.postOffice,
        items: chosen.map((c) => {
          const l = line(c.key);
          return { dossierId: c.dossierId ?? undefined, inboundItemId: c.inboundItemId ?? undefined, postalCode: l.code, confirmNonS10: l.confirm || confirmedNow[c.key] || undefined, postalFee: c.kind === 'result' && l.fee ? l.fee : undefined };
        }),
      });
      rememberParty(party);
      r.warnings.forEach((w) => message.warning(w));
      message.success(t('outbound.done', { n: r.handover.counts.items, number: r.handover.number }));
      setSelected([]);
      setLines({});
      setDoc(r.document);
      void load();
    } catch (e) {
      if (e instanceof ApiCallError && e.fields) {
        // Per-line messages come back as items.N.field: put each on its row.
        const byRow: Record<string, string> = {};
        for (const [path, msg] of Object.entries(e.fields)) {
          const m = /^items\.(\d+)/.exec(path);
          if (m && chosen[Number(m[1])] && !path.endsWith('confirmNonS10')) byRow[chosen[Number(m[1])].key] = msg;
        }
        setRowErrors(byRow);
      }
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.key === 'Enter' && !doc) {
        e.preventDefault();
        void submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form form={form} layout="vertical" initialValues={lastParty()} data-testid="postal-out-form">
          <PartyFields t={t} prefix="postal-out" compact />
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="postal-out-error" />}
      <Table<OutboundCandidate>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('outbound.none') }}
        rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]), getCheckboxProps: (r) => ({ 'data-testid': `postal-out-check-${r.dossierCode ?? r.inboundPostalCode}` }) as never }}
        title={() => <Typography.Text strong>{t('outbound.waiting', { n: items.length })}</Typography.Text>}
        data-testid="postal-out-table"
        columns={[
          {
            title: t('outbound.code'),
            width: 230,
            render: (_: unknown, r) => (
              <div>
                {r.kind === 'result' ? <b>{r.dossierCode}</b> : <Tag color="orange">{t('outbound.supplementReturn')}</Tag>}
                {r.inboundPostalCode && <div style={{ fontSize: 12, color: '#888' }}>{t('outbound.inboundCode', { code: r.inboundPostalCode })}</div>}
              </div>
            ),
          },
          { title: t('outbound.owner'), dataIndex: 'ownerName', width: 190 },
          { title: t('outbound.procedure'), dataIndex: 'procedureName', ellipsis: true },
          { title: t('outbound.sets'), dataIndex: 'sets', width: 60, align: 'center' },
          { title: t('outbound.address'), dataIndex: 'deliveryAddress', ellipsis: true },
          {
            title: t('outbound.postalCode'),
            width: 200,
            render: (_: unknown, r, i) => (
              <div>
                <Input
                  size="small"
                  value={line(r.key).code}
                  status={rowErrors[r.key] ? 'error' : undefined}
                  onChange={(e) => onCode(r.key, e.target.value)}
                  onPressEnter={() => codeInputs()[i + 1]?.focus()}
                  style={{ fontFamily: 'monospace' }}
                  data-postal-out-code=""
                  data-testid={`postal-out-code-${r.dossierCode ?? r.inboundPostalCode}`}
                />
                {rowErrors[r.key] && <div style={{ color: '#ff4d4f', fontSize: 12 }} data-testid="postal-out-row-error">{rowErrors[r.key]}</div>}
              </div>
            ),
          },
          {
            title: t('outbound.fee'),
            width: 120,
            render: (_: unknown, r) =>
              r.kind === 'result' ? (
                <InputNumber<number>
                  size="small"
                  min={0}
                  step={1000}
                  value={line(r.key).fee}
                  onChange={(n) => setLine(r.key, { fee: n ?? null })}
                  formatter={(v) => (v ? String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.') : '')}
                  parser={(v) => Number((v ?? '').replace(/\D/g, '')) || 0}
                  style={{ width: '100%' }}
                  data-testid={`postal-out-fee-${r.dossierCode}`}
                />
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" size="large" loading={busy} disabled={!chosen.length} onClick={() => void submit()} data-testid="postal-out-submit">
          {t('outbound.handOver')}
        </Button>
        <Typography.Text data-testid="postal-out-summary">{t('outbound.selected', { n: chosen.length, sets: chosen.reduce((s, c) => s + c.sets, 0), fee: formatVnd(totalFee) })}</Typography.Text>
        <Button onClick={() => void load()}>{t('outbound.reload')}</Button>
      </Space>
      <PrintPreview doc={doc} onClose={() => setDoc(null)} />
    </>
  );
}
