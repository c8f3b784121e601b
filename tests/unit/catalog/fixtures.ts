import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Path of the shipped sample catalog. */
export const SAMPLE_CATALOG_PATH = fileURLToPath(new URL('../../../resources/catalog/sample-catalog.json', import.meta.url));

/** The sample catalog file as parsed JSON (not yet validated). */
export function loadSampleCatalogJson(): { procedures: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(SAMPLE_CATALOG_PATH, 'utf8'));
}

/** A small valid procedure to mutate in tests. */
export function validProcedure(): Record<string, unknown> {
  return {
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính',
    fieldCode: 'CHUNGTHUC',
    fieldName: 'Chứng thực',
    level: 'XA',
    competentAgency: 'Ủy ban nhân dân cấp xã',
    onlineLevel: 'MOTPHAN',
    duration: { amount: 0, unit: 'WORKING_DAYS', sameDay: true, extendedAmount: 2 },
    documents: [
      { code: 'BC', name: 'Bản chính giấy tờ', required: true, originals: 1, certifiedCopies: 0, copies: 0 },
      { code: 'BS', name: 'Bản sao cần chứng thực', required: false, originals: 0, certifiedCopies: 0, copies: 1 },
    ],
    fees: [
      {
        code: 'P',
        name: 'Phí chứng thực bản sao',
        kind: 'PER_PAGE_TIERED',
        tiers: [
          { fromPage: 1, toPage: 2, pricePerPage: 2000 },
          { fromPage: 3, toPage: null, pricePerPage: 1000 },
        ],
        capPerCopy: 200000,
      },
    ],
    inForce: true,
  };
}
