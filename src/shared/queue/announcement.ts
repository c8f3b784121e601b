/**
 * Voice announcement for a called ticket: "Mời công dân có số thứ tự A015 đến quầy số 3",
 * played as a chime followed by short pre-recorded clips (resources/sounds/<clip>.wav,
 * generated offline by scripts/make-voice-clips.sh from CLIP_SPEECH below). Numbers are read
 * the Vietnamese way — 15 "mười lăm", 21 "hai mươi mốt", 105 "một trăm linh năm" — not digit
 * by digit, because that is how a clerk would call them.
 */

const DIGITS = ['khong', 'mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin'] as const;

/**
 * Clip name → the Vietnamese text spoken in it (null: not speech). Names are the words without
 * diacritics; where two words would collide the tone is added: "mot" một / "mot-sac" mốt,
 * "muoi" mười / "muoi-ngang" mươi.
 */
export const CLIP_SPEECH = {
  chime: null,
  'moi-cong-dan-co-so-thu-tu': 'Mời công dân có số thứ tự',
  'den-quay-so': 'đến quầy số',
  khong: 'không',
  mot: 'một',
  hai: 'hai',
  ba: 'ba',
  bon: 'bốn',
  nam: 'năm',
  sau: 'sáu',
  bay: 'bảy',
  tam: 'tám',
  chin: 'chín',
  muoi: 'mười',
  'muoi-ngang': 'mươi',
  'mot-sac': 'mốt',
  tu: 'tư',
  lam: 'lăm',
  linh: 'linh',
  tram: 'trăm',
  nghin: 'nghìn',
  // Letters as Vietnamese say them when reading a code aloud.
  a: 'a', b: 'bê', c: 'xê', d: 'dê', e: 'e', f: 'ép', g: 'giê', h: 'hát', i: 'i', j: 'gi',
  k: 'ca', l: 'e lờ', m: 'em mờ', n: 'en nờ', o: 'o', p: 'pê', q: 'quy', r: 'e rờ',
  s: 'ét xì', t: 'tê', u: 'u', v: 'vê', w: 'vê kép', x: 'ích xì', y: 'i dài', z: 'dét',
} as const satisfies Record<string, string | null>;

export type ClipName = keyof typeof CLIP_SPEECH;
export const ALL_CLIP_NAMES = Object.keys(CLIP_SPEECH) as ClipName[];
/** Clips are 16 kHz mono WAV files named after the clip. */
export const clipFileName = (clip: ClipName): string => `${clip}.wav`;

/** The largest number the clips can read ("chín nghìn chín trăm chín mươi chín"). */
export const MAX_SPOKEN_NUMBER = 9999;

const TICKET = /^([A-Za-z]{1,3})(\d{1,4})$/;

function parseTicket(ticketNumber: string): { letters: string; number: number } {
  const m = TICKET.exec(ticketNumber.trim());
  if (!m) throw new RangeError(`Số thứ tự không hợp lệ: "${ticketNumber}"`);
  return { letters: m[1].toUpperCase(), number: Number(m[2]) };
}

function checkCounter(counterNumber: number): void {
  if (!Number.isInteger(counterNumber) || counterNumber < 1 || counterNumber > MAX_SPOKEN_NUMBER) {
    throw new RangeError(`Số quầy không hợp lệ: ${counterNumber}`);
  }
}

/** What is shown on the board (and spoken): "Mời công dân có số thứ tự A015 đến quầy số 3". */
export function announcementText(ticketNumber: string, counterNumber: number): string {
  const { letters } = parseTicket(ticketNumber);
  checkCounter(counterNumber);
  return `Mời công dân có số thứ tự ${letters}${ticketNumber.trim().slice(letters.length)} đến quầy số ${counterNumber}`;
}

/** The clips to play, in order, for one call. */
export function announcementClips(ticketNumber: string, counterNumber: number): ClipName[] {
  const { letters, number } = parseTicket(ticketNumber);
  checkCounter(counterNumber);
  return [
    'chime',
    'moi-cong-dan-co-so-thu-tu',
    ...[...letters.toLowerCase()].map((l) => l as ClipName),
    ...numberClips(number),
    'den-quay-so',
    ...numberClips(counterNumber),
  ];
}

/** 0–9999 as Vietnamese number words (clip names). */
export function numberClips(n: number): ClipName[] {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPOKEN_NUMBER) throw new RangeError(`Không đọc được số ${n}`);
  if (n === 0) return ['khong'];
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (thousands === 0) return upTo999(rest, false);
  const out: ClipName[] = [DIGITS[thousands], 'nghin'];
  return rest === 0 ? out : [...out, ...upTo999(rest, true)];
}

/** Spoken form of a number, e.g. 24 → "hai mươi tư" (for captions and tests). */
export function numberWords(n: number): string {
  return numberClips(n)
    .map((c) => CLIP_SPEECH[c])
    .join(' ');
}

/** `afterHigher`: a higher place was spoken, so an empty hundreds place is "không trăm". */
function upTo999(n: number, afterHigher: boolean): ClipName[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0 && !afterHigher) return upTo99(rest, false);
  const out: ClipName[] = [DIGITS[hundreds], 'tram'];
  return rest === 0 ? out : [...out, ...upTo99(rest, true)];
}

/** `afterHigher`: a lone unit after "trăm" takes "linh" (105 "một trăm linh năm"). */
function upTo99(n: number, afterHigher: boolean): ClipName[] {
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens === 0) return afterHigher ? ['linh', DIGITS[unit]] : [DIGITS[unit]];
  const head: ClipName[] = tens === 1 ? ['muoi'] : [DIGITS[tens], 'muoi-ngang'];
  if (unit === 0) return head;
  // 5 after a ten is "lăm"; after twenty and up, 1 is "mốt" and 4 is "tư" (11 and 14 keep
  // "một"/"bốn": "mười một", "mười bốn").
  if (unit === 5) return [...head, 'lam'];
  if (unit === 1 && tens > 1) return [...head, 'mot-sac'];
  if (unit === 4 && tens > 1) return [...head, 'tu'];
  return [...head, DIGITS[unit]];
}
