/**
 * Demanding sample data for the form renderers: long Vietnamese names, an organisation
 * as owner, ten documents, three fees. Shared by the printing integration tests.
 */
import type {
  AgencyHeader,
  ApologyData,
  ControlSheetData,
  FeeReceiptData,
  PostalHandoverData,
  ReceiptData,
  RefusalData,
  StopNoticeData,
  SupplementRequestData,
  TrackingBookData,
} from '../../../src/shared/printing/form-data';

export const header: AgencyHeader = {
  parentAgencyName: 'Ủy ban nhân dân phường Ba Đình',
  agencyName: 'Trung tâm Phục vụ hành chính công phường Ba Đình',
  place: 'Phường Ba Đình',
};

export const dossierCode = '000.00.06.H56-231027-0361';
export const longApplicantName = 'Tôn Nữ Hoàng Thị Phương Thảo Nguyễn Huỳnh Ngọc Khánh Linh';
export const organisationName =
  'Công ty Trách nhiệm hữu hạn Một thành viên Thương mại Dịch vụ Xuất nhập khẩu Nông sản Đồng bằng sông Cửu Long';

export const receipt: ReceiptData = {
  formSet: '2018',
  header,
  dossierCode,
  receivedAt: '2023-10-27T09:32:00+07:00',
  dueAt: '2023-11-03T09:32:00+07:00',
  applicant: {
    name: longApplicantName,
    address: 'Số 18, ngõ 102 phố Trường Chinh, phường Phương Mai, thành phố Hà Nội',
    phone: '0912345678',
    email: 'phuongthao.nguyen@example.vn',
    idNumber: '001190012345',
  },
  owner: {
    kind: 'ORGANISATION',
    name: organisationName,
    address: 'Lô C7, Khu công nghiệp Trà Nóc II, phường Phước Thới, thành phố Cần Thơ',
    taxCode: '1801234567',
    representative: 'Lê Văn Thắng',
  },
  procedureName: 'Đăng ký thành lập hộ kinh doanh',
  procedureCode: '1.001612',
  documents: [
    { name: 'Giấy đề nghị đăng ký hộ kinh doanh (Phụ lục III-1, Thông tư số 01/2021/TT-BKHĐT)', originals: 1, certifiedCopies: 0, copies: 0 },
    { name: 'Bản sao giấy tờ pháp lý của cá nhân đối với các thành viên hộ gia đình đăng ký hộ kinh doanh', originals: 0, certifiedCopies: 2, copies: 0 },
    { name: 'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh', originals: 1, certifiedCopies: 0, copies: 1 },
    { name: 'Văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh', originals: 1, certifiedCopies: 0, copies: 0 },
    { name: 'Hợp đồng thuê địa điểm kinh doanh', originals: 0, certifiedCopies: 1, copies: 0 },
    { name: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất', originals: 0, certifiedCopies: 1, copies: 1 },
    { name: 'Giấy chứng nhận đủ điều kiện an toàn thực phẩm', originals: 0, certifiedCopies: 1, copies: 0 },
    { name: 'Văn bản chấp thuận của Ủy ban nhân dân về địa điểm kinh doanh', originals: 1, certifiedCopies: 0, copies: 0 },
    { name: 'Sơ đồ vị trí địa điểm kinh doanh', originals: 0, certifiedCopies: 0, copies: 2 },
    { name: 'Giấy giới thiệu của người nộp hồ sơ', originals: 1, certifiedCopies: 0, copies: 0 },
  ],
  sets: 1,
  processingTime: { amount: 3, unitLabel: 'ngày làm việc' },
  feeMode: 'PREPAID',
  fees: [
    { name: 'Lệ phí đăng ký hộ kinh doanh', amount: 100000 },
    { name: 'Phí chứng thực bản sao (4 trang)', amount: 6000 },
    { name: 'Phí cung cấp thông tin về đăng ký hộ kinh doanh', amount: 20000 },
  ],
  resultDelivery: {
    method: 'POST',
    address: 'Số 18, ngõ 102 phố Trường Chinh, phường Phương Mai, thành phố Hà Nội',
  },
  receiverName: 'Đặng Thị Ngọc Ánh',
  lookupUrl: `https://dichvucong.hanoi.gov.vn/tra-cuu-ho-so?ma=${dossierCode}`,
  bookEntry: { volume: '03/2023', number: '1.204' },
};

export const supplement: SupplementRequestData = {
  formSet: '2025',
  header,
  dossierCode,
  issuedAt: '2025-10-01T14:05:00+07:00',
  applicant: receipt.applicant,
  procedureName: 'Đăng ký thành lập hộ kinh doanh',
  items: [
    { name: 'Biên bản họp thành viên hộ gia đình (thiếu chữ ký của thành viên Nguyễn Văn Bình)', originals: 1, certifiedCopies: 0, copies: 0, note: 'Bổ sung chữ ký' },
    { name: 'Hợp đồng thuê địa điểm kinh doanh', originals: 0, certifiedCopies: 1, copies: 0 },
  ],
  reason: 'Hồ sơ chưa đủ thành phần theo quy định tại Điều 87 Nghị định số 01/2021/NĐ-CP.',
  rulesReference: 'Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), thủ tục mã 1.001612',
  contact: { name: 'Đặng Thị Ngọc Ánh', phone: '0243 8223 456' },
  guideName: 'Đặng Thị Ngọc Ánh',
};

export const refusal: RefusalData = {
  formSet: '2018',
  header,
  dossierCode,
  issuedAt: '2023-10-27T10:15:00+07:00',
  applicant: receipt.applicant,
  procedureName: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
  reasons: [
    'Bản chính giấy tờ bị tẩy xóa, sửa chữa nội dung không hợp lệ.',
    'Giấy tờ do cơ quan nước ngoài cấp chưa được hợp pháp hóa lãnh sự.',
  ],
  receiverName: 'Đặng Thị Ngọc Ánh',
};

export const apology: ApologyData = {
  formSet: '2025',
  header,
  documentNumber: '125/TTPVHCC-TNTKQ',
  issuedAt: '2025-11-03T08:00:00+07:00',
  recipientName: longApplicantName,
  receivedAt: '2025-10-27T09:32:00+07:00',
  procedureName: 'Đăng ký thành lập hộ kinh doanh',
  dossierCode: '000.00.06.H56-251027-0361',
  originalDueAt: '2025-10-30T09:32:00+07:00',
  delayReason: 'cần xác minh thông tin về địa điểm kinh doanh với Ủy ban nhân dân phường Phương Mai',
  faultyBody: 'Phòng Kinh tế, Hạ tầng và Đô thị phường Ba Đình',
  newDueAt: '2025-11-07T16:00:00+07:00',
  signer: { title: 'KT. Giám đốc\nPhó Giám đốc', name: 'Trần Quốc Vượng' },
  recipients: ['Như trên', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Lưu: VT, TNTKQ'],
};

export const stopNotice: StopNoticeData = {
  formSet: '2025',
  header,
  documentNumber: '131/TB-TTPVHCC',
  issuedAt: '2025-11-05T10:00:00+07:00',
  recipientName: organisationName,
  dossierCode: '000.00.06.H56-251027-0362',
  receivedAt: '2025-10-27T10:02:00+07:00',
  procedureName: 'Đăng ký thành lập hộ kinh doanh',
  reasons: [
    'Tổ chức có văn bản đề nghị rút hồ sơ ngày 04/11/2025.',
    'Địa điểm kinh doanh đang có tranh chấp, chưa được giải quyết dứt điểm.',
  ],
  legalBasis: 'Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ',
  signer: { title: 'Giám đốc', name: 'Nguyễn Thị Hương Giang' },
  recipients: ['Như trên', 'Lưu: VT'],
};

export const controlSheet: ControlSheetData = {
  formSet: '2025',
  header,
  dossierCode: '000.00.06.H56-251027-0361',
  ownerName: organisationName,
  procedureName: 'Đăng ký thành lập hộ kinh doanh',
  receivedAt: '2025-10-27T09:32:00+07:00',
  dueAt: '2025-10-30T09:32:00+07:00',
  processingBody: 'Phòng Kinh tế, Hạ tầng và Đô thị phường Ba Đình',
  cooperatingBodies: ['Chi cục Thuế khu vực I', 'Công an phường Ba Đình'],
  rows: [
    {
      fromBody: 'Trung tâm Phục vụ hành chính công phường Ba Đình',
      toBody: 'Phòng Kinh tế, Hạ tầng và Đô thị',
      at: '2025-10-27T10:00:00+07:00',
      giverName: 'Đặng Thị Ngọc Ánh',
      receiverName: 'Phạm Minh Tuấn',
      result: 'ON_TIME',
    },
    {
      fromBody: 'Phòng Kinh tế, Hạ tầng và Đô thị',
      toBody: 'Chi cục Thuế khu vực I',
      at: '2025-10-28T08:15:00+07:00',
      giverName: 'Phạm Minh Tuấn',
      receiverName: 'Hoàng Văn Sơn',
      result: 'EARLY',
      note: 'Xin ý kiến về mã số thuế',
      viaPost: true,
    },
    {
      fromBody: 'Phòng Kinh tế, Hạ tầng và Đô thị',
      toBody: 'Trung tâm Phục vụ hành chính công phường Ba Đình',
      at: '2025-10-31T15:40:00+07:00',
      giverName: 'Phạm Minh Tuấn',
      receiverName: 'Đặng Thị Ngọc Ánh',
      result: 'LATE',
      note: 'Chậm 1 ngày do chờ xác minh',
    },
  ],
};

const procedures = [
  'Đăng ký khai sinh',
  'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp',
  'Cấp Giấy xác nhận tình trạng hôn nhân',
  'Đăng ký thành lập hộ kinh doanh',
];
const names = ['Nguyễn Văn An', longApplicantName, 'Trần Thị Bích Ngọc', organisationName, 'Lê Đức Huỳnh'];

/** `n` rows on consecutive days from 2 Oct 2023, some with long names that wrap. */
export function trackingRows(n: number): TrackingBookData['rows'] {
  return Array.from({ length: n }, (_, i) => {
    const day = 2 + (i % 25);
    const dd = String(day).padStart(2, '0');
    const seq = String(i + 1).padStart(4, '0');
    return {
      dossierCode: `000.00.06.H56-2310${dd}-${seq}`,
      procedureName: procedures[i % procedures.length],
      sets: 1 + (i % 2),
      applicantName: names[i % names.length],
      address: i % 3 === 0 ? 'Số 5 phố Đội Cấn, phường Ba Đình, Hà Nội' : 'Thôn Đông, xã Sóc Sơn',
      phone: `09${String(10000000 + i).slice(-8)}`,
      competentAgency: i % 2 ? 'UBND phường Ba Đình' : 'Phòng Kinh tế, Hạ tầng và Đô thị',
      receivedAt: `2023-10-${dd}T08:${String(i % 60).padStart(2, '0')}:00+07:00`,
      dueAt: `2023-10-${String(Math.min(day + 3, 31)).padStart(2, '0')}T08:00:00+07:00`,
      sentAt: i % 4 === 0 ? undefined : `2023-10-${dd}T10:00:00+07:00`,
      resultAt: i % 5 === 0 ? undefined : `2023-10-${String(Math.min(day + 2, 31)).padStart(2, '0')}T15:00:00+07:00`,
      returnedAt: i % 6 === 0 ? undefined : `2023-10-${String(Math.min(day + 3, 31)).padStart(2, '0')}T09:00:00+07:00`,
      note: i % 7 === 0 ? 'Trả qua bưu chính' : undefined,
    };
  });
}

export const trackingBook: TrackingBookData = {
  formSet: '2018',
  header,
  periodFrom: '2023-10-01',
  periodTo: '2023-10-31',
  volume: '03/2023',
  printedAt: '2023-11-01T08:00:00+07:00',
  rows: trackingRows(6),
};

export const feeReceipt: FeeReceiptData = {
  header,
  series: 'BL-25T',
  number: '0001234',
  issuedAt: '2023-10-27T09:40:00+07:00',
  payerName: longApplicantName,
  payerAddress: receipt.applicant.address,
  dossierCode,
  procedureName: 'Đăng ký thành lập hộ kinh doanh',
  fees: receipt.fees,
  paymentMethod: 'CASH',
  collectorName: 'Đặng Thị Ngọc Ánh',
};

export const postalHandover: PostalHandoverData = {
  header,
  direction: 'OUT',
  slipNumber: '27/10-BCCI',
  at: '2023-10-27T16:30:00+07:00',
  postalEmployee: { name: 'Vũ Thị Thu Hà', phone: '0987654321' },
  postOffice: 'Bưu cục Ba Đình, Bưu điện thành phố Hà Nội',
  clerkName: 'Đặng Thị Ngọc Ánh',
  rows: [
    { postalCode: 'EL123456785VN', dossierCode, ownerName: organisationName, procedureName: 'Đăng ký thành lập hộ kinh doanh', sets: 1 },
    { postalCode: 'EL000000014VN', dossierCode: '000.00.06.H56-231027-0362', ownerName: longApplicantName, procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân', sets: 2, note: 'Giao tận tay' },
    { postalCode: 'RR99887766VN', dossierCode: '000.00.06.H56-231027-0363', ownerName: 'Lê Đức Huỳnh', procedureName: 'Đăng ký khai sinh', sets: 1 },
  ],
};
