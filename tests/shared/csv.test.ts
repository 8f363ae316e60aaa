import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toCsv, toXlsx } from '#shared/csv';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM, uses CRLF and quotes what needs quoting', () => {
    const csv = toCsv([['Mã', 'Nội dung'], ['GY-1', 'Phải chờ, lâu "quá"\ndòng 2']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFFMã,Nội dung\r\nGY-1,"Phải chờ, lâu ""quá""\ndòng 2"\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
  it('defuses formulas (CSV injection)', () => {
    expect(toCsv([['=HYPERLINK("http://x")', '+1', '-2', '@cmd']])).toBe('\uFEFF"\'=HYPERLINK(""http://x"")",\'+1,\'-2,\'@cmd\r\n');
  });
});

describe('toXlsx', () => {
  it('writes a workbook whose sheet holds the Vietnamese text and numbers', () => {
    const files = unzipSync(toXlsx([['Mã', 'Điểm'], ['GY-1 <b>', 5]]));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<t xml:space="preserve">Điểm</t>');
    expect(sheet).toContain('GY-1 &lt;b&gt;');
    expect(sheet).toContain('<c r="B2"><v>5</v></c>');
  });
});
