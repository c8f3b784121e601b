import { Alert, Button, Card, Descriptions, List, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CloseDayResult } from '../../../shared/api/sync-contract';
import { downloadBase64 } from '../../components/download';

const civil = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** What "Chốt ngày" produced: the day's figures, what could not be synced, the backup, the report files. */
export function CloseDayResultCard({ result }: { result: CloseDayResult }) {
  const { t } = useTranslation();
  const r = result.report;
  const parked = result.unsynced.parked;
  const allSynced = !result.syncProblem && result.unsynced.pending === 0 && parked.length === 0;
  return (
    <Card title={t('sync:closeDay.title', { date: civil(result.date) })} data-testid="close-day-result" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label={t('sync:closeDay.received')}>{r.received}</Descriptions.Item>
        <Descriptions.Item label={t('sync:closeDay.returned')}>{r.returned}</Descriptions.Item>
        <Descriptions.Item label={t('sync:closeDay.overdue')}>{r.overdue}</Descriptions.Item>
        <Descriptions.Item label={t('sync:closeDay.awaitingPickup')}>{r.awaitingPickup}</Descriptions.Item>
        {r.tickets && <Descriptions.Item label={t('sync:closeDay.tickets')}>{r.tickets.issued}</Descriptions.Item>}
        {r.ratings && <Descriptions.Item label={t('sync:closeDay.ratings')}>{r.ratings.total}</Descriptions.Item>}
      </Descriptions>
      <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
        {allSynced ? (
          <Alert type="success" title={t('sync:closeDay.syncOk')} data-testid="close-day-sync" />
        ) : (
          <Alert
            type="warning"
            data-testid="close-day-sync"
            title={t('sync:closeDay.unsynced', { pending: result.unsynced.pending, parked: parked.length })}
            description={
              <>
                {result.syncProblem && <div>{result.syncProblem}</div>}
                {parked.length > 0 && (
                  <List size="small" dataSource={parked.slice(0, 20)} renderItem={(p) => <List.Item>{`${p.dossierCode ?? ''} — ${p.label}: ${p.message}`}</List.Item>} />
                )}
              </>
            }
          />
        )}
        <Alert type={result.backup.ok ? 'success' : 'error'} title={`${t('sync:closeDay.backup')}: ${result.backup.message}`} data-testid="close-day-backup" />
        <Space>
          <Button onClick={() => downloadBase64(result.pdfBase64, result.files.pdf, 'application/pdf')} data-testid="close-day-pdf">
            {t('sync:closeDay.pdf')}
          </Button>
          <Button onClick={() => downloadBase64(result.xlsxBase64, result.files.xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')}>
            {t('sync:closeDay.xlsx')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
