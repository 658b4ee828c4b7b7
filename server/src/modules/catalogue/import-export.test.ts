import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { createOfficial, loginAs } from '../../../../test/support/fixtures';
import { AuditEntryModel } from '../audit/model';
import { DEFAULT_CATALOGUE } from './data';
import { CatalogueItemModel, CatalogueVersionModel } from './model';
import { seedCatalogue } from './seed';
import { getCatalogueItem } from './service';
import { localItem, testRegions } from './testing';
import { XLSX_COLUMNS } from './xlsx';

const STANDARD = ['序号', '一级事项', '二级事项', '公开内容(要素)', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式', '公开层级', '五公开'];

/** Collects a binary response body. */
function binary(res: Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

async function load(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb.getWorksheet('标准目录')!;
}

/** A workbook with one sheet of the given rows (first row = header). */
async function sheet(rows: Array<Array<string | number>>, edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A minimal stored zip holding one file (a zip that is not a workbook). */
function tinyZip(name: string, text: string): Buffer {
  const data = Buffer.from(text);
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(n.length, 28);
  const cdOffset = 30 + n.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

describe('catalogue xlsx import and export (real database)', () => {
  useTestDatabase();
  const { http } = testApp({ regions: testRegions() });
  const auth: Record<string, string> = {};
  const snapshot = async () => (await CatalogueItemModel.find().sort({ code: 1 }).lean()).map((d) => [d.code, d.version, d.contentHash, String(d.updatedAt)]);
  const exportFile = async (who: string, query = '') =>
    http().get(`/api/v1/admin/catalogue/export.xlsx${query}`).set('Authorization', auth[who]).buffer(true).parse(binary);
  const importFile = (who: string, query: string, file: Buffer, name = 'catalogue.xlsx') =>
    http().post(`/api/v1/admin/catalogue/import${query}`).set('Authorization', auth[who]).attach('file', file, name);

  beforeAll(async () => {
    await seedCatalogue();
    for (const [key, role, regionCode] of [
      ['province', 'admin', '33'],
      ['ouhai', 'admin', '330304'],
      ['editor', 'editor', '330304'],
    ] as const) {
      const { username } = await createOfficial({ role, regionCode });
      auth[key] = await loginAs(http, username);
    }
    const post = (body: object) => http().post('/api/v1/admin/catalogue').set('Authorization', auth.ouhai).send(body);
    expect((await post(localItem('330304'))).status).toBe(201);
    const ruled = localItem('330304', {
      domain: 'poverty-relief',
      name: '低保对象民主评议结果',
      timeLimit: { text: '民主评议后3个工作日内公示，公示期不少于7日', workingDays: 3, rule: { kind: 'after-event-working-days', days: 3, event: '民主评议' }, minPostingDays: 7 },
      channels: ['bulletin-board', 'gov-website'],
      otherChannel: undefined,
    });
    expect((await post(ruled)).status).toBe(201);
  });

  describe('GET /api/v1/admin/catalogue/export.xlsx', () => {
    it('sends the region\'s catalogue as an attachment named in Chinese, in the officials\' column layout', async () => {
      const res = await exportFile('ouhai', '?domain=land-acquisition');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/spreadsheetml/);
      const cd = res.headers['content-disposition'];
      expect(cd).toMatch(/^attachment; filename="catalogue-330304-land-acquisition\.xlsx"; filename\*=UTF-8''/);
      expect(decodeURIComponent(cd.split("UTF-8''")[1])).toBe('标准目录-瓯海区-征地补偿.xlsx');
      const ws = await load(res.body);
      const header = (ws.getRow(1).values as string[]).slice(1);
      expect(header.slice(0, 12)).toEqual(STANDARD);
      expect(header).toEqual(XLSX_COLUMNS.map(([, h]) => h));
      const la = DEFAULT_CATALOGUE.filter((e) => e.domain === 'land-acquisition');
      expect(ws.rowCount).toBe(1 + la.length + 1);
      expect(ws.getRow(2).getCell(14).text).toBe(la[0].code);
      expect(ws.getRow(2).getCell(4).text).toBe(la[0].contentElements.join('\n'));
      expect(ws.getRow(ws.rowCount).getCell(14).text).toBe('330304-LA-01');
    });

    it('is refused outside the caller\'s scope', async () => {
      expect((await exportFile('ouhai', '?region=330881')).status).toBe(403);
      expect((await http().get('/api/v1/admin/catalogue/export.xlsx')).status).toBe(401);
    });
  });

  describe('POST /api/v1/admin/catalogue/import', () => {
    it('round-trips an export without changing anything or writing a version', async () => {
      const before = await snapshot();
      const versions = await CatalogueVersionModel.countDocuments();
      const file = (await exportFile('ouhai')).body;
      const res = await importFile('ouhai', '?region=330304', file);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ dryRun: false, created: 0, updated: 0, unchanged: 2, skipped: DEFAULT_CATALOGUE.length });
      expect(await snapshot()).toEqual(before);
      expect(await CatalogueVersionModel.countDocuments()).toBe(versions);
      // The province's own round-trip is just as quiet.
      const prov = await importFile('province', '?region=33', (await exportFile('province')).body);
      expect(prov.body).toMatchObject({ created: 0, updated: 0, unchanged: DEFAULT_CATALOGUE.length, skipped: 2 });
      expect(await snapshot()).toEqual(before);
    });

    it('applies edits made in the sheet as new versions and creates new rows, audited', async () => {
      const ws = await load((await exportFile('ouhai', '?domain=poverty-relief')).body);
      const last = ws.getRow(ws.rowCount);
      expect(last.getCell(14).text).toBe('330304-PR-01');
      last.getCell(6).value = '民主评议后2个工作日内公示，公示期不少于7日';
      last.getCell(15).value = 2;
      last.getCell(17).value = 2;
      const added = ws.addRow(['', '低保', '临时救助对象公示', '救助对象\n救助金额', '《社会救助暂行办法》', '审批后5个工作日内', '乡镇人民政府', '村公示栏(电子屏)', '全社会', '主动公开', '村级', '结果', '扶贫救灾']);
      added.commit();
      const file = Buffer.from(await ws.workbook.xlsx.writeBuffer());
      const res = await importFile('ouhai', '?region=330304', file);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ created: 1, updated: 1, unchanged: 0 });
      const updated = (await getCatalogueItem('330304-PR-01'))!;
      expect(updated).toMatchObject({ version: 2, timeLimit: { workingDays: 2, rule: { kind: 'after-event-working-days', days: 2, event: '民主评议' }, minPostingDays: 7 } });
      const created = (await getCatalogueItem('330304-PR-02'))!;
      expect(created).toMatchObject({ name: '临时救助对象公示', contentElements: ['救助对象', '救助金额'], local: true, version: 1, channels: ['bulletin-board'] });
      expect(await AuditEntryModel.countDocuments({ action: 'catalogue.import', regionCode: '330304' })).toBe(1);
      expect(await AuditEntryModel.countDocuments({ action: 'catalogue.update', objectId: updated.id })).toBe(1);
    });

    it('previews with dryRun=1 without saving', async () => {
      const before = await snapshot();
      const file = await sheet([STANDARD.concat('领域'), ['1', '教育', '学区调整听证', '听证时间\n听证地点', '《义务教育法》', '听证前5日', '县教育局', '政府网站、村公示栏(电子屏)', '全社会', '主动公开', '县级', '决策', '义务教育']]);
      const res = await importFile('ouhai', '?region=330304&dryRun=1', file);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ dryRun: true, created: 1, rows: [{ row: 2, action: 'create', code: '330304-CE-01', domain: 'compulsory-education' }] });
      expect(await snapshot()).toEqual(before);
    });

    it('reports every bad row with its number, column and reason, and saves nothing', async () => {
      const before = await snapshot();
      const la01 = DEFAULT_CATALOGUE[0];
      const ok = ['', '类别', '正常事项', '要素一', '《依据》', '20个工作日内', '村委会', '村公示栏(电子屏)', '全社会', '主动公开', '村级', '结果', '征地补偿', ''];
      const file = await sheet([
        STANDARD.concat('领域', '事项编码'),
        ok,
        ['', '类别', '', '要素一', '《依据》', '20个工作日内', '村委会', '政府网站', '全社会', '主动公开', '村级', '结果', '征地补偿', ''],
        ['', '类别', '事项三', '要素一', '《依据》', '20个工作日内', '村委会', '政府网站', '全社会', '公开', '村级', '结果', '征地补偿', ''],
        ['', '类别', '事项四', '要素一', '《依据》', '20个工作日内', '村委会', '政府网站', '全社会', '主动公开', '省级', '结果', '征地补偿', ''],
        ['', la01.category, la01.name, '改过的要素', '《依据》', '20个工作日内', '村委会', '政府网站', '全社会', '主动公开', '县级', '决策', '征地补偿', la01.code],
        ok,
        ['', '类别', '事项七', '', '《依据》', '20个工作日内', '村委会', '飞鸽传书', '特定群体', '依申请公开', '村级', '宣传', '不存在的领域', ''],
      ]);
      const res = await importFile('ouhai', '?region=330304', file);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      const details = res.body.error.details as Array<{ row: number; column?: string; message: string; path: string }>;
      const at = (row: number) => details.filter((d) => d.row === row).map((d) => d.column).sort();
      expect([...new Set(details.map((d) => d.row))]).toEqual([3, 4, 5, 6, 7, 8]);
      expect(at(3)).toEqual(['二级事项']);
      expect(at(4)).toEqual(['公开方式']);
      expect(at(5)).toEqual(['公开层级']);
      expect(at(6)).toEqual(['事项编码']);
      expect(details.find((d) => d.row === 6)!.message).toMatch(/省级标准目录/);
      expect(details.find((d) => d.row === 7)!.message).toMatch(/第2行重复/);
      expect(at(8)).toEqual(['五公开', '公开内容(要素)', '公开渠道和载体', '特定群体说明', '领域'].sort());
      expect(details.find((d) => d.row === 4)).toMatchObject({ path: '第4行「公开方式」', message: expect.stringMatching(/主动公开/) });
      expect(await snapshot()).toEqual(before);
    });

    it('reads an official\'s own sheet: title row, merged cells, tick boxes, numbering and inline notes', async () => {
      const file = await sheet(
        [
          ['瓯海区征地补偿领域基层政务公开标准目录'],
          ['序号', '一级事项', '二级事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式', '公开层级', '五公开'],
          ['1', '补偿款发放', '村组补偿款发放明细', '1.补偿对象；2.补偿金额；3.发放时间', '《土地管理法》第四十八条', '信息形成或者变更之日起20个工作日内', '村委会', '■村公示栏（电子屏） □政府网站 ■其他（村务微信群）', '特定群体（本村集体经济组织成员）', '主动', '村级', '执行、结果'],
          ['2', '', '补偿款发放异议处理结果', '异议人\n处理结果', '《土地管理法实施条例》', '处理完毕后5个工作日内', '乡镇人民政府', '村公示栏(电子屏)、入户', '特定群体：异议人', '依申请公开', '乡级', '结果'],
        ],
        (ws) => ws.mergeCells('B3:B4'),
      );
      const res = await importFile('ouhai', '?region=330304&domain=land-acquisition', file);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ created: 2, rows: [{ row: 3 }, { row: 4 }] });
      const [a, b] = res.body.rows as Array<{ code: string }>;
      expect(await getCatalogueItem(a.code)).toMatchObject({
        category: '补偿款发放',
        contentElements: ['补偿对象', '补偿金额', '发放时间'],
        channels: ['bulletin-board', 'other'],
        otherChannel: '村务微信群',
        audience: 'specific',
        audienceNote: '本村集体经济组织成员',
        mode: 'proactive',
        stages: ['execution', 'result'],
        timeLimit: { text: '信息形成或者变更之日起20个工作日内', workingDays: 20 },
      });
      expect(await getCatalogueItem(b.code)).toMatchObject({ category: '补偿款发放', audienceNote: '异议人', mode: 'on-request', channels: ['bulletin-board', 'on-site'], levels: ['township'] });
    });

    it('refuses files that are not xlsx workbooks, missing files and oversized ones', async () => {
      const notXlsx = await importFile('ouhai', '?region=330304', Buffer.from('序号,一级事项\n1,x'), 'catalogue.xlsx');
      expect([notXlsx.status, notXlsx.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      expect((await importFile('ouhai', '?region=330304', tinyZip('word/document.xml', '<w/>'))).status).toBe(415);
      const json = await http().post('/api/v1/admin/catalogue/import?region=330304').set('Authorization', auth.ouhai).send({ file: 'x' });
      expect(json.status).toBe(415);
      const none = await http().post('/api/v1/admin/catalogue/import?region=330304').set('Authorization', auth.ouhai).field('note', 'x');
      expect([none.status, none.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      const empty = await importFile('ouhai', '?region=330304', await sheet([['说明'], ['没有表头']]));
      expect(empty.body.error.message).toMatch(/表头/);
      const small = testApp({ regions: testRegions(), env: { GONGKAI_UPLOAD_LIMIT_MB: '0.001' } });
      const big = await small.http().post('/api/v1/admin/catalogue/import?region=330304').set('Authorization', auth.ouhai).attach('file', Buffer.alloc(4096, 1), 'big.xlsx');
      expect([big.status, big.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    });

    it('is for admins, in scope, for a county or township, and rejects operator queries', async () => {
      const file = await sheet([STANDARD]);
      expect((await importFile('editor', '?region=330304', file)).status).toBe(403);
      expect((await importFile('ouhai', '?region=330881', file)).status).toBe(403);
      expect((await importFile('ouhai', '?region=33', file)).status).toBe(403);
      expect((await importFile('province', '?region=3303', file)).status).toBe(400);
      const op = await importFile('ouhai', '?region[$ne]=1', file);
      expect([op.status, op.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect((await importFile('ouhai', '', file)).status).toBe(400);
    });
  });
});
