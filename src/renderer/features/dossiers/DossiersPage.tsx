import { useCallback, useEffect, useRef, useState } from 'react';
import { App, Button, Col, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { DossierListItem } from '../../../shared/dossiers/dossier-schemas';
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../../../shared/domain/status';
import { api } from '../../api/client';
import { formatViInstant } from '../../components/vn-date';
import { DossierDrawer } from './DossierDrawer';
import { DueDateTag } from '../../components/DueDateTag';

type DueFilter = 'overdue' | 'today' | 'withinDays' | undefined;

/** Dossier list: type to search (no diacritics needed), filter, open with Enter; newest first, paged by key. */
export function DossiersPage() {
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const [statuses, setStatuses] = useState<DossierStatus[]>([]);
  const [due, setDue] = useState<DueFilter>();
  const [channel, setChannel] = useState<'1' | '3' | undefined>();
  const [items, setItems] = useState<DossierListItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const seq = useRef(0);

  const load = useCallback(
    async (after?: string) => {
      const mine = ++seq.current;
      setLoading(true);
      const r = await api.call('dossier.search', { query: query || undefined, statuses: statuses.length ? statuses : undefined, due, withinDays: due === 'withinDays' ? 3 : undefined, channel, after, limit: 100 });
      if (mine !== seq.current) return; // a newer search superseded this one
      setLoading(false);
      if (!r.ok) return message.error(r.error.message);
      setItems((old) => (after ? [...old, ...r.value.items] : r.value.items));
      setNext(r.value.nextAfter);
    },
    [query, statuses, due, channel, message],
  );
  useEffect(() => {
    const t = setTimeout(() => void load(), 200);
    return () => clearTimeout(t);
  }, [load]);
  useEffect(() => api.subscribe((e) => e.type === 'dossier.changed' && void load()), [load]);

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>Hồ sơ</Typography.Title>
      <Row gutter={8} style={{ marginBottom: 12 }}>
        <Col flex="auto">
          <Input
            autoFocus
            allowClear
            prefix={<span aria-hidden>🔍</span>}
            placeholder="Tìm theo tên (không cần dấu), số định danh, điện thoại, mã hồ sơ, mã bưu gửi…"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && items[0]) setOpenId(items[0].id);
            }}
            data-testid="dossier-search"
          />
        </Col>
        <Col>
          <Select mode="multiple" allowClear placeholder="Trạng thái" style={{ minWidth: 220 }} value={statuses} onChange={setStatuses} options={Object.entries(DOSSIER_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
        </Col>
        <Col>
          <Select allowClear placeholder="Hạn trả" style={{ width: 170 }} value={due} onChange={setDue} data-testid="dossier-due-filter" options={[{ value: 'overdue', label: 'Quá hạn' }, { value: 'today', label: 'Đến hạn hôm nay' }, { value: 'withinDays', label: 'Đến hạn trong 3 ngày' }]} />
        </Col>
        <Col>
          <Select allowClear placeholder="Kênh" style={{ width: 140 }} value={channel} onChange={setChannel} options={[{ value: '1', label: 'Trực tiếp' }, { value: '3', label: 'Bưu chính' }]} />
        </Col>
      </Row>
      <Table<DossierListItem>
        size="small"
        rowKey="id"
        virtual
        scroll={{ y: 560 }}
        loading={loading}
        dataSource={items}
        pagination={false}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        data-testid="dossier-table"
        columns={[
          { title: 'Mã hồ sơ', dataIndex: 'code', width: 230 },
          { title: 'Chủ hồ sơ', dataIndex: 'ownerName', width: 200 },
          { title: 'Thủ tục', dataIndex: 'procedureName' },
          { title: 'Trạng thái', dataIndex: 'status', width: 190, render: (s: DossierStatus) => <Tag>{DOSSIER_STATUS_LABELS[s]}</Tag> },
          { title: 'Tiếp nhận', dataIndex: 'receivedAt', width: 140, render: (s: string) => formatViInstant(s) },
          { title: 'Hẹn trả', dataIndex: 'dueAt', width: 140, render: (s: string) => formatViInstant(s) },
          { title: 'Còn lại', dataIndex: 'daysRemaining', width: 150, render: (n: number | null, r: DossierListItem) => <DueDateTag days={n} due={r.dueAt} /> },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{items.length} hồ sơ</Typography.Text>
        {next && <Button onClick={() => void load(next)}>Tải thêm</Button>}
      </Space>
      <DossierDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => void load()} />
    </>
  );
}
