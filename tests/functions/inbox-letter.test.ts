/** The answer letter: an A4 PDF whose text holds the citizen's name, address and the approved answer, with Vietnamese diacritics. */
import { describe, expect, it } from 'vitest';
import { answeredPetition, bearer, inboxTestApi, submitPetition, tokenFor } from '../support/inbox.ts';
import { pdfText } from '../support/pdf-text.ts';

const stack = inboxTestApi({ lan: 'tuphap.lan' });

const letter = (code: string, headers = stack.who.lan) => stack.api.request('GET', `/api/inbox/${code}/letter.pdf`, { headers });
const pdfOf = async (code: string) => Buffer.from(await (await fetch(`${stack.api.url}/api/inbox/${code}/letter.pdf`, { headers: stack.who.lan })).arrayBuffer());
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('GET /api/inbox/{code}/letter.pdf', () => {
  it('is an A4 PDF with the department, number, the citizen’s name and address, the petition and the approved answer', async () => {
    const contact = { name: 'Trần Thị Ngọc Hằng', address: 'Số 12 đường Lê Lợi, phường Bến Thành' };
    const code = await answeredPetition(stack.api, 'so-tu-phap', { contact, comment: 'Đề nghị niêm yết rõ lệ phí chứng thực ở quầy.' });

    const response = await letter(code);
    const pdf = await pdfOf(code);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]'); // A4
    const text = pdfText(pdf);
    expect(text.normalize('NFC')).toBe(text);
    for (const expected of ['SỞ TƯ PHÁP', `Số: ${code}/TL-PAKN`, 'TP. Hồ Chí Minh, ngày', 'Kính gửi: Ông/Bà Trần Thị Ngọc Hằng', contact.address, 'Đề nghị niêm yết rõ lệ phí chứng thực ở quầy.', 'Đơn vị đã tiếp thu và điều chỉnh quy trình tiếp nhận.', 'Phạm Văn Minh']) {
      expect(squeeze(text), expected).toContain(squeeze(expected));
    }
  });

  it('a petition without a published answer: 409 no_published_answer', async () => {
    const code = await submitPetition(stack.api, 'so-tu-phap');
    const response = await letter(code);
    expect(response.status).toBe(409);
    expect(response.json.error.code).toBe('no_published_answer');
  });

  it('owning department only: another department 404, the admin 403', async () => {
    const code = await answeredPetition(stack.api, 'so-tu-phap');
    expect((await letter(code, bearer(await tokenFor(stack.api, 'xaydung.tuan')))).status).toBe(404);
    const admin = await letter(code, bearer(await tokenFor(stack.api, 'admin.tinh')));
    expect(admin.status).toBe(403);
    expect(admin.json.error.code).toBe('owner_only');
  });
});
