import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OfficeSettingsForm } from './OfficeSettingsForm';
import { UsersAdmin } from './UsersAdmin';
import { AuditLogView } from './AuditLogView';

/** Settings tabs; other capabilities (catalog, calendar, printers, queue, sync) add their tab to `settingsTabs`. */
export const settingsTabs: { key: string; label: string; children: React.ReactNode }[] = [];

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3}>{t('system:settings.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'office', label: t('system:settings.office'), children: <OfficeSettingsForm /> },
          { key: 'users', label: t('system:settings.users'), children: <UsersAdmin /> },
          ...settingsTabs,
          { key: 'audit', label: t('system:settings.audit'), children: <AuditLogView /> },
        ]}
      />
    </>
  );
}
