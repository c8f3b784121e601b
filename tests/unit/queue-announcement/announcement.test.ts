import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALL_CLIP_NAMES,
  announcementClips,
  announcementText,
  clipFileName,
  MAX_SPOKEN_NUMBER,
  numberClips,
  numberWords,
  type ClipName,
} from '../../../src/shared/queue/announcement';

const SOUNDS = path.resolve('resources/sounds');

describe('reading numbers in Vietnamese', () => {
  it.each<[number, ClipName[]]>([
    [1, ['mot']],
    [5, ['nam']],
    [10, ['muoi']],
    [11, ['muoi', 'mot']],
    [15, ['muoi', 'lam']],
    [21, ['hai', 'muoi-ngang', 'mot-sac']],
    [24, ['hai', 'muoi-ngang', 'tu']],
    [25, ['hai', 'muoi-ngang', 'lam']],
    [100, ['mot', 'tram']],
    [105, ['mot', 'tram', 'linh', 'nam']],
    [999, ['chin', 'tram', 'chin', 'muoi-ngang', 'chin']],
  ])('%i', (n, clips) => {
    expect(numberClips(n)).toEqual(clips);
  });

  it.each<[number, string]>([
    [0, 'không'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [50, 'năm mươi'],
    [55, 'năm mươi lăm'],
    [101, 'một trăm linh một'],
    [104, 'một trăm linh bốn'],
    [110, 'một trăm mười'],
    [111, 'một trăm mười một'],
    [115, 'một trăm mười lăm'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [2024, 'hai nghìn không trăm hai mươi tư'],
    [9999, 'chín nghìn chín trăm chín mươi chín'],
  ])('%i → %s', (n, words) => {
    expect(numberWords(n)).toBe(words);
  });

  it('refuses numbers it cannot read', () => {
    for (const n of [-1, 1.5, MAX_SPOKEN_NUMBER + 1, Number.NaN]) expect(() => numberClips(n)).toThrow(RangeError);
  });
});

describe('announcement', () => {
  it('text shows the ticket as printed and the counter number', () => {
    expect(announcementText('A015', 3)).toBe('Mời công dân có số thứ tự A015 đến quầy số 3');
    expect(announcementText(' b102 ', 12)).toBe('Mời công dân có số thứ tự B102 đến quầy số 12');
  });

  it('clips: chime, phrase, letter, number as a number, phrase, counter', () => {
    expect(announcementClips('A015', 3)).toEqual(['chime', 'moi-cong-dan-co-so-thu-tu', 'a', 'muoi', 'lam', 'den-quay-so', 'ba']);
    expect(announcementClips('B105', 21)).toEqual([
      'chime', 'moi-cong-dan-co-so-thu-tu', 'b', 'mot', 'tram', 'linh', 'nam', 'den-quay-so', 'hai', 'muoi-ngang', 'mot-sac',
    ]);
    expect(announcementClips('UT007', 1)).toEqual(['chime', 'moi-cong-dan-co-so-thu-tu', 'u', 't', 'bay', 'den-quay-so', 'mot']);
  });

  it('rejects malformed tickets and counters', () => {
    for (const t of ['015', 'A', 'A12345', 'Ă01', 'A-01']) expect(() => announcementClips(t, 1)).toThrow(RangeError);
    for (const c of [0, -2, 2.5]) expect(() => announcementClips('A001', c)).toThrow(RangeError);
  });
});

describe('voice clip files', () => {
  it('every clip the functions can produce is a known clip name', () => {
    const produced = new Set<string>();
    for (let n = 0; n <= MAX_SPOKEN_NUMBER; n++) for (const c of numberClips(n)) produced.add(c);
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') for (const c of announcementClips(`${letter}1`, 1)) produced.add(c);
    expect([...produced].filter((c) => !ALL_CLIP_NAMES.includes(c as ClipName))).toEqual([]);
    expect(ALL_CLIP_NAMES.filter((c) => !produced.has(c))).toEqual([]);
  });

  it('exists in resources/sounds as a 16 kHz mono 16-bit WAV, with no stray files', () => {
    for (const clip of ALL_CLIP_NAMES) {
      const file = path.join(SOUNDS, clipFileName(clip));
      expect(fs.existsSync(file), file).toBe(true);
      const wav = fs.readFileSync(file);
      expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
      expect(wav.toString('latin1', 8, 12)).toBe('WAVE');
      expect(wav.readUInt16LE(22)).toBe(1); // channels
      expect(wav.readUInt32LE(24)).toBe(16000); // sample rate
      expect(wav.readUInt16LE(34)).toBe(16); // bits per sample
      // At least 0.1 s of audio, at most 6 s: an empty or runaway clip is a generation fault.
      expect(wav.length).toBeGreaterThan(44 + 3200);
      expect(wav.length).toBeLessThan(44 + 6 * 32000);
    }
    const onDisk = fs.readdirSync(SOUNDS).filter((f) => f.endsWith('.wav'));
    expect(onDisk.sort()).toEqual(ALL_CLIP_NAMES.map(clipFileName).sort());
  });
});
