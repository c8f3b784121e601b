import type { ReactNode } from 'react';
import type { Role } from '../../shared/api/define';
import { SettingsPage } from '../features/system/SettingsPage';
import { IntakePage } from '../features/dossiers/IntakePage';
import { DossiersPage } from '../features/dossiers/DossiersPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { CounterConsole } from '../features/queue/CounterConsole';
import { QueueOverview } from '../features/queue/QueueOverview';
import { DisplayBoard } from '../features/queue/DisplayBoard';
import { Kiosk } from '../features/queue/Kiosk';
import { RatingScreen } from '../features/queue/RatingScreen';
import { PostalPage } from '../features/postal/PostalPage';
import { SyncPage } from '../features/sync/SyncPage';

export interface Section {
  /** Route path under the main layout. */
  path: string;
  /** i18n key of the menu label. */
  label: string;
  roles: Role[];
  element: ReactNode;
  /** Keyboard shortcut shown in the menu: Alt+<key>. */
  hotkey: string;
}

const ALL: Role[] = ['clerk', 'supervisor', 'admin'];

/** The sections of the main layout, in menu order. Each capability replaces its placeholder. */
export const sections: Section[] = [
  { path: 'quay', label: 'system:sections.counter', roles: ALL, element: <CounterConsole />, hotkey: '1' },
  { path: 'tiep-nhan', label: 'system:sections.intake', roles: ALL, element: <IntakePage />, hotkey: '2' },
  { path: 'ho-so', label: 'system:sections.dossiers', roles: ALL, element: <DossiersPage />, hotkey: '3' },
  { path: 'buu-chinh', label: 'system:sections.postal', roles: ALL, element: <PostalPage />, hotkey: '4' },
  { path: 'hang-doi', label: 'system:sections.queue', roles: ALL, element: <QueueOverview />, hotkey: '5' },
  { path: 'dong-bo', label: 'system:sections.sync', roles: ALL, element: <SyncPage />, hotkey: '6' },
  { path: 'bao-cao', label: 'system:sections.reports', roles: ['supervisor', 'admin'], element: <ReportsPage />, hotkey: '7' },
  { path: 'cai-dat', label: 'system:sections.settings', roles: ['admin'], element: <SettingsPage />, hotkey: '8' },
];

/** Full-screen views without the menu (display board, kiosk). */
export const fullScreenViews: { path: string; element: ReactNode }[] = [
  { path: 'bang-hien-thi', element: <DisplayBoard /> },
  { path: 'kiosk', element: <Kiosk /> },
  { path: 'danh-gia', element: <RatingScreen /> },
];
