import { contextBridge, ipcRenderer } from 'electron';

// Exposes exactly the typed API bridge (see src/renderer/api/transport.ts IpcBridge) and nothing else.
const bridge = {
  call: (method: string, input: unknown, token: string | null) => ipcRenderer.invoke('motcua:call', method, input, token),
  onEvent: (listener: (e: unknown) => void) => {
    const wrapped = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on('motcua:event', wrapped);
    return () => ipcRenderer.removeListener('motcua:event', wrapped);
  },
  setInstallConfig: (config: unknown, token: string | null) => ipcRenderer.invoke('motcua:install-config', config, token),
  // Updates of this PC (src/main/electron/updater.ts); absent in a plain browser, where the UI hides them.
  updates: {
    status: () => ipcRenderer.invoke('motcua:updates', 'status'),
    check: () => ipcRenderer.invoke('motcua:updates', 'check'),
    onStatus: (listener: (s: unknown) => void) => {
      const wrapped = (_e: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on('motcua:update-status', wrapped);
      return () => ipcRenderer.removeListener('motcua:update-status', wrapped);
    },
  },
  reportActivity: (activity: unknown) => ipcRenderer.send('motcua:activity', activity),
};

contextBridge.exposeInMainWorld('motcua', bridge);
