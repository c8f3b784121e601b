import { useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { api } from '../../api/client';
import { downloadBase64 } from '../../components/download';

function monthBounds(): { from: string; to: string } {
  const now = new Date(Date.now() + 7 * 3600_000);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const p = (n: number) => String(n).padStart(2, '0');
  return { from: `${y}-${p(m + 1)}-01`, to: `${y}-${p(m + 1)}-${p(last)}` };
}

/** Reports: the tracking book (sổ theo dõi hồ sơ) of a period as XLSX and PDF. */
export function ReportsPage() {
  const { message } = App.useApp();
  const [period, setPeriod] = useState(monthBounds);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);

  const exportBook = async () => {
    setBusy(true);
    setResult(null);
    const r = await api.call('reports.trackingBook', period);
    setBusy(false);
    if (!r.ok) return message.error(r.error.message);
    downloadBase64(r.value.xlsxBase64, `${r.value.fileBase}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    downloadBase64(r.value.pdfBase64, `${r.value.fileBase}.pdf`, 'application/pdf');
    setResult(`Đã xuất sổ theo dõi: ${r.value.rows} hồ sơ (tệp XLSX và PDF).`);
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>Báo cáo</Typography.Title>
      <Card title="Sổ theo dõi hồ sơ" style={{ maxWidth: 720 }}>
        <Space wrap>
          <span>Từ ngày</span>
          <Input type="date" value={period.from} onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))} data-testid="report-from" />
          <span>đến ngày</span>
          <Input type="date" value={period.to} onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))} data-testid="report-to" />
          <Button type="primary" loading={busy} onClick={() => void exportBook()} data-testid="report-tracking-book">
            Xuất XLSX và PDF
          </Button>
        </Space>
        {busy && <Alert style={{ marginTop: 12 }} type="info" showIcon title="Đang tạo sổ theo dõi… (chạy nền, quầy vẫn làm việc bình thường)" />}
        {result && <Alert style={{ marginTop: 12 }} type="success" showIcon title={result} data-testid="report-result" />}
      </Card>
    </>
  );
}
