import { useEffect, useRef } from 'react';
import { looksLikeCccdQr, parseCccdQr, type CccdData } from '../../../shared/domain/cccd-qr';

/**
 * A USB scanner is a keyboard: it types the CCCD QR string followed by Enter into whatever has focus.
 * On Enter we look for a QR string either in the focused field (then we take it back out of that field)
 * or in the keys typed while no field had focus, and hand the parsed card to `onCard`.
 */
export function useCccdScanner(onCard: (card: CccdData) => void, onError: (message: string) => void, today: string) {
  const buffer = useRef('');
  const handlers = useRef({ onCard, onError, today });
  handlers.current = { onCard, onError, today };

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const field = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA') ? (target as HTMLInputElement) : null;
      if (e.key !== 'Enter') {
        if (!field && e.key.length === 1) buffer.current = (buffer.current + e.key).slice(-600);
        return;
      }
      const fromField = field ? extractQr(field.value) : null;
      const text = fromField?.qr ?? (looksLikeCccdQr(buffer.current) ? buffer.current : null);
      buffer.current = '';
      if (!text) return;
      e.preventDefault();
      e.stopPropagation();
      if (field && fromField) setNativeValue(field, fromField.rest);
      const parsed = parseCccdQr(text, { today: handlers.current.today });
      if (parsed.ok) handlers.current.onCard(parsed.value);
      else handlers.current.onError(`Không đọc được mã QR căn cước: ${parsed.error}`);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}

function extractQr(value: string): { qr: string; rest: string } | null {
  const m = /\d{12}\|[^\n]*/.exec(value);
  if (!m || !looksLikeCccdQr(m[0])) return null;
  return { qr: m[0], rest: value.slice(0, m.index) };
}

/** Sets an input's value so React's onChange sees it (React tracks the native setter). */
function setNativeValue(el: HTMLInputElement, value: string) {
  const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
