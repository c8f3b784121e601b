import { useCallback, useEffect, useRef, useState } from 'react';
import { App, Button, Checkbox, Input, Space, Table, Tag, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogImportOutcome, ProcedureSummary } from '../../../shared/api/catalog-contract';
import { api } from '../../api/client';
import { durationLabel, fileToBase64 } from './format';
import { ProcedureDrawer } from './ProcedureDrawer';
import { ImportReport } from './ImportReport';

/** The tab's title, translated when the language changes (tab labels are declared at module level). */
export function CatalogTabLabel() {
  const { t } = useTranslation();
  return <span data-testid="settings-tab-catalog">{t('catalog:tab')}</span>;
}

/** Cài đặt → Thủ tục: search the catalog, open a procedure, edit it, import a catalog file. */
export function CatalogSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const [withdrawn, setWithdrawn] = useState(false);
  const [rows, setRows] = useState<ProcedureSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [report, setReport] = useState<CatalogImportOutcome | null>(null);
  const [importing, setImporting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const searchBox = useRef<InputRef>(null);

  const load = useCallback(async () => {
    setLoading(true);
    const r = await api.call('catalog.search', { query, includeWithdrawn: withdrawn, limit: 500 });
    setLoading(false);
    if (r.ok) setRows(r.value);
    else message.error(r.error.message);
  }, [query, withdrawn, message]);

  // Search as the administrator types, a moment after the last key.
  useEffect(() => {
    const timer = setTimeout(() => void load(), 150);
    return () => clearTimeout(timer);
  }, [load]);

  useEffect(() => api.subscribe((e) => e.type === 'catalog.changed' && void load()), [load]);

  // "/" focuses the search box, as in most admin lists.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key === '/' && !['INPUT', 'TEXTAREA'].includes(target?.tagName ?? '')) {
        e.preventDefault();
        searchBox.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const importFile = async (file: File) => {
    setImporting(true);
    try {
      const outcome = await api.must('catalog.import', { fileName: file.name, contentBase64: await fileToBase64(file) });
      setReport(outcome);
      if (outcome.accepted) await load();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setImporting(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            ref={searchBox}
            allowClear
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            // Enter on a single match opens it; otherwise it searches now.
            onSearch={() => (rows.length === 1 ? setOpen(rows[0].code) : void load())}
            placeholder={t('catalog:searchPlaceholder')}
            style={{ width: 460 }}
            data-testid="catalog-search"
          />
          <Checkbox checked={withdrawn} onChange={(e) => setWithdrawn(e.target.checked)} data-testid="catalog-show-withdrawn">
            {t('catalog:showWithdrawn')}
          </Checkbox>
          <Typography.Text type="secondary">{t('catalog:count', { n: rows.length })}</Typography.Text>
        </Space>
        <span>
          <Button onClick={() => fileInput.current?.click()} loading={importing} data-testid="catalog-import">
            {importing ? t('catalog:importing') : t('catalog:import')}
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,.xlsx"
            style={{ display: 'none' }}
            data-testid="catalog-import-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void importFile(f);
            }}
          />
        </span>
      </Space>
      <Table<ProcedureSummary>
        rowKey="code"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(r) =>
          ({
            onClick: () => setOpen(r.code),
            // Keyboard-first: Tab to a row, Enter opens it.
            onKeyDown: (e: React.KeyboardEvent) => e.key === 'Enter' && setOpen(r.code),
            tabIndex: 0,
            style: { cursor: 'pointer' },
            'data-testid': `catalog-row-${r.code}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('catalog:columns.code'), dataIndex: 'code', width: 100, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
          {
            title: t('catalog:columns.name'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <Space size={4} wrap>
                <span>{name}</span>
                {r.overridden && <Tag color="blue">{t('catalog:overridden')}</Tag>}
                {!r.inForce && <Tag color="default">{t('catalog:withdrawn')}</Tag>}
              </Space>
            ),
          },
          { title: t('catalog:columns.field'), dataIndex: 'fieldName', width: 180 },
          { title: t('catalog:columns.duration'), width: 190, render: (_: unknown, r) => durationLabel(r.duration, t) },
          { title: t('catalog:columns.source'), dataIndex: 'source', width: 140, render: (s: string) => t(`catalog:source.${s}`) },
          { title: t('catalog:columns.usage'), dataIndex: 'usageCount', width: 110, align: 'right' },
        ]}
      />
      <ProcedureDrawer code={open} onClose={() => setOpen(null)} onChanged={() => void load()} />
      <ImportReport outcome={report} onClose={() => setReport(null)} />
    </Space>
  );
}
