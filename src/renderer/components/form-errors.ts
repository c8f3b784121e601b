import type { FormInstance } from 'antd';
import { ApiCallError } from '../api/client';

/** Puts the server's per-field Vietnamese messages on the matching form fields. Returns the general message. */
export function applyServerErrors(form: FormInstance, e: unknown, fieldMap: Record<string, (string | number)[]> = {}): string {
  if (e instanceof ApiCallError && e.fields) {
    form.setFields(
      Object.entries(e.fields).map(([path, message]) => ({
        name: fieldMap[path] ?? path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        errors: [message],
      })),
    );
  }
  return e instanceof Error ? e.message : String(e);
}
