import ExcelJS from 'exceljs';
import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { seedCatalogue } from '../catalogue/seed';
import { piiKindFromLabel } from '@gongkai/shared';
import { columnKey } from './table-import-sheet';
import { disclosureTestRegions, draftBody, officials, R, type Officials } from './testing';

const A = '/api/v1/admin/disclosures';
const HEADER = ['序号', '*户主姓名', '身份证号码', '联系电话', '银行卡号', '家庭住址', '补偿金额（元）', '备注'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';

/** Row n of a compensation list (valid, distinct ID and phone numbers as text). */
function household(n: number): Array<string | number> {
  const id = `330304${1950 + (n % 50)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}${n % 10}`;
  return [n, `${SURNAMES[n % SURNAMES.length]}${'德明华国建'[n % 5]}${'军芳强丽伟'[(n >> 2) % 5]}`, id, `138${String(10_000_000 + n).slice(-8)}`, `62220212${String(n).padStart(11, '0')}`, `瓯海区景山街道府东路${n}号`, 30_000 + n * 7, n % 10 === 0 ? '已签约' : ''];
}

async function workbook(rows: Array<Array<string | number | ExcelJS.CellValue>>, build?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  build?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('importing a table from xlsx into a draft (real database)', () => {
  useTestDatabase();
  const { http } = testApp({ regions: disclosureTestRegions() });
  let o: Officials;
  let id: string;

  const importXlsx = (data: Buffer, opts: { dryRun?: boolean; title?: string; auth?: string; target?: string } = {}) => {
    const req = http()
      .post(`${A}/${opts.target ?? id}/tables/import${opts.dryRun ? '?dryRun=1' : ''}`)
      .set('Authorization', opts.auth ?? o.villageEditor.auth)
      .attach('file', data, { filename: '名单.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    return opts.title ? req.field('title', opts.title) : req;
  };
  const tablesOf = async () => (await http().get(`${A}/${id}`).set('Authorization', o.villageEditor.auth).expect(200)).body.workingCopy.tables;

  beforeAll(async () => {
    await seedCatalogue();
    o = await officials(http);
    id = (await http().post(A).set('Authorization', o.villageEditor.auth).send(draftBody({ regionCode: R.village })).expect(201)).body.id;
  });

  it('previews a 200-row list with a dry run: keys, labels, required marks and pii suggestions; nothing saved', async () => {
    const data = await workbook([HEADER, ...Array.from({ length: 200 }, (_, i) => household(i + 1))]);
    const res = await importXlsx(data, { dryRun: true, title: '古岸头村征地补偿分户明细' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, title: '古岸头村征地补偿分户明细', rowCount: 200 });
    expect(res.body.tableIndex).toBeUndefined();
    expect(res.body.columns).toEqual([
      { key: 'c1', label: '序号', required: false, letter: 'A' },
      { key: 'c2', label: '户主姓名', pii: 'name', required: true, letter: 'B' },
      { key: 'c3', label: '身份证号码', pii: 'id-number', required: false, letter: 'C' },
      { key: 'c4', label: '联系电话', pii: 'phone', required: false, letter: 'D' },
      { key: 'c5', label: '银行卡号', pii: 'bank-account', required: false, letter: 'E' },
      { key: 'c6', label: '家庭住址', pii: 'address', required: false, letter: 'F' },
      { key: 'c7', label: '补偿金额（元）', required: false, letter: 'G' },
      { key: 'c8', label: '备注', required: false, letter: 'H' },
    ]);
    expect(res.body.preview).toHaveLength(20);
    expect(res.body.preview[0]).toEqual({ c1: 1, c2: household(1)[1], c3: household(1)[2], c4: household(1)[3], c5: household(1)[4], c6: household(1)[5], c7: 30_007 });
    expect(await tablesOf()).toEqual([]);
  });

  it('imports a 2,000-row list into the draft; officials see it unmasked, the preview masks it', async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => household(i + 1));
    const res = await importXlsx(await workbook([HEADER, ...rows]), { title: '分户补偿明细' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, rowCount: 2_000, tableIndex: 0 });
    const [table] = await tablesOf();
    expect(table.title).toBe('分户补偿明细');
    expect(table.rows).toHaveLength(2_000);
    expect(table.rows[1999]).toMatchObject({ c2: rows[1999][1], c3: rows[1999][2], c7: rows[1999][6] });
    const preview = (await http().get(`${A}/${id}/preview`).set('Authorization', o.villageEditor.auth).expect(200)).body;
    const shown = JSON.stringify(preview.tables[0]);
    expect(shown).not.toContain(String(rows[0][2]));
    expect(preview.tables[0].rows[0].c3).toBe(`${String(rows[0][2]).slice(0, 6)}********${String(rows[0][2]).slice(-4)}`);
    expect(preview.tables[0].rows[0].c2).toMatch(/^.\*\*$/);
    // The editor changes the suggestion afterwards with PATCH.
    const columns = table.columns.map((c: { key: string; pii?: string }) => (c.key === 'c6' ? { key: c.key, label: '家庭住址' } : c));
    await http().patch(`${A}/${id}`).set('Authorization', o.villageEditor.auth).send({ tables: [{ ...table, columns }] }).expect(200);
    expect((await tablesOf())[0].columns[5]).toEqual({ key: 'c6', label: '家庭住址' });
  });

  it('lists every bad cell with row, column and reason, and saves nothing', async () => {
    const before = await tablesOf();
    const rows: Array<Array<string | number | ExcelJS.CellValue>> = [HEADER, household(1), household(2), household(3), household(4), household(5), household(6), household(7)];
    rows[2][1] = ''; // row 3: empty required 户主姓名
    rows[3][7] = '备'.repeat(501); // row 4: over-long
    rows[4][6] = { formula: 'G2*2', result: 60_014 }; // row 5: formula
    rows[7][2] = 330304199001011234; // row 8: ID number stored as a number
    const data = await workbook(rows, (ws) => ws.mergeCells('F6:F7')); // rows 6–7: merged address
    const res = await importXlsx(data);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toMatch(/未导入任何内容/);
    const found = res.body.error.details.map((d: { row: number; column: string }) => [d.row, d.column]);
    expect(found).toEqual([
      [3, '户主姓名'],
      [4, '备注'],
      [5, '补偿金额（元）'],
      [6, '家庭住址'],
      [8, '身份证号码'],
    ]);
    const byRow = (r: number) => res.body.error.details.find((d: { row: number }) => d.row === r).message;
    expect(byRow(3)).toMatch(/必填/);
    expect(byRow(4)).toMatch(/超过500个字/);
    expect(byRow(5)).toMatch(/公式/);
    expect(byRow(6)).toMatch(/合并单元格/);
    expect(byRow(8)).toMatch(/文本/);
    expect(res.body.error.details[0].path).toBe('第3行「户主姓名」');
    expect(await tablesOf()).toEqual(before);
  });

  it('takes a merged title row as the title, makes ASCII keys where it can, and skips empty rows', async () => {
    const data = await workbook(
      [['2025年古岸头村青苗补偿明细'], ['ID', 'Amount (元)', '地块'], [1, 2000, '东侧'], [], [2, 3500, '西侧']],
      (ws) => ws.mergeCells('A1:C1'),
    );
    const res = await importXlsx(data, { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: '2025年古岸头村青苗补偿明细', rowCount: 2 });
    expect(res.body.columns.map((c: { key: string }) => c.key)).toEqual(['id', 'amount', 'c3']);
    expect(res.body.preview).toEqual([{ id: 1, amount: 2000, c3: '东侧' }, { id: 2, amount: 3500, c3: '西侧' }]);
  });

  it('refuses files that are not xlsx (415), drafts out of scope (403) and copies that are not drafts (409)', async () => {
    const bad = await importXlsx(Buffer.from('序号,姓名\n1,张三\n'));
    expect(bad.status).toBe(415);
    const data = await workbook([['姓名'], ['张三']]);
    expect((await importXlsx(data, { auth: o.outEditor.auth })).status).toBe(403);
    expect((await importXlsx(data, { auth: o.villageReviewer.auth })).status).toBe(403);
    const pending = (await http().post(A).set('Authorization', o.villageEditor.auth).send(draftBody({ regionCode: R.village })).expect(201)).body.id;
    await http().post(`${A}/${pending}/submit`).set('Authorization', o.villageEditor.auth).expect(200);
    expect((await importXlsx(data, { target: pending })).status).toBe(409);
  });

  it('suggests pii kinds and keys from labels', () => {
    expect(piiKindFromLabel('户主身份证号')).toBe('id-number');
    expect(piiKindFromLabel('手机')).toBe('phone');
    expect(piiKindFromLabel('户名')).toBe('name');
    expect(piiKindFromLabel('开户银行账号')).toBe('bank-account');
    expect(piiKindFromLabel('住址')).toBe('address');
    expect(piiKindFromLabel('面积（亩）')).toBeUndefined();
    const taken = new Set<string>();
    expect([columnKey('Name', 1, taken), columnKey('name', 2, taken), columnKey('姓名', 3, taken), columnKey('c3', 4, taken)]).toEqual(['name', 'name-2', 'c3', 'c3-2']);
  });
});
