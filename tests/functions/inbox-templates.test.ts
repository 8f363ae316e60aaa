/** Answer templates per department: saved, edited and removed by its officials; shared with all by the admin only. */
import { describe, expect, it } from 'vitest';
import { inboxTestApi } from '../support/inbox.ts';

const stack = inboxTestApi({ lan: 'tuphap.lan', minh: 'tuphap.minh', tuan: 'xaydung.tuan', admin: 'admin.tinh' });

type Listed = { id: string; title: string; text: string; scope: string; updatedBy?: string };
const list = async (who: Record<string, string>, query = '') => {
  const response = await stack.api.request('GET', `/api/inbox/templates${query}`, { headers: who });
  expect(response.status, response.text).toBe(200);
  return response.json as { departmentId: string; templates: Listed[] };
};
const save = (who: Record<string, string>, body: unknown) => stack.api.request('POST', '/api/inbox/templates', { headers: who, body });

describe('GET /api/inbox/templates', () => {
  it('lists the built-in templates of the caller’s department, labelled builtin; 401 without sign-in', async () => {
    const listed = await list(stack.who.lan);

    expect(listed.departmentId).toBe('so-tu-phap');
    expect(listed.templates).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'ly-lich-tu-phap', scope: 'builtin' }), expect.objectContaining({ id: 'tiep-thu', scope: 'builtin' })]));
    expect((await stack.api.request('GET', '/api/inbox/templates')).status).toBe(401);
  });

  it('another department’s templates are 404 to an official', async () => {
    expect((await stack.api.request('GET', '/api/inbox/templates?departmentId=so-xay-dung', { headers: stack.who.lan })).status).toBe(404);
  });
});

describe('POST /api/inbox/templates', () => {
  it('an official saves a template (NFC), their colleagues see it first, another department does not', async () => {
    const decomposed = 'Hồ sơ lý lịch'.normalize('NFD');

    const created = await save(stack.who.lan, { title: `Mẫu ${decomposed}`, text: 'Cảm ơn Ông/Bà (mã {code}). Đơn vị đã tiếp thu.' });

    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ scope: 'department', title: 'Mẫu Hồ sơ lý lịch'.normalize('NFC'), updatedBy: 'Nguyễn Thị Lan' });
    const colleague = await list(stack.who.minh);
    expect(colleague.templates[0]).toMatchObject({ id: created.json.id, scope: 'department' });
    expect((await list(stack.who.tuan)).templates.map((t) => t.id)).not.toContain(created.json.id);
  });

  it('a colleague edits it (200, same id); then it is removed and gone', async () => {
    const { id } = (await save(stack.who.lan, { title: 'Nháp', text: 'Bản đầu (mã {code}).' })).json;

    const edited = await save(stack.who.minh, { id, title: 'Đã sửa', text: 'Bản hai (mã {code}).' });

    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({ id, title: 'Đã sửa', updatedBy: 'Phạm Văn Minh' });
    expect((await list(stack.who.lan)).templates.find((t) => t.id === id)?.text).toBe('Bản hai (mã {code}).');
    const removed = await save(stack.who.lan, { id, remove: true });
    expect(removed.status, removed.text).toBe(200);
    expect((await list(stack.who.lan)).templates.map((t) => t.id)).not.toContain(id);
    expect((await save(stack.who.lan, { id, remove: true })).status).toBe(404);
  });

  it('another department’s template: editing or removing it is 404 and changes nothing', async () => {
    const { id } = (await save(stack.who.tuan, { title: 'Xây dựng', text: 'Mẫu của Sở Xây dựng.' })).json;

    const edit = await save(stack.who.lan, { id, title: 'Chiếm', text: 'Sửa trộm.' });
    const viaDepartment = await save(stack.who.lan, { id, departmentId: 'so-xay-dung', title: 'Chiếm', text: 'Sửa trộm.' });
    const remove = await save(stack.who.lan, { id, remove: true });

    expect([edit.status, viaDepartment.status, remove.status]).toEqual([404, 404, 404]);
    expect((await list(stack.who.tuan)).templates.find((t) => t.id === id)).toMatchObject({ title: 'Xây dựng', text: 'Mẫu của Sở Xây dựng.' });
  });

  it('only the admin shares with every department: an official gets 403 admin_only; the admin’s reaches all, labelled shared', async () => {
    const denied = await save(stack.who.lan, { title: 'Cho mọi đơn vị', text: 'Không được.', shareWithAll: true });
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('admin_only');

    const shared = await save(stack.who.admin, { title: 'Mẫu chung của tỉnh', text: 'Cảm ơn Ông/Bà (mã {code}).', shareWithAll: true });

    expect(shared.status, shared.text).toBe(201);
    for (const who of [stack.who.lan, stack.who.tuan]) {
      expect((await list(who)).templates.find((t) => t.id === shared.json.id)).toMatchObject({ scope: 'shared', title: 'Mẫu chung của tỉnh' });
    }
    expect((await list(stack.who.lan)).templates.map((t) => t.title)).not.toContain('Cho mọi đơn vị');
    // An official cannot edit or remove the shared one either.
    expect((await save(stack.who.lan, { id: shared.json.id, title: 'x', text: 'y' })).status).toBe(404);
    expect((await save(stack.who.lan, { id: shared.json.id, remove: true, shareWithAll: true })).status).toBe(403);
  });

  it('the admin saves into a department they choose', async () => {
    const saved = await save(stack.who.admin, { departmentId: 'so-xay-dung', title: 'Từ quản trị', text: 'Mẫu cho Sở Xây dựng.' });

    expect(saved.status, saved.text).toBe(201);
    expect((await list(stack.who.tuan)).templates.find((t) => t.id === saved.json.id)).toMatchObject({ scope: 'department' });
    expect((await list(stack.who.admin, '?departmentId=so-xay-dung')).templates.map((t) => t.id)).toContain(saved.json.id);
  });

  it.each([
    ['no title', { text: 'Chỉ có nội dung.' }],
    ['no text', { title: 'Chỉ có tiêu đề' }],
    ['a title too long', { title: 'x'.repeat(121), text: 'Nội dung.' }],
    ['a text too long', { title: 'Dài', text: 'x'.repeat(4001) }],
    ['a control character in the title', { title: 'Mẫu\u0007', text: 'Nội dung.' }],
    ['an unknown field', { title: 'Mẫu', text: 'Nội dung.', scope: 'shared' }],
    ['a built-in id', { id: 'tiep-thu', title: 'Mẫu', text: 'Nội dung.' }],
    ['removal without an id', { remove: true }],
  ])('%s: 400, nothing written', async (_name, body) => {
    const before = await list(stack.who.lan);

    const response = await save(stack.who.lan, body);

    expect(response.status, response.text).toBe(400);
    expect(response.json.error.code).toBe('validation_failed');
    expect(await list(stack.who.lan)).toEqual(before);
  });
});
