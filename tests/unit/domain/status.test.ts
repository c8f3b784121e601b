import { describe, expect, it } from 'vitest';
import {
  CHANNEL,
  CHANNEL_LABELS,
  channelSchema,
  DOSSIER_STATUS,
  DOSSIER_STATUS_LABELS,
  dossierStatusSchema,
  FEE_COLLECTION,
  FEE_COLLECTION_LABELS,
  feeCollectionSchema,
  OWNER_TYPE_LABELS,
  ownerTypeSchema,
  PROVINCIAL_FEE_COLLECTION,
  provincialFeeCollectionSchema,
  RESULT_DELIVERY,
  RESULT_DELIVERY_LABELS,
  resultDeliverySchema,
} from '../../../src/shared/domain/status';

describe('dossier status', () => {
  it('covers the ten portal codes as strings', () => {
    expect(dossierStatusSchema.options).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(Object.values(DOSSIER_STATUS).sort((a, b) => Number(a) - Number(b))).toEqual(dossierStatusSchema.options);
    expect(Object.keys(DOSSIER_STATUS_LABELS).sort((a, b) => Number(a) - Number(b))).toEqual(dossierStatusSchema.options);
  });

  it('labels the codes as the national portal does', () => {
    expect(DOSSIER_STATUS_LABELS[DOSSIER_STATUS.RECEIVED]).toBe('Được tiếp nhận');
    expect(DOSSIER_STATUS_LABELS[DOSSIER_STATUS.SUPPLEMENT_REQUESTED]).toBe('Yêu cầu bổ sung giấy tờ');
    expect(DOSSIER_STATUS_LABELS[DOSSIER_STATUS.RETURNED]).toBe('Đã trả kết quả');
  });

  it('rejects numbers and unknown codes (the API sends strings)', () => {
    expect(dossierStatusSchema.safeParse('10').success).toBe(true);
    expect(dossierStatusSchema.safeParse(10).success).toBe(false);
    expect(dossierStatusSchema.safeParse('11').success).toBe(false);
    expect(dossierStatusSchema.safeParse('0').success).toBe(false);
  });
});

describe('other codes', () => {
  it('channel', () => {
    expect(CHANNEL.POSTAL).toBe('3');
    expect(CHANNEL_LABELS['2']).toBe('Trực tuyến');
    expect(channelSchema.safeParse('4').success).toBe(false);
  });

  it('owner type', () => {
    expect(OWNER_TYPE_LABELS['1']).toBe('Công dân');
    expect(ownerTypeSchema.options).toEqual(['1', '2', '3', '4']);
  });

  it('fee collection keeps KHONGTHU out of what the provincial API accepts', () => {
    expect(feeCollectionSchema.safeParse(FEE_COLLECTION.NONE).success).toBe(true);
    expect(FEE_COLLECTION_LABELS.KHONGTHU).toBe('Không thu');
    expect(FEE_COLLECTION_LABELS.THUTRUOC).toBe('Thu trước');
    expect(provincialFeeCollectionSchema.safeParse('KHONGTHU').success).toBe(false);
    expect([...PROVINCIAL_FEE_COLLECTION]).toEqual(['THUTRUOC', 'THUSAU', 'MIEN']);
  });

  it('result delivery', () => {
    expect(RESULT_DELIVERY.POST).toBe('1');
    expect(RESULT_DELIVERY_LABELS['0']).toContain('Bộ phận Một cửa');
    expect(resultDeliverySchema.safeParse('2').success).toBe(false);
  });

  it('every label is NFC Vietnamese text', () => {
    for (const map of [DOSSIER_STATUS_LABELS, CHANNEL_LABELS, OWNER_TYPE_LABELS, FEE_COLLECTION_LABELS, RESULT_DELIVERY_LABELS]) {
      for (const label of Object.values(map)) expect(label).toBe(label.normalize('NFC'));
    }
  });
});
