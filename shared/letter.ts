/**
 * The answer letter (issue 14): what a printed reply to a petition says, laid out after the
 * administrative letter of Decree 30/2020 (agency and number left, national motto right, place and
 * date, "V/v", "Kính gửi", body, "Nơi nhận" and the signature block). Pure: functions/lib/letter-pdf.ts
 * draws it.
 */
import { ConflictError } from './errors.ts';
import { localDayOf } from './time.ts';
import type { CaseRecord } from './workflow.ts';

export type Letter = {
  department: string;
  number: string;
  date: string;
  /** Địa danh before the date, when the catalog names it. */
  place?: string;
  subject: string;
  recipient: { name: string; address?: string };
  body: string[];
  answer: string;
  signer: { title: string; name?: string };
};

/** The letter's number: the tracking code names the record, "TL-PAKN" says what the paper is. */
export const letterNumber = (trackingCode: string) => `${trackingCode}/TL-PAKN`;

/** "ngày 05 tháng 03 năm 2026" for a local day: the date line of a Vietnamese administrative letter. */
export function letterDate(instant: string): string {
  const [year, month, day] = localDayOf(instant).split('-');
  return `ngày ${day} tháng ${month} năm ${year}`;
}

const SUMMARY_MAX = 600;
const summaryOf = (text: string) => (text.length > SUMMARY_MAX ? `${text.slice(0, SUMMARY_MAX - 1).trimEnd()}…` : text);

/**
 * The letter for a petition with a published answer, or 409: `no_published_answer` (not a
 * petition, or nothing published yet), `no_contact` (nobody to address it to).
 */
export function buildLetter(record: CaseRecord, department: { name: string; place?: string }, signerName?: string): Letter {
  if (record.kind !== 'pakn' || !record.answer) {
    throw new ConflictError('A letter needs a petition with a published answer', { code: 'no_published_answer' });
  }
  if (!record.contact?.name) throw new ConflictError('The petition has no name and address to write to', { code: 'no_contact' });
  const received = letterDate(record.receivedAt);
  return {
    department: department.name,
    number: letterNumber(record.trackingCode),
    date: letterDate(record.answer.answeredAt),
    ...(department.place ? { place: department.place } : {}),
    subject: 'V/v trả lời phản ánh, kiến nghị',
    recipient: { name: record.contact.name, ...(record.contact.address ? { address: record.contact.address } : {}) },
    body: [
      `${capitalize(received)}, ${department.name} nhận được phản ánh, kiến nghị của Ông/Bà (mã tra cứu ${record.trackingCode}) với nội dung:`,
      `“${summaryOf(record.comment ?? '')}”`,
      `Sau khi xem xét, ${department.name} trả lời Ông/Bà như sau:`,
    ],
    answer: record.answer.text,
    signer: { title: `THỦ TRƯỞNG ${department.name.toLocaleUpperCase('vi')}`, ...(signerName ? { name: signerName } : {}) },
  };
}

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
