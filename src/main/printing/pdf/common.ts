import type { Applicant, Signer } from '../../../shared/printing/form-data';
import { DOTS, type FormWriter, type SignatureBlock } from './layout';

/** Address, phone and e-mail lines shared by forms 02 and 03. */
export function contactLines(w: FormWriter, a: Applicant): void {
  w.field('Địa chỉ:', a.address);
  w.fieldRow(
    [
      { label: 'Số điện thoại:', value: a.phone },
      { label: 'Email:', value: a.email },
    ],
    [1, 1.3],
  );
}

/** "1. …", "2. …" paragraphs indented under a lead-in sentence. */
export function numberedList(w: FormWriter, items: string[]): void {
  items.forEach((item, i) => w.para(`${i + 1}. ${item}`, { indent: w.s(18), align: 'justify' }));
  w.gap(3);
}

/** Signer of a letter: capacity, stamp hint, name. */
export function letterSigner(s: Signer): SignatureBlock {
  return { title: s.title, note: '(Ký, ghi rõ họ tên và đóng dấu)', name: s.name };
}

/** "Số: 125/UBND-VP" on the left under the agency; dotted when not numbered yet. */
export function numberLine(documentNumber: string | undefined): string {
  return `Số: ${documentNumber?.trim() || DOTS}`;
}

/** Centred "Kính gửi: …" line of a letter. */
export function addressee(w: FormWriter, name: string): void {
  w.runs([{ text: 'Kính gửi: ' }, { text: name, style: 'bold' }], w.left + w.width * 0.12, w.width * 0.76, w.base);
  w.gap(6);
}
