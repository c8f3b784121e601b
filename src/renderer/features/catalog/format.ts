import type { TFunction } from 'i18next';
import type { ProcedureDuration, ProcedureFee } from '../../../shared/catalog/procedure';
import { formatVnd } from '../../../shared/domain/money';

/** "3 ngày làm việc", "Trong ngày", with the extended time when there is one. */
export function durationLabel(d: ProcedureDuration, t: TFunction): string {
  const unit = t(`catalog:edit.units.${d.unit}`).toLowerCase();
  const base = d.sameDay ? t('catalog:sameDay') : `${d.amount} ${unit}`;
  return d.extendedAmount ? `${base}; ${t('catalog:extended', { n: d.extendedAmount, unit })}` : base;
}

/** How a fee is charged, in words a clerk reads aloud: "10.000 đ", "8.000 đ / bản", page bands. */
export function feeAmountLabel(f: ProcedureFee, t: TFunction): string {
  switch (f.kind) {
    case 'FREE':
      return t('catalog:detail.free');
    case 'FIXED':
      return formatVnd(f.amount ?? 0);
    case 'PER_COPY':
      return t('catalog:detail.perCopy', { amount: formatVnd(f.amount ?? 0) });
    case 'PER_PAGE_TIERED': {
      const tiers = (f.tiers ?? [])
        .map((x) => `${x.fromPage}${x.toPage === null ? '+' : x.toPage === x.fromPage ? '' : `–${x.toPage}`}: ${formatVnd(x.pricePerPage)}`)
        .join('; ');
      const cap = f.capPerCopy !== undefined ? `, ${t('catalog:detail.cap', { cap: formatVnd(f.capPerCopy) })}` : '';
      return `${t('catalog:detail.perPage', { tiers })}${cap}`;
    }
  }
}

/** Reads a chosen file as base64 (without the data: prefix) for catalog.import. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('Không đọc được tệp'));
    reader.readAsDataURL(file);
  });
}
