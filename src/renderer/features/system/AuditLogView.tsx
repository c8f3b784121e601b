import { useEffect, useState } from 'react';
import { Alert, Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../shared/api/system-contract';
import { api } from '../../api/client';

export function AuditLogView() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<AuditEntryView[]>([]);
  const [verdict, setVerdict] = useState<{ intact: boolean; checked: number; firstBrokenId: number | null } | null>(null);
  useEffect(() => void api.must('audit.list', { limit: 200 }).then(setRows), []);
  return (
    <>
      <Button onClick={() => void api.must('audit.verify', {}).then(setVerdict)} style={{ marginBottom: 12 }} data-testid="audit-verify">
        {t('system:audit.verify')}
      </Button>
      {verdict && (
        <Alert
          style={{ marginBottom: 12 }}
          type={verdict.intact ? 'success' : 'error'}
          title={verdict.intact ? t('system:audit.intact', { n: verdict.checked }) : t('system:audit.broken', { id: verdict.firstBrokenId })}
          data-testid="audit-verdict"
        />
      )}
      <Table
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: '#', dataIndex: 'id', width: 70 },
          { title: t('system:audit.at'), dataIndex: 'at', render: (s: string) => s.slice(0, 19).replace('T', ' ') },
          { title: t('system:audit.actor'), dataIndex: 'actor' },
          { title: t('system:audit.device'), dataIndex: 'device' },
          { title: t('system:audit.action'), dataIndex: 'action' },
          { title: t('system:audit.entity'), render: (_: unknown, r: AuditEntryView) => [r.entity, r.entityId].filter(Boolean).join(' ') },
        ]}
      />
    </>
  );
}
