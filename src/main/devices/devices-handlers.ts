import type { AppContext } from '../app/app-context';
import { AppError } from '../api/app-error';
import type { HandlerMap } from '../api/dispatcher';
import { createPairingCode, deviceByTokenHash, listDevices, pairDevice, revokeDevice } from './device-service';

type DeviceMethods = 'devices.createPairingCode' | 'devices.pair' | 'devices.list' | 'devices.revoke' | 'devices.whoami';

export function createDevicesHandlers(app: AppContext): Pick<HandlerMap, DeviceMethods> {
  return {
    'devices.createPairingCode': (input, caller) => createPairingCode(app, caller, input.kind),
    'devices.pair': (input, caller) => pairDevice(app, caller, input.code, input.name),
    'devices.list': () => listDevices(app),
    'devices.revoke': (input, caller) => revokeDevice(app, caller, input.deviceId),
    'devices.whoami': (_i, caller) => {
      const d = caller.tokenHash ? deviceByTokenHash(app, caller.tokenHash) : null;
      if (!d) throw new AppError('NOT_FOUND', 'Mã này không phải của một thiết bị đã ghép nối.');
      return { id: d.id, kind: d.kind, name: d.name };
    },
  };
}
