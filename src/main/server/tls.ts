import crypto from 'node:crypto';
import fs from 'node:fs';
import type { TlsView } from '../../shared/api/security-contract';
import type { Db } from '../db/database';
import { AppError } from '../api/app-error';
import { getSetting } from '../settings/settings-store';

export const TLS_SETTING_KEY = 'server.tls';
export interface TlsSetting {
  enabled: boolean;
  certPath: string | null;
  keyPath: string | null;
}

export interface TlsMaterial {
  cert: Buffer;
  key: Buffer;
  fingerprint: string;
  subject: string;
  validTo: string;
}

/** Reads and checks a PEM certificate and its private key: both parse, and the key belongs to the certificate. */
export function loadTlsMaterial(certPath: string, keyPath: string): TlsMaterial {
  let cert: Buffer;
  let key: Buffer;
  try {
    cert = fs.readFileSync(certPath);
  } catch {
    throw new AppError('VALIDATION', `Không đọc được tệp chứng chỉ "${certPath}"`, { certPath: 'Không đọc được tệp' });
  }
  try {
    key = fs.readFileSync(keyPath);
  } catch {
    throw new AppError('VALIDATION', `Không đọc được tệp khoá riêng "${keyPath}"`, { keyPath: 'Không đọc được tệp' });
  }
  let x509: crypto.X509Certificate;
  try {
    x509 = new crypto.X509Certificate(cert);
  } catch {
    throw new AppError('VALIDATION', 'Tệp chứng chỉ không phải chứng chỉ X.509 dạng PEM', { certPath: 'Không phải chứng chỉ PEM' });
  }
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(key);
  } catch {
    throw new AppError('VALIDATION', 'Tệp khoá riêng không đọc được (cần khoá PEM không đặt mật khẩu)', { keyPath: 'Không phải khoá riêng PEM' });
  }
  if (!x509.checkPrivateKey(privateKey)) throw new AppError('VALIDATION', 'Khoá riêng không khớp với chứng chỉ', { keyPath: 'Không khớp chứng chỉ' });
  return { cert, key, fingerprint: x509.fingerprint256, subject: x509.subject.replace(/\n/g, ', '), validTo: new Date(x509.validTo).toISOString() };
}

export function readTlsSetting(db: Db): TlsSetting {
  return { enabled: false, certPath: null, keyPath: null, ...getSetting<TlsSetting>(db, TLS_SETTING_KEY) };
}

export function tlsView(setting: TlsSetting, restartRequired: boolean): TlsView {
  let info: Pick<TlsMaterial, 'fingerprint' | 'subject' | 'validTo'> | null = null;
  if (setting.enabled && setting.certPath && setting.keyPath) {
    try {
      info = loadTlsMaterial(setting.certPath, setting.keyPath);
    } catch {
      info = null;
    }
  }
  return { enabled: setting.enabled, certPath: setting.certPath, keyPath: setting.keyPath, fingerprint: info?.fingerprint ?? null, subject: info?.subject ?? null, validTo: info?.validTo ?? null, restartRequired };
}
