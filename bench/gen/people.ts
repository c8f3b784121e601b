/**
 * Citizens for the generated database: Vietnamese names with realistic frequencies, 12-digit
 * personal IDs consistent with sex and birth year, mobile numbers and Hà Nội addresses.
 *
 * A person is a pure function of (seed, index), so the same citizen can come back for a second
 * dossier years later without the generator keeping a population in memory.
 */
import { Rng, Weighted } from './rng';

// Share of the population per family name (rounded survey figures; the tail stands for the
// hundred-odd rarer names). Nguyễn alone is about 38 %.
export const FAMILY_NAMES = new Weighted<string>([
  ['Nguyễn', 380], ['Trần', 110], ['Lê', 95], ['Phạm', 70], ['Hoàng', 41], ['Huỳnh', 20], ['Phan', 45], ['Vũ', 29],
  ['Võ', 10], ['Đặng', 21], ['Bùi', 20], ['Đỗ', 14], ['Hồ', 13], ['Ngô', 13], ['Dương', 10], ['Lý', 5],
  ['Đinh', 6], ['Trương', 5], ['Đoàn', 4], ['Lâm', 3], ['Mai', 3], ['Trịnh', 4], ['Cao', 3], ['Lương', 3],
  ['Tạ', 2], ['Hà', 2], ['Chu', 1.5], ['Kiều', 1], ['Tô', 1], ['Quách', 0.6], ['Khổng', 0.3], ['Âu', 0.3],
]);

const MALE_MIDDLE = new Weighted<string>([
  ['Văn', 300], ['Đức', 60], ['Minh', 70], ['Quốc', 40], ['Hữu', 40], ['Công', 30], ['Thành', 30], ['Xuân', 25],
  ['Ngọc', 20], ['Đình', 30], ['Quang', 35], ['Trọng', 25], ['Anh', 20], ['Hoàng', 20], ['Gia', 25], ['Tuấn', 15],
  ['Duy', 15], ['Thanh', 25], ['Mạnh', 15], ['Bá', 10], ['Khắc', 8], ['Tiến', 10], ['Việt', 15], ['Hải', 12],
]);
const FEMALE_MIDDLE = new Weighted<string>([
  ['Thị', 420], ['Ngọc', 40], ['Thu', 35], ['Thanh', 35], ['Minh', 25], ['Phương', 20], ['Kim', 20], ['Thùy', 25],
  ['Hồng', 20], ['Mai', 15], ['Hải', 10], ['Bảo', 15], ['Diệu', 8], ['Khánh', 12], ['Lan', 8], ['Quỳnh', 10],
  ['Hoài', 8], ['Tuyết', 5], ['Mỹ', 8], ['Bích', 6],
]);
// Second middle name after "Thị" (Nguyễn Thị Thu Hương) or a first one.
const FEMALE_SECOND = new Weighted<string>([
  ['Thu', 30], ['Thanh', 25], ['Ngọc', 20], ['Minh', 15], ['Hồng', 12], ['Kim', 10], ['Phương', 10], ['Mai', 8], ['Bích', 6], ['Lan', 5], ['Hải', 5], ['Diệu', 3],
]);
const MALE_GIVEN = new Weighted<string>([
  ['Anh', 60], ['Minh', 55], ['Hùng', 45], ['Dũng', 45], ['Tuấn', 45], ['Hải', 40], ['Nam', 40], ['Long', 35], ['Cường', 35], ['Đức', 35],
  ['Hiếu', 30], ['Huy', 35], ['Thắng', 30], ['Trung', 30], ['Sơn', 30], ['Quang', 25], ['Phong', 20], ['Thành', 25], ['Tùng', 20], ['Việt', 20],
  ['Bình', 20], ['Hoàng', 20], ['Khánh', 15], ['Kiên', 12], ['Lâm', 10], ['Nghĩa', 15], ['Phúc', 15], ['Quân', 20], ['Tài', 12], ['Thịnh', 12],
  ['Toàn', 12], ['Vinh', 15], ['Duy', 15], ['Đạt', 20], ['Giang', 8], ['Hòa', 10], ['Khang', 10], ['Khoa', 12], ['Luân', 5], ['Bảo', 12],
  ['An', 15], ['Dương', 8], ['Hưng', 15], ['Lợi', 6], ['Ngọc', 5], ['Phát', 8], ['Thái', 8], ['Tiến', 12], ['Vũ', 10], ['Chiến', 8],
  ['Đông', 5], ['Thuận', 5], ['Tân', 6], ['Hậu', 5], ['Nhân', 8], ['Khải', 3], ['Lực', 3], ['Nguyên', 8], ['Thông', 4], ['Trí', 6],
]);
const FEMALE_GIVEN = new Weighted<string>([
  ['Hương', 50], ['Linh', 55], ['Trang', 50], ['Hà', 45], ['Lan', 35], ['Hằng', 35], ['Thảo', 40], ['Huyền', 35], ['Ngọc', 30], ['Anh', 40],
  ['Mai', 30], ['Nga', 25], ['Thủy', 30], ['Phương', 30], ['Hạnh', 25], ['Hiền', 25], ['Hoa', 25], ['Dung', 20], ['Loan', 15], ['Nhung', 20],
  ['Yến', 20], ['Vân', 20], ['Chi', 20], ['Giang', 18], ['My', 15], ['Ngân', 15], ['Quỳnh', 18], ['Thu', 15], ['Trâm', 10], ['Uyên', 12],
  ['Vy', 15], ['Xuân', 8], ['Bích', 8], ['Diệp', 3], ['Duyên', 12], ['Hường', 10], ['Liên', 10], ['Oanh', 8], ['Quyên', 6], ['Thơ', 5],
  ['Tuyết', 6], ['Nhi', 15], ['Tâm', 10], ['Khánh', 6], ['Mơ', 2], ['Lụa', 2], ['Nguyệt', 6], ['Thoa', 5], ['Huệ', 6], ['Lý', 4],
]);

// Where citizens' 12-digit IDs were registered (first three digits): mostly Hà Nội, the rest
// from the provinces people move in from.
const ID_PROVINCES = new Weighted<string>([
  ['001', 700], ['030', 25], ['031', 20], ['033', 25], ['034', 30], ['035', 20], ['036', 30], ['037', 15], ['038', 35],
  ['040', 30], ['042', 15], ['022', 15], ['024', 15], ['026', 15], ['027', 15], ['019', 10], ['025', 10], ['079', 15], ['048', 5],
]);

const MOBILE_PREFIXES = [
  '090', '091', '093', '094', '096', '097', '098', '086', '088', '089', '032', '033', '034', '035', '036', '037', '038', '039',
  '070', '076', '077', '078', '079', '081', '082', '083', '084', '085', '056', '058', '059',
];

const STREETS = [
  'Đội Cấn', 'Kim Mã', 'Liễu Giai', 'Nguyễn Thái Học', 'Phan Đình Phùng', 'Hoàng Hoa Thám', 'Quán Thánh', 'Hùng Vương', 'Văn Cao',
  'Ngọc Hà', 'Giảng Võ', 'Đào Tấn', 'Nguyễn Chí Thanh', 'Láng Hạ', 'Cầu Giấy', 'Trần Duy Hưng', 'Xuân Thủy', 'Tây Sơn', 'Chùa Bộc',
  'Thái Hà', 'Lạc Long Quân', 'Âu Cơ', 'Thụy Khuê', 'Hàng Bông', 'Hàng Đào', 'Lê Duẩn', 'Giải Phóng', 'Bạch Mai', 'Minh Khai', 'Tôn Đức Thắng',
  'Nguyễn Trãi', 'Lê Văn Lương', 'Tố Hữu', 'Phạm Văn Đồng', 'Hồ Tùng Mậu', 'Trường Chinh', 'Đê La Thành', 'Vĩnh Phúc', 'Cống Vị', 'Núi Trúc',
];
const WARDS = ['Ba Đình', 'Ngọc Hà', 'Giảng Võ', 'Tây Hồ', 'Cầu Giấy', 'Nghĩa Đô', 'Láng', 'Ô Chợ Dừa', 'Đống Đa', 'Kim Liên', 'Hoàn Kiếm', 'Cửa Nam', 'Văn Miếu – Quốc Tử Giám', 'Bạch Mai', 'Hai Bà Trưng', 'Thanh Xuân', 'Hoàng Mai', 'Yên Hòa'];

const MAIL_HOSTS = ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'outlook.com.vn'];

export type Sex = 'Nam' | 'Nữ';

export interface Person {
  fullName: string;
  sex: Sex;
  birthDate: string;
  idNumber: string;
  phone: string | null;
  email: string | null;
  address: string;
}

/** ASCII form of a name for e-mail addresses (the app folds with its own function for search). */
function ascii(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z]/g, '');
}

/** A Hà Nội street address. */
export function addressOf(rng: Rng): string {
  const house = rng.int(1, 199);
  const lane = rng.chance(0.6) ? ` ngõ ${rng.int(1, 299)}` : '';
  const alley = lane && rng.chance(0.3) ? ` ngách ${rng.int(1, 99)}` : '';
  return `Số ${house}${alley}${lane} phố ${rng.pick(STREETS)}, phường ${rng.pick(WARDS)}, thành phố Hà Nội`;
}

/** A full name in the usual order: family, middle name(s), given name. */
export function nameOf(rng: Rng, sex: Sex): string {
  const family = FAMILY_NAMES.pick(rng);
  if (sex === 'Nam') {
    const middle = MALE_MIDDLE.pick(rng);
    return `${family} ${middle} ${MALE_GIVEN.pick(rng)}`;
  }
  const middle = FEMALE_MIDDLE.pick(rng);
  const second = rng.chance(0.25) ? ` ${FEMALE_SECOND.pick(rng)}` : '';
  let given = FEMALE_GIVEN.pick(rng);
  if (second.trim() === given) given = 'Hương';
  return `${family} ${middle}${second} ${given}`;
}

/**
 * The citizen number `index` of the population of seed `seed`: adult (born `latestBirthYear`
 * − 62 … `latestBirthYear`), ID number with the province, century/sex digit and birth year.
 */
export function personAt(seed: number, index: number, latestBirthYear: number): Person {
  const rng = new Rng(seed, 0x50000000 + index);
  const sex: Sex = rng.chance(0.52) ? 'Nữ' : 'Nam';
  const year = latestBirthYear - rng.int(0, 62);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // Digit 4 of the ID: 0/1 born in the 1900s (male/female), 2/3 in the 2000s.
  const centurySex = (year >= 2000 ? 2 : 0) + (sex === 'Nữ' ? 1 : 0);
  const idNumber = `${ID_PROVINCES.pick(rng)}${centurySex}${String(year % 100).padStart(2, '0')}${rng.digits(6)}`;
  const fullName = nameOf(rng, sex);
  const phone = rng.chance(0.88) ? `${rng.pick(MOBILE_PREFIXES)}${rng.digits(7)}` : null;
  const email = rng.chance(0.12) ? `${ascii(fullName.split(' ').pop()!)}${ascii(fullName.split(' ')[0])}${rng.int(1, 999)}@${rng.pick(MAIL_HOSTS)}` : null;
  return { fullName, sex, birthDate, idNumber, phone, email, address: addressOf(rng) };
}
