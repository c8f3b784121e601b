import type { ReactNode } from 'react';
import type { Role } from '../../shared/api/define';
import { SettingsPage } from '../features/system/SettingsPage';
import { ComingSoon } from '../components/ComingSoon';

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
  { path: 'quay', label: 'system:sections.counter', roles: ALL, element: <ComingSoon />, hotkey: '1' },
  { path: 'tiep-nhan', label: 'system:sections.intake', roles: ALL, element: <ComingSoon />, hotkey: '2' },
  { path: 'ho-so', label: 'system:sections.dossiers', roles: ALL, element: <ComingSoon />, hotkey: '3' },
  { path: 'buu-chinh', label: 'system:sections.postal', roles: ALL, element: <ComingSoon />, hotkey: '4' },
  { path: 'hang-doi', label: 'system:sections.queue', roles: ALL, element: <ComingSoon />, hotkey: '5' },
  { path: 'dong-bo', label: 'system:sections.sync', roles: ALL, element: <ComingSoon />, hotkey: '6' },
  { path: 'bao-cao', label: 'system:sections.reports', roles: ['supervisor', 'admin'], element: <ComingSoon />, hotkey: '7' },
  { path: 'cai-dat', label: 'system:sections.settings', roles: ['admin'], element: <SettingsPage />, hotkey: '8' },
];

/** Full-screen views without the menu (display board, kiosk). */
export const fullScreenViews: { path: string; element: ReactNode }[] = [];
