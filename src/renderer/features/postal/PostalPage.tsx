import { useEffect } from 'react';
import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { InboundTab } from './InboundTab';
import { OutboundTab } from './OutboundTab';
import { HistoryTab } from './HistoryTab';

type TabKey = 'nhan' | 'giao' | 'lich-su';
const KEYS: Record<string, TabKey> = { F7: 'nhan', F8: 'giao', F9: 'lich-su' };

/**
 * The postal channel: receive dossiers the postal employee brings in, hand results to the post, and the
 * history of hand-overs with their slips. The tab and the open hand-over live in the URL, so the intake
 * screen can send the clerk back to the same batch.
 */
export function PostalPage() {
  const { t } = useTranslation('postal');
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as TabKey | null) ?? 'nhan';
  const handoverId = params.get('handover');
  const go = (next: TabKey, handover?: string | null) => setParams(handover ? { tab: next, handover } : { tab: next });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = KEYS[e.key];
      if (k && !e.ctrlKey && !e.altKey) {
        e.preventDefault();
        go(k);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div data-testid="postal-page">
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('hint')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => go(k as TabKey)}
        destroyOnHidden
        items={[
          { key: 'nhan', label: <span data-testid="postal-tab-inbound">{t('tabs.inbound')} (F7)</span>, children: <InboundTab handoverId={handoverId} onSelect={(id) => go('nhan', id)} /> },
          { key: 'giao', label: <span data-testid="postal-tab-outbound">{t('tabs.outbound')} (F8)</span>, children: <OutboundTab /> },
          { key: 'lich-su', label: <span data-testid="postal-tab-history">{t('tabs.history')} (F9)</span>, children: <HistoryTab onContinue={(id) => go('nhan', id)} /> },
        ]}
      />
    </div>
  );
}
