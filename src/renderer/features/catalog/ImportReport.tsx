import { Alert, Modal, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogImportOutcome, CatalogImportProblem } from '../../../shared/api/catalog-contract';

/** Result of a catalog import: the merge counts, or every bad row so the file can be fixed in one pass. */
export function ImportReport({ outcome, onClose }: { outcome: CatalogImportOutcome | null; onClose: () => void }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  const hasSheets = !outcome.accepted && outcome.errors.some((e) => e.sheet);
  return (
    <Modal
      open
      width={outcome.accepted ? 560 : 920}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      title={
        outcome.accepted
          ? t('catalog:report.acceptedTitle', { file: outcome.fileName })
          : t('catalog:report.rejectedTitle', { file: outcome.fileName, n: outcome.errors.length })
      }
      okButtonProps={{ 'data-testid': 'catalog-report-close' }}
    >
      {outcome.accepted ? (
        <Space orientation="vertical" data-testid="catalog-import-summary">
          <Typography.Text>{t('catalog:report.added', { n: outcome.added.length })}</Typography.Text>
          <Typography.Text>{t('catalog:report.updated', { n: outcome.updated.length })}</Typography.Text>
          <Typography.Text>{t('catalog:report.unchanged', { n: outcome.unchanged.length })}</Typography.Text>
          {outcome.withdrawn.length > 0 && <Typography.Text>{t('catalog:report.withdrawn', { n: outcome.withdrawn.length })}</Typography.Text>}
          {outcome.keptOverrides.length > 0 && (
            <Alert type="info" showIcon title={t('catalog:report.keptOverrides', { codes: outcome.keptOverrides.join(', ') })} />
          )}
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="error" showIcon title={t('catalog:report.rejectedIntro')} />
          <Table<CatalogImportProblem & { key: number }>
            size="small"
            data-testid="catalog-import-errors"
            pagination={outcome.errors.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
            dataSource={outcome.errors.map((e, key) => ({ ...e, key }))}
            columns={[
              ...(hasSheets ? [{ title: t('catalog:report.sheet'), dataIndex: 'sheet', width: 130 }] : []),
              { title: t('catalog:report.row'), dataIndex: 'row', width: 70, render: (r: number) => (r === 0 ? t('catalog:report.wholeFile') : r) },
              { title: t('catalog:report.field'), dataIndex: 'field', width: 200 },
              { title: t('catalog:report.message'), dataIndex: 'message' },
            ]}
          />
        </Space>
      )}
    </Modal>
  );
}
