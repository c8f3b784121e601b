import type { IntakeInput } from '../../src/shared/dossiers/dossier-schemas';

/** A realistic walk-in intake for a certified copy (chứng thực bản sao), with a few variations by index. */
export function sampleIntake(i = 0, overrides: Partial<IntakeInput> = {}): IntakeInput {
  const names = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hoàng Đức', 'Phạm Thị Thu Hường', 'Đặng Quốc Việt'];
  return {
    procedureCode: '2.000815',
    channel: '1',
    applicant: {
      fullName: names[i % names.length],
      idNumber: String(1_000_000_000_00 + i).padStart(12, '0'),
      birthDate: '1985-04-12',
      sex: i % 2 ? 'Nữ' : 'Nam',
      address: 'Số 12 phố Đội Cấn, phường Ba Đình, thành phố Hà Nội',
      phone: `09${String(10_000_000 + i).slice(-8)}`,
    },
    documents: [{ code: 'BANCHINH', name: 'Bản chính giấy tờ cần chứng thực', originals: 1, certifiedCopies: 0, copies: 2 }],
    sets: 1,
    fee: { collection: 'THUTRUOC', copies: 2, pagesPerCopy: 3 },
    resultDelivery: '0',
    ...overrides,
  };
}
