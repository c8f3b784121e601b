import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OfficeSettingsForm } from './OfficeSettingsForm';
import { UsersAdmin } from './UsersAdmin';
import { AuditLogView } from './AuditLogView';
import { SupportTab, SupportTabLabel } from '../diagnostics/SupportTab';
import { CatalogSettings, CatalogTabLabel } from '../catalog/CatalogSettings';
import { CalendarSettings, CalendarTabLabel } from '../calendar/CalendarSettings';
import { QueueSettings, QueueTabLabel } from '../queue/QueueSettings';
import { BackupSettings, BackupTabLabel } from '../security/BackupSettings';
import { DevicesSettings, DevicesTabLabel } from '../security/DevicesSettings';
import { PrintingSettings } from '../printing/PrintingSettings';

/** Settings tabs; other capabilities (catalog, calendar, printers, queue, sync) add their tab to `settingsTabs`. */
export const settingsTabs: { key: string; label: React.ReactNode; children: React.ReactNode }[] = [
  { key: 'catalog', label: <CatalogTabLabel />, children: <CatalogSettings /> },
  { key: 'calendar', label: <CalendarTabLabel />, children: <CalendarSettings /> },
  { key: 'queue', label: <QueueTabLabel />, children: <QueueSettings /> },
  { key: 'printing', label: 'Máy in', children: <PrintingSettings /> },
  { key: 'support', label: <SupportTabLabel />, children: <SupportTab /> },
  { key: 'backup', label: <BackupTabLabel />, children: <BackupSettings /> },
  { key: 'devices', label: <DevicesTabLabel />, children: <DevicesSettings /> },
];

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
