import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'dayjs/locale/vi';
import dayjs from 'dayjs';
import { initI18n } from './i18n';
import { App } from './app/App';

dayjs.locale('vi');
initI18n('vi');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
