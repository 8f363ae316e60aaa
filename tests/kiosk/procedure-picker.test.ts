/** The procedure picker's search: the API's rule (name or code, diacritics optional), sorted by name. */
import { expect, test } from 'vitest';
import { pickable } from '../../kiosk/src/common/flow/pickable.ts';

const PROCEDURES = [
  { code: '1.001193', name: 'Đăng ký khai sinh' },
  { code: '2.000635', name: 'Cấp bản sao trích lục hộ tịch' },
  { code: '1.000656', name: 'Đăng ký kết hôn' },
  { code: '2.000908', name: 'Chứng thực bản sao từ bản chính' },
];

test('typed without diacritics, by words or by code, sorted by name', () => {
  expect(pickable(PROCEDURES, 'dang ky', '').map((p) => p.code)).toEqual(['1.000656', '1.001193']);
  expect(pickable(PROCEDURES, 'HO TICH', '').map((p) => p.name)).toEqual(['Cấp bản sao trích lục hộ tịch']);
  expect(pickable(PROCEDURES, '2.000', '').map((p) => p.code)).toEqual(['2.000635', '2.000908']);
  expect(pickable(PROCEDURES, '', '').map((p) => p.name)).toEqual(['Cấp bản sao trích lục hộ tịch', 'Chứng thực bản sao từ bản chính', 'Đăng ký kết hôn', 'Đăng ký khai sinh']);
});

test('the procedure already chosen stays in the list whatever is typed', () => {
  expect(pickable(PROCEDURES, 'ket hon', '2.000908').map((p) => p.code)).toEqual(['2.000908', '1.000656']);
});
