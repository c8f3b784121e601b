import type { ReceiptData } from '../../../shared/printing/form-data';
import { renderReceipt } from './receipt';

const SAMPLE: ReceiptData = {
  formSet: '2025',
  header: { parentAgencyName: 'Ủy ban nhân dân', agencyName: 'Bộ phận Một cửa', place: 'Hà Nội' },
  dossierCode: '000.00.00.H00-250101-0001',
  receivedAt: '2025-10-01T08:00:00+07:00',
  dueAt: '2025-10-03T08:00:00+07:00',
  applicant: { name: 'Nguyễn Văn Ấm', address: 'Hà Nội', phone: '0900000000', idNumber: '001000000000' },
  procedureName: 'Đăng ký khai sinh',
  procedureCode: '1.001193',
  documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, certifiedCopies: 0, copies: 0 }],
  sets: 1,
  processingTime: { amount: 1, unitLabel: 'ngày làm việc' },
  feeMode: 'EXEMPT',
  fees: [{ name: 'Lệ phí', amount: 0 }],
  resultDelivery: { method: 'COUNTER' },
  receiverName: 'Trần Thị Bình',
  lookupUrl: 'https://example.invalid/tra-cuu?ma=000.00.00.H00-250101-0001',
};

/**
 * Renders a throw-away receipt so the first real one at the counter does not pay for
 * parsing the fonts, decoding their layout tables and compiling the layout code
 * (about a second on a modest PC). Call once in the background after start-up.
 */
export async function warmUpPdf(): Promise<void> {
  await renderReceipt(SAMPLE);
}
