import { useState } from 'react';
import { Alert, App, Button, Card, Input, Radio, Space, Typography } from 'antd';
import { api } from '../../api/client';

interface InstallBridge {
  setInstallConfig(config: unknown, token: string | null): Promise<{ ok: boolean; error?: { message: string } }>;
}

/**
 * Desktop app only: this PC is the office host (database and services here) or a terminal of a host.
 * The choice restarts the app. Hidden in a browser, where the page always talks to the server it came from.
 */
export function InstallModeCard() {
  const bridge = (window as { motcua?: Partial<InstallBridge> }).motcua;
  const { message, modal } = App.useApp();
  const isTerminal = window.location.protocol !== 'file:';
  const [mode, setMode] = useState<'host' | 'terminal'>(isTerminal ? 'terminal' : 'host');
  const [hostUrl, setHostUrl] = useState(isTerminal ? window.location.origin : 'http://192.168.1.10:8686');
  if (!bridge?.setInstallConfig) return null;
  const apply = () =>
    modal.confirm({
      title: 'Đổi chế độ của máy này?',
      content: mode === 'terminal' ? `Máy sẽ khởi động lại và làm máy trạm của ${hostUrl}. Dữ liệu trên máy này được giữ nguyên.` : 'Máy sẽ khởi động lại và làm máy chủ văn phòng.',
      onOk: async () => {
        const r = await bridge.setInstallConfig!(mode === 'terminal' ? { mode, hostUrl } : { mode, port: 8686 }, api.sessionToken);
        if (!r.ok) message.error(r.error?.message ?? 'Không đổi được chế độ');
      },
    });
  return (
    <Card size="small" title="Chế độ của máy này" style={{ maxWidth: 640, marginBottom: 16 }}>
      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} options={[{ value: 'host', label: 'Máy chủ văn phòng (lưu dữ liệu)' }, { value: 'terminal', label: 'Máy trạm (kết nối máy chủ)' }]} />
      {mode === 'terminal' && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Typography.Text>Địa chỉ máy chủ văn phòng</Typography.Text>
          <Input value={hostUrl} onChange={(e) => setHostUrl(e.target.value)} />
          <Alert type="info" showIcon title="Trên máy chủ, quản trị cần bật cho phép kết nối LAN và ghép nối thiết bị này." />
        </Space>
      )}
      <Button style={{ marginTop: 8 }} onClick={apply}>Áp dụng và khởi động lại</Button>
    </Card>
  );
}
