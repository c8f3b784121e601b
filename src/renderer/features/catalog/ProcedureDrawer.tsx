import { useCallback, useEffect, useState } from 'react';
import { App, Button, Descriptions, Drawer, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FeeQuote, ProcedureDetail } from '../../../shared/api/catalog-contract';
import type { DueDatePreview } from '../../../shared/api/calendar-contract';
import { ONLINE_LEVEL_LABELS, PROCEDURE_LEVEL_LABELS, type ProcedureDocument, type ProcedureFee } from '../../../shared/catalog/procedure';
import { formatVnd } from '../../../shared/domain/money';
import { api } from '../../api/client';
import { DueDateTag, formatDue } from '../../components/DueDateTag';
import { durationLabel, feeAmountLabel } from './format';
import { ProcedureEditor, type EditorKind } from './ProcedureEditors';

/** A procedure as the counter will use it, with the administrator's edit buttons per section. */
export function ProcedureDrawer({ code, onClose, onChanged }: { code: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<ProcedureDetail | null>(null);
  const [editing, setEditing] = useState<EditorKind | null>(null);
  const [due, setDue] = useState<DueDatePreview | null>(null);

  const load = useCallback(async () => {
    if (!code) return;
    const [d, p] = await Promise.all([api.call('catalog.get', { code }), api.call('calendar.dueDate', { code })]);
    if (d.ok) setDetail(d.value);
    else message.error(d.error.message);
    setDue(p.ok ? p.value : null);
  }, [code, message]);
  useEffect(() => {
    setDetail(null);
    void load();
  }, [load]);

  const revert = async (kind: EditorKind) => {
    const r = await api.call('catalog.update', { code: code!, [kind]: null });
    if (!r.ok) return message.error(r.error.message);
    setDetail(r.value);
    message.success(t('catalog:detail.reverted'));
    onChanged();
  };

  const p = detail?.procedure;
  const sectionTitle = (kind: EditorKind, label: string) => (
    <Space>
      <span>{label}</span>
      {detail?.overrides[kind] !== undefined && <Tag color="blue">{t('catalog:overridden')}</Tag>}
      <Button size="small" onClick={() => setEditing(kind)} data-testid={`procedure-edit-${kind}`}>{t('catalog:detail.edit')}</Button>
      {detail?.overrides[kind] !== undefined && (
        <Button size="small" type="link" onClick={() => void revert(kind)} data-testid={`procedure-revert-${kind}`}>{t('catalog:detail.revert')}</Button>
      )}
    </Space>
  );

  return (
    <Drawer open={code !== null} onClose={onClose} size={860} title={p ? `${p.code} · ${p.name}` : t('catalog:detail.title')} data-testid="procedure-drawer">
      {p && detail && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              { key: 'code', label: t('catalog:detail.code'), children: p.code },
              { key: 'local', label: t('catalog:detail.localCode'), children: p.localCode ?? '—' },
              { key: 'field', label: t('catalog:detail.field'), children: `${p.fieldName} (${p.fieldCode})` },
              { key: 'level', label: t('catalog:detail.level'), children: PROCEDURE_LEVEL_LABELS[p.level] },
              { key: 'agency', label: t('catalog:detail.agency'), children: p.competentAgency, span: 2 },
              { key: 'online', label: t('catalog:detail.online'), children: ONLINE_LEVEL_LABELS[p.onlineLevel], span: 2 },
              {
                key: 'status',
                label: t('catalog:detail.status'),
                children: p.inForce ? <Tag color="green">{t('catalog:inForce')}</Tag> : <Tag>{t('catalog:withdrawn')}</Tag>,
              },
              { key: 'source', label: t('catalog:detail.source'), children: `${t(`catalog:source.${detail.source}`)} · ${formatDue(detail.updatedAt)}` },
            ]}
          />

          <div>
            <Typography.Title level={5}>{sectionTitle('duration', t('catalog:detail.duration'))}</Typography.Title>
            <Typography.Paragraph data-testid="procedure-duration">
              {p.duration.sameDay ? t('catalog:sameDayHelp') : durationLabel(p.duration, t)}
              {p.duration.extensionNote && <Typography.Text type="secondary"> — {p.duration.extensionNote}</Typography.Text>}
            </Typography.Paragraph>
            {due && (
              <Space data-testid="procedure-due-preview">
                <Typography.Text>{t('catalog:detail.duePreview', { due: formatDue(due.due) })}</Typography.Text>
                <DueDateTag days={due.daysRemaining} due={due.due} />
              </Space>
            )}
          </div>

          <div>
            <Typography.Title level={5}>{sectionTitle('documents', t('catalog:detail.documents'))}</Typography.Title>
            <Table<ProcedureDocument>
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={p.documents}
              columns={[
                { title: t('catalog:detail.docName'), dataIndex: 'name' },
                { title: '', dataIndex: 'required', width: 90, render: (r: boolean) => (r ? <Tag color="red">{t('catalog:detail.required')}</Tag> : <Tag>{t('catalog:detail.optional')}</Tag>) },
                { title: t('catalog:detail.originals'), dataIndex: 'originals', width: 80, align: 'center' },
                { title: t('catalog:detail.certified'), dataIndex: 'certifiedCopies', width: 100, align: 'center' },
                { title: t('catalog:detail.copies'), dataIndex: 'copies', width: 80, align: 'center' },
              ]}
            />
          </div>

          <div>
            <Typography.Title level={5}>{sectionTitle('fees', t('catalog:detail.fees'))}</Typography.Title>
            <Table<ProcedureFee>
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={p.fees}
              data-testid="procedure-fees"
              columns={[
                { title: t('catalog:detail.feeName'), dataIndex: 'name', width: '32%' },
                { title: t('catalog:detail.feeAmount'), width: 240, render: (_: unknown, f) => feeAmountLabel(f, t) },
                { title: t('catalog:detail.feeNote'), dataIndex: 'note', render: (n?: string) => <Typography.Text type="secondary">{n}</Typography.Text> },
              ]}
            />
            {p.fees.length > 0 && <FeeCalculator code={p.code} fees={p.fees} />}
          </div>
        </Space>
      )}
      {detail && (
        <ProcedureEditor
          kind={editing}
          detail={detail}
          onClose={() => setEditing(null)}
          onSaved={(d) => {
            setDetail(d);
            setEditing(null);
            onChanged();
            void load();
          }}
        />
      )}
    </Drawer>
  );
}

/** Asks the server (the same computation as intake) again whenever the fees change. */
function FeeCalculator({ code, fees }: { code: string; fees: ProcedureFee[] }) {
  const needsPages = fees.some((f) => f.kind === 'PER_PAGE_TIERED');
  const feesKey = JSON.stringify(fees);
  const { t } = useTranslation();
  const [copies, setCopies] = useState(1);
  const [pages, setPages] = useState(1);
  const [quote, setQuote] = useState<FeeQuote | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.call('catalog.fees', { code, copies, ...(needsPages && { pagesPerCopy: pages }) }).then((r) => {
      setQuote(r.ok ? r.value : null);
      setError(r.ok ? null : r.error.message);
    });
  }, [code, copies, pages, needsPages, feesKey]);
  return (
    <Space style={{ marginTop: 8 }} wrap>
      <Typography.Text strong>{t('catalog:detail.calculator')}:</Typography.Text>
      <span>{t('catalog:detail.copiesInput')}</span>
      <InputNumber min={1} max={999} value={copies} onChange={(v) => setCopies(v ?? 1)} size="small" />
      {needsPages && (
        <>
          <span>{t('catalog:detail.pagesInput')}</span>
          <InputNumber min={1} max={10000} value={pages} onChange={(v) => setPages(v ?? 1)} size="small" />
        </>
      )}
      {quote && <Typography.Text strong data-testid="fee-total">{t('catalog:detail.total', { total: formatVnd(quote.total) })}</Typography.Text>}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Space>
  );
}
