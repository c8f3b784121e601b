import { describe, expect, it } from 'vitest';
import {
  FeeReceiptDataSchema,
  PostalHandoverDataSchema,
  ReceiptDataSchema,
  StopNoticeDataSchema,
  TrackingBookDataSchema,
  feeTotal,
  postalTotals,
} from '../../../src/shared/printing/form-data';
import * as S from '../../integration/printing/samples';

describe('form data schemas', () => {
  it('accept the demanding samples', () => {
    expect(ReceiptDataSchema.safeParse(S.receipt).success).toBe(true);
    expect(FeeReceiptDataSchema.safeParse(S.feeReceipt).success).toBe(true);
    expect(PostalHandoverDataSchema.safeParse(S.postalHandover).success).toBe(true);
    expect(StopNoticeDataSchema.safeParse(S.stopNotice).success).toBe(true);
    expect(TrackingBookDataSchema.safeParse({ ...S.trackingBook, rows: S.trackingRows(30) }).success).toBe(true);
  });

  it('reject a receipt whose QR would not lead to the dossier', () => {
    const r = ReceiptDataSchema.safeParse({ ...S.receipt, lookupUrl: 'https://dichvucong.hanoi.gov.vn/tra-cuu' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['lookupUrl']);
    expect(r.error?.issues[0].message).toBe('Đường dẫn tra cứu phải chứa mã hồ sơ');
  });

  it('reject blank names, fractional money, postal delivery without address and local times', () => {
    expect(ReceiptDataSchema.safeParse({ ...S.receipt, applicant: { ...S.receipt.applicant, name: '   ' } }).success).toBe(false);
    expect(ReceiptDataSchema.safeParse({ ...S.receipt, fees: [{ name: 'Lệ phí', amount: 1000.5 }] }).success).toBe(false);
    expect(ReceiptDataSchema.safeParse({ ...S.receipt, resultDelivery: { method: 'POST' } }).success).toBe(false);
    expect(ReceiptDataSchema.safeParse({ ...S.receipt, receivedAt: '2023-10-27T09:32:00' }).success).toBe(false);
    expect(ReceiptDataSchema.safeParse({ ...S.receipt, resultDelivery: { method: 'COUNTER' } }).success).toBe(true);
  });

  it('reject a stop notice in the 2018 form set, which had no such form', () => {
    expect(StopNoticeDataSchema.safeParse({ ...S.stopNotice, formSet: '2018' }).success).toBe(false);
  });

  it('reject a tracking period that ends before it starts', () => {
    const r = TrackingBookDataSchema.safeParse({ ...S.trackingBook, periodFrom: '2023-11-01', periodTo: '2023-10-01' });
    expect(r.success).toBe(false);
  });

  it('compute totals from the lines', () => {
    expect(feeTotal(S.receipt.fees)).toBe(126000);
    expect(postalTotals(S.postalHandover.rows)).toEqual({ items: 3, sets: 4 });
  });
});
