import ExcelJS from 'exceljs';
import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { createOfficial, loginAs } from '../../../../test/support/fixtures';
import { resetAssessmentMemory } from '../assessment/store';
import { insertDisclosures, insertFeedback } from '../assessment/testing';
import { seedCatalogue } from '../catalogue/seed';
import { disclosureTestRegions } from '../disclosures/testing';
import { publicItems } from '../feedback/model';
import { resetPublicCache } from '../feedback/public';
import { pdfText, squeeze } from '../channels/testing';

const C = '330304';
const T = '330304001';
const V1 = '330304001002';
const V2 = '330304001003';
const R = '/api/v1/admin/reports/quarterly';


describe('GET /api/v1/admin/reports/quarterly (季度报送)', () => {
  useTestDatabase();
  const { http } = testApp({ regions: disclosureTestRegions() });
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    await seedCatalogue();
    await insertDisclosures([
      { region: V1, item: 'AH-04', title: '繁荣社区公租房资格审核结果公示', due: '2025-07-15', published: '2025-07-10T10:00:00+08:00' },
      { region: V1, item: 'PR-02', title: '繁荣社区低保对象名单公示', due: '2025-07-31', published: '2025-08-02T09:00:00+08:00' },
      { region: V2, item: 'AH-04', title: '景山社区公租房资格审核结果公示', due: '2025-08-01', published: '2025-08-06T15:00:00+08:00' },
      { region: V2, item: 'PR-02', due: '2025-09-15' },
      { region: T, item: 'PR-03', title: '景山街道扶贫资金项目公告', due: '2025-09-01', published: '2025-09-10T09:00:00+08:00' },
      { region: C, item: 'AH-01', title: '瓯海区公租房政策文件', due: '2025-07-25', published: '2025-07-20T09:00:00+08:00' },
    ]);
    await insertFeedback([
      { assigned: V1, received: '2025-07-01T09:00:00+08:00', due: '2025-07-15', answered: '2025-07-03T16:00:00+08:00', rating: { score: 3, at: '2025-07-04T08:00:00+08:00' } },
      { assigned: T, received: '2025-08-01T09:00:00+08:00', due: '2025-08-15', answered: '2025-08-20T10:00:00+08:00' },
    ]);
    await publicItems().insertMany([
      { _id: 'q1', type: 'question', regionCode: V1, content: '公租房租金标准是多少？联系电话138****5678', askedAt: new Date('2025-07-01T09:00:00+08:00'), answer: { text: '按市场租金的70%确定，详见区住建局公告。', at: new Date('2025-07-03T16:00:00+08:00'), regionCode: V1 } },
      { _id: 'q2', type: 'question', regionCode: '330881001001', content: '江山市的问题', askedAt: new Date('2025-07-01T09:00:00+08:00'), answer: { text: '江山市的答复', at: new Date('2025-07-02T09:00:00+08:00'), regionCode: '330881001001' } },
    ]);
    resetPublicCache();
    for (const [key, role, region] of [['assessor', 'assessor', C], ['other', 'assessor', '330881'], ['editor', 'editor', C]] as const) {
      auth[key] = await loginAs(http, (await createOfficial({ role, regionCode: region })).username);
    }
    resetAssessmentMemory();
  });

  const get = (query: string, who = 'assessor') =>
    http()
      .get(`${R}?${query}`)
      .set('Authorization', auth[who])
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });

  it('makes the xlsx: 报送表 with summary, metrics and townships, then the item lists and Q&A', async () => {
    const res = await get(`region=${C}&year=2025&quarter=3&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(res.headers['content-disposition'])).toContain('瓯海区2025年第3季度政务公开报送表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['季度报送表', '逾期发布事项', '到期未发布事项', '未公开事项', '分事项覆盖', '回应关切', '指标说明']);
    const main = wb.getWorksheet('季度报送表')!;
    const cells: string[] = [];
    main.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    expect(cells[0]).toBe('《瓯海区基层政务公开标准化规范化工作季度报送表》');
    expect(cells).toContain('统计周期：2025年第三季度（2025-07-01至2025-09-30）');
    // On time: V1 AH-04, county AH-01; late: 2, 5, 9 days; overdue: V2 PR-02 → 2 / 6.
    const summaryText = cells.find((c) => c.startsWith('2025年第三季度，瓯海区'))!;
    expect(summaryText).toContain('按时发布2条，逾期发布3条（逾期天数中位数5天），到期未发布1条，公开及时率33.3%');
    expect(summaryText).toContain('收到群众咨询、意见建议和依申请公开2件，按时答复1件，逾期答复1件');
    const rowOf = (label: string) => {
      let found: string[] = [];
      main.eachRow((row) => {
        if (row.getCell(1).value === label) found = (row.values as unknown[]).slice(1).map((v) => String(v ?? ''));
      });
      return found;
    };
    expect(rowOf('公开及时率')[1]).toBe('33.3%');
    expect(rowOf('回应及时率')[1]).toBe('50.0%');
    expect(rowOf('群众满意度')[1]).toBe('100.0%');
    const township = rowOf('1');
    expect(township[1]).toBe('景山街道');
    const late = wb.getWorksheet('逾期发布事项')!;
    expect(late.rowCount).toBe(4);
    expect(late.getRow(2).getCell(5).value).toBe('景山街道扶贫资金项目公告');
    expect([2, 3, 4].map((r) => late.getRow(r).getCell(8).value)).toEqual([9, 5, 2]);
    const overdue = wb.getWorksheet('到期未发布事项')!;
    expect(overdue.getRow(2).getCell(1).value).toBe('景山社区');
    expect(overdue.getRow(2).getCell(7).value).toBe(15);
    const qa = wb.getWorksheet('回应关切')!;
    expect(qa.rowCount).toBe(2);
    expect(qa.getRow(2).getCell(3).value).toBe('公租房租金标准是多少？联系电话138****5678');
    const missing = wb.getWorksheet('未公开事项')!;
    expect(missing.rowCount).toBeGreaterThan(100);
    // AH-04 at village level: 197 villages must publish it, 2 did (繁荣社区, 景山社区).
    const byItem = wb.getWorksheet('分事项覆盖')!;
    let ah04: unknown[] = [];
    byItem.eachRow((row) => {
      if (row.getCell(1).value === '公共租赁住房承租资格审核结果公示' && row.getCell(3).value === '村级') ah04 = (row.values as unknown[]).slice(1);
    });
    expect(ah04.slice(3)).toEqual([197, 2, '1.0%']);
  });

  it('makes the PDF with the embedded Chinese font (text extracted back)', async () => {
    const res = await get(`region=${C}&year=2025&quarter=3&format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text, pages } = await pdfText(res.body);
    const flat = squeeze(text);
    expect(pages).toBeGreaterThan(1);
    for (const s of ['《瓯海区基层政务公开标准化规范化工作季度报送表》', '统计周期：2025年第三季度', '一、总体情况', '二、主要指标', '三、分乡镇（街道）情况', '景山街道', '公开及时率33.3%', '四、逾期发布及到期未发布事项', '景山街道扶贫资金项目公告', '六、回应关切', '公租房租金标准是多少？', '按市场租金的70%确定', '七、指标说明', '填报人：']) {
      expect(flat).toContain(squeeze(s));
    }
    expect(flat).not.toContain('江山市的问题');
  });

  it('is for assessors and admins of the county, for a county and a quarter that has begun', async () => {
    expect((await get(`region=330881&year=2025&quarter=3`)).status).toBe(403);
    expect((await get(`region=${C}&year=2025&quarter=3`, 'other')).status).toBe(403);
    expect((await get(`region=${C}&year=2025&quarter=3`, 'editor')).status).toBe(403);
    expect((await get(`region=${T}&year=2025&quarter=3`)).status).toBe(400);
    expect((await get(`region=${C}&year=2099&quarter=1`)).status).toBe(400);
    expect((await get(`region=${C}&year=2025&quarter=5`)).status).toBe(400);
    expect((await get(`region=${C}&year=2025&quarter=3&format=doc`)).status).toBe(400);
  });
});
