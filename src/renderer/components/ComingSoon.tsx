import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function ComingSoon() {
  const { t } = useTranslation();
  return <Result status="info" title={t('system:common.comingSoon')} />;
}
