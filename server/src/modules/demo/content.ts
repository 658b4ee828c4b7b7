import type { DisclosureCreateBody, DisclosureTable, DisclosureUpdateBody } from '@gongkai/shared';
import { addDays } from '../../workdays';

/*
 * The demo content (all invented): one village of 温州市瓯海区娄桥街道 with its township's and county's
 * disclosures across 7 of the 8 pilot domains, and one resident question. Names, ID numbers and phone numbers
 * are made up (phones in the 1380000xxxx block); every body says it is demo content.
 *
 * The village: 古庄村 is not in the NBS 2023 division codes this project ships (娄桥街道's villages there are
 * 古岸头村, 东风村, 前园村, …), so the demo uses 古岸头村 (330304005202), the village the mini-program's own
 * tests use.
 */

/** Where the demo content lives. */
export const DEMO_REGIONS = {
  county: '330304', // 瓯海区
  township: '330304005', // 娄桥街道
  village: '330304005202', // 古岸头村委会 (古岸头村)
} as const;
export type DemoLevel = keyof typeof DEMO_REGIONS;

/** The demo officials (county level, so they may publish for the county, the township and the village). */
export const DEMO_OFFICIALS = {
  editor: { username: 'demo-ouhai-editor', role: 'editor', displayName: '瓯海区政务公开编辑（演示）' },
  reviewer: { username: 'demo-ouhai-reviewer', role: 'reviewer', displayName: '瓯海区政务公开审核员（演示）' },
} as const;

/** The resident who asks the public question (signed in once through the residents service). */
export const DEMO_RESIDENT_OPENID = 'gongkai-demo-resident-1';

/** One demo disclosure: created by the editor, approved by the reviewer; `revision` becomes version 2. */
export interface DemoDisclosure {
  key: string;
  level: DemoLevel;
  body: Omit<DisclosureCreateBody, 'regionCode'>;
  revision?: DisclosureUpdateBody;
}

const NOTE = '（本条为系统演示数据，内容均为虚构。）';

/** A valid-looking 18-character resident ID number (ISO 7064 MOD 11-2 check character). */
export function idNumber(area: string, birth: string, seq: string): string {
  const base = `${area}${birth}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return base + '10X98765432'[sum % 11];
}

const phone = (n: number) => `1380000${String(n).padStart(4, '0')}`;

/** `11月29日` of a YYYY-MM-DD date. */
const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
/** `2026年11月29日`. */
const ymd = (d: string) => `${d.slice(0, 4)}年${md(d)}`;

type Household = [name: string, birth: string, seq: string, area: number];

const HOUSEHOLDS: Household[] = [
  ['陈建国', '19650312', '153', 2.35],
  ['林秀芬', '19701108', '224', 1.6],
  ['王志明', '19580905', '331', 1.8],
  ['郑丽娟', '19820417', '146', 0.95],
  ['黄永福', '19610223', '213', 3.1],
  ['周海燕', '19750630', '368', 1.25],
];

/** 分户补偿明细; `areaFix` corrects one household's area (the second version). */
function compensationTable(areaFix?: [index: number, area: number]): DisclosureTable {
  const perMu = 78_000; // 区片综合地价 (土地补偿费 + 安置补助费), 元/亩
  const crops = 3_200; // 青苗及附着物, 元/亩
  return {
    title: '分户补偿明细',
    columns: [
      { key: 'no', label: '序号' },
      { key: 'name', label: '户主姓名', pii: 'name' },
      { key: 'idNo', label: '身份证号', pii: 'id-number' },
      { key: 'phone', label: '联系电话', pii: 'phone' },
      { key: 'area', label: '被征收面积（亩）' },
      { key: 'land', label: '土地补偿及安置补助费（元）' },
      { key: 'crops', label: '青苗及附着物补偿（元）' },
      { key: 'total', label: '合计（元）' },
    ],
    rows: HOUSEHOLDS.map(([name, birth, seq, a], i) => {
      const area = areaFix?.[0] === i ? areaFix[1] : a;
      const land = Math.round(area * perMu);
      const c = Math.round(area * crops);
      return { no: i + 1, name, idNo: idNumber('330304', birth, seq), phone: phone(101 + i), area, land, crops: c, total: land + c };
    }),
  };
}

function landCompensation(today: string): DemoDisclosure {
  const from = addDays(today, -3);
  const to = addDays(today, 30);
  const body = [
    '根据《中华人民共和国土地管理法》第四十七条、《中华人民共和国土地管理法实施条例》第二十七条等规定，瓯海区人民政府拟征收娄桥街道古岸头村部分集体土地，用于娄桥片区道路配套工程建设。现将征地补偿安置方案公告如下：',
    '一、征收范围：古岸头村东侧规划支路两侧农用地，共计约11.1亩（以勘测定界成果为准）。',
    '二、征收目的：道路等公共基础设施建设。',
    '三、补偿标准：土地补偿费和安置补助费按瓯海区征地区片综合地价每亩7.8万元计算；青苗及地上附着物按每亩3200元补偿。',
    '四、安置方式：被征地农民按规定纳入被征地农民基本生活保障，实行货币安置。',
    `五、补偿登记：请被征地户于${md(from)}至${md(to)}期间，携带户口簿、身份证和土地承包经营权证到娄桥街道征地拆迁办公室办理补偿登记。`,
    '六、异议和听证：对本方案有异议的，可在公告期内向娄桥街道书面提出；依法要求听证的，请在公告期内提出申请。',
    `公告期：${ymd(from)}至${ymd(to)}。分户补偿明细见下表，其中姓名、身份证号和联系电话已脱敏显示。`,
    NOTE,
  ].join('\n');
  return {
    key: 'land-compensation',
    level: 'village',
    body: {
      catalogueItemId: 'LA-04',
      title: '古岸头村部分集体土地征地补偿安置方案公告',
      body,
      tables: [compensationTable()],
      eventDate: from,
      validFrom: from,
      validTo: to,
      publisher: '瓯海区人民政府（娄桥街道办事处承办）',
      contact: '娄桥街道征地拆迁办公室（街道便民服务中心二楼，工作日8:30—17:00）',
    },
    revision: {
      body: `${body.replace(NOTE, '')}更正说明：经复核，第3户被征收面积由1.80亩更正为1.85亩，补偿金额相应调整，其余内容不变。\n${NOTE}`,
      tables: [compensationTable([2, 1.85])],
    },
  };
}

function landPrice(today: string): DemoDisclosure {
  const year = today.slice(0, 4);
  return {
    key: 'land-price',
    level: 'county',
    body: {
      catalogueItemId: 'LA-01',
      title: `瓯海区征地区片综合地价标准（${year}年调整）`,
      body: [
        '根据《中华人民共和国土地管理法》第四十八条和《浙江省土地管理条例》规定，经省人民政府批准，现将瓯海区征地区片综合地价标准公布如下，自公布之日起执行。',
        '区片综合地价包括土地补偿费和安置补助费，不包括地上附着物和青苗补偿费、农村村民住宅补偿费用及被征地农民社会保障费用。',
        '征收农用地以外的其他土地的，按同一区片综合地价标准执行。',
        NOTE,
      ].join('\n'),
      tables: [
        {
          title: '瓯海区征地区片综合地价',
          columns: [
            { key: 'zone', label: '区片' },
            { key: 'scope', label: '范围' },
            { key: 'price', label: '综合地价（万元/亩）' },
          ],
          rows: [
            { zone: 'I', scope: '景山街道、新桥街道、梧田街道、南白象街道', price: 8.6 },
            { zone: 'II', scope: '娄桥街道、潘桥街道、郭溪街道、瞿溪街道、三垟街道', price: 7.8 },
            { zone: 'III', scope: '丽岙街道、仙岩街道、泽雅镇', price: 7.0 },
          ],
        },
      ],
      eventDate: addDays(today, -6),
      publisher: '瓯海区自然资源和规划局',
    },
  };
}

function dibaoReview(today: string): DemoDisclosure {
  const from = addDays(today, -1);
  const to = addDays(today, 6);
  return {
    key: 'dibao-review',
    level: 'village',
    body: {
      catalogueItemId: 'PR-06',
      title: `古岸头村${today.slice(0, 4)}年${Number(today.slice(5, 7))}月最低生活保障新增对象审核公示`,
      body: [
        '根据《社会救助暂行办法》和《浙江省最低生活保障办法》，经本人申请、入户调查、家庭经济状况核对和民主评议，下列家庭拟纳入最低生活保障范围，现予公示。',
        `公示期：${ymd(from)}至${ymd(to)}。公示期内如有异议，请向古岸头村村民委员会或娄桥街道社会事务办反映，我们将依法核实。`,
        NOTE,
      ].join('\n'),
      tables: [
        {
          title: '拟纳入低保对象名单',
          columns: [
            { key: 'name', label: '申请人', pii: 'name' },
            { key: 'family', label: '家庭人口' },
            { key: 'covered', label: '保障人数' },
            { key: 'kind', label: '类别' },
            { key: 'amount', label: '拟保障金（元/月）' },
          ],
          rows: [
            { name: '陈阿香', family: 2, covered: 2, kind: '低保', amount: 2240 },
            { name: '黄德明', family: 1, covered: 1, kind: '低保', amount: 1120 },
            { name: '林小燕', family: 3, covered: 1, kind: '低保（单人保）', amount: 1120 },
          ],
        },
      ],
      eventDate: addDays(today, -2),
      validFrom: from,
      validTo: to,
      publisher: '娄桥街道办事处、古岸头村村民委员会',
      contact: '古岸头村村民委员会；娄桥街道社会事务办',
    },
  };
}

function dibaoGuide(today: string): DemoDisclosure {
  return {
    key: 'dibao-guide',
    level: 'township',
    body: {
      catalogueItemId: 'PR-05',
      title: '娄桥街道最低生活保障申请办事指南',
      body: [
        '一、申请条件：共同生活的家庭成员人均月收入低于当地最低生活保障标准，且家庭财产状况符合规定的，可以申请最低生活保障。',
        '二、所需材料：申请书；户口簿和家庭成员身份证；家庭收入和财产状况的书面声明；家庭经济状况核对授权书；残疾、疾病等特殊情况的证明材料。',
        '三、办理流程：申请人向户籍所在地或经常居住地街道提出申请（也可通过“浙里办”线上申请）→ 街道受理并组织入户调查 → 家庭经济状况核对 → 民主评议并在村（社区）公示7日 → 区民政局审批。',
        '四、办理时限：自受理之日起30日内办结；特殊情况可延长至45日。',
        '五、办理地点：娄桥街道便民服务中心社会救助窗口（工作日8:30—12:00，13:30—17:00）。',
        NOTE,
      ].join('\n'),
      eventDate: addDays(today, -8),
      publisher: '娄桥街道办事处',
      contact: '娄桥街道便民服务中心社会救助窗口',
    },
  };
}

function schoolZones(today: string): DemoDisclosure {
  const year = today.slice(0, 4);
  return {
    key: 'school-zones',
    level: 'county',
    body: {
      catalogueItemId: 'CE-03',
      title: `瓯海区${year}年义务教育公办学校招生划片范围（娄桥片）`,
      body: [
        '根据《中华人民共和国义务教育法》和市、区义务教育招生入学工作要求，按照“免试、就近、划片”原则，现将娄桥片义务教育公办学校招生施教区范围公布如下。',
        '适龄儿童少年以户籍和实际居住地为依据，在对应施教区学校就读；随迁子女入学按区随迁子女入学办法执行。',
        NOTE,
      ].join('\n'),
      tables: [
        {
          title: '娄桥片施教区范围',
          columns: [
            { key: 'school', label: '学校' },
            { key: 'stage', label: '学段' },
            { key: 'zone', label: '施教区范围' },
          ],
          rows: [
            { school: '娄桥第一小学', stage: '小学', zone: '娄桥社区、古岸头村、东风村、前园村' },
            { school: '娄桥第二小学', stage: '小学', zone: '镜湖社区、叶汇社区、社叶村、东耕村' },
            { school: '娄桥中学', stage: '初中', zone: '娄桥街道全域' },
          ],
        },
      ],
      eventDate: addDays(today, -5),
      publisher: '瓯海区教育局',
    },
  };
}

function schoolNotice(today: string): DemoDisclosure {
  const next = Number(today.slice(0, 4)) + 1;
  return {
    key: 'school-notice',
    level: 'village',
    body: {
      catalogueItemId: 'CE-09',
      title: `关于做好${next}年秋季适龄儿童入学信息登记的通知`,
      body: [
        `本村户籍及在本村居住、${next - 7}年9月1日至${next - 6}年8月31日出生的适龄儿童，请家长于${next}年3月31日前携带户口簿、房产证明或居住证明到村委会登记入学信息，以便街道和学校统筹学位。`,
        '登记信息仅用于入学安排，不对外公开。',
        NOTE,
      ].join('\n'),
      eventDate: addDays(today, -4),
      publisher: '古岸头村村民委员会',
      contact: '古岸头村村民委员会',
    },
  };
}

function housingReview(today: string): DemoDisclosure {
  const from = addDays(today, -2);
  const to = addDays(today, 5);
  return {
    key: 'housing-review',
    level: 'village',
    body: {
      catalogueItemId: 'RH-05',
      title: `古岸头村${today.slice(0, 4)}年度农村危房改造补助对象评议结果公示`,
      body: [
        '经农户申请、村民代表会议民主评议、危房等级鉴定，下列农户拟列为本年度农村困难家庭危房改造补助对象，现予公示。',
        `公示期：${ymd(from)}至${ymd(to)}。如有异议，请在公示期内向村民委员会或娄桥街道农业农村办反映。`,
        NOTE,
      ].join('\n'),
      tables: [
        {
          title: '拟补助农户名单',
          columns: [
            { key: 'name', label: '户主姓名', pii: 'name' },
            { key: 'idNo', label: '身份证号', pii: 'id-number' },
            { key: 'kind', label: '家庭类别' },
            { key: 'grade', label: '危房等级' },
            { key: 'way', label: '改造方式' },
            { key: 'amount', label: '拟补助金额（元）' },
          ],
          rows: [
            { name: '郑老四', idNo: idNumber('330304', '19480716', '275'), kind: '低保户', grade: 'D级', way: '拆除重建', amount: 50000 },
            { name: '叶金花', idNo: idNumber('330304', '19530221', '128'), kind: '低保边缘户', grade: 'C级', way: '维修加固', amount: 20000 },
          ],
        },
      ],
      eventDate: addDays(today, -3),
      validFrom: from,
      validTo: to,
      publisher: '古岸头村村民委员会',
    },
  };
}

function housingStandard(today: string): DemoDisclosure {
  return {
    key: 'housing-standard',
    level: 'county',
    body: {
      catalogueItemId: 'RH-03',
      title: '瓯海区农村困难家庭危房改造补助标准',
      body: [
        '一、补助对象：农村低保户、低保边缘户、分散供养特困人员和其他经认定的困难家庭，住房经鉴定为C级或D级危房的。',
        '二、补助标准：D级危房拆除重建每户补助5万元；C级危房维修加固每户补助2万元；D级危房维修加固每户补助3万元。',
        '三、资金拨付：竣工验收合格后，补助资金通过“一卡通”直接发放到户。',
        NOTE,
      ].join('\n'),
      eventDate: addDays(today, -9),
      publisher: '瓯海区住房和城乡建设局、瓯海区财政局',
    },
  };
}

function tenderResult(today: string): DemoDisclosure {
  return {
    key: 'tender-result',
    level: 'county',
    body: {
      catalogueItemId: 'PT-04',
      title: '娄桥街道古岸头村农村生活污水管网提升工程中标结果公告',
      body: [
        '项目名称：娄桥街道古岸头村农村生活污水管网提升工程',
        '招标人：瓯海区娄桥街道办事处',
        '中标人：温州示范市政工程有限公司（演示单位）',
        '中标价：人民币3,268,450元',
        '工期：180日历天；质量要求：合格',
        `开标时间：${ymd(addDays(today, -12))}`,
        '各投标人对中标结果有异议的，可自本公告发布之日起依法向招标人提出。',
        NOTE,
      ].join('\n'),
      eventDate: addDays(today, -4),
      publisher: '瓯海区公共资源交易中心',
    },
  };
}

function villageProjects(today: string): DemoDisclosure {
  return {
    key: 'village-projects',
    level: 'village',
    body: {
      catalogueItemId: 'PT-09',
      stage: 'result',
      title: `古岸头村${today.slice(0, 4)}年村级工程项目建设及承包情况公开`,
      body: ['以下村级工程项目均经村民代表会议决定，按规定程序发包，现将建设及承包情况公开如下，接受村民监督。', NOTE].join('\n'),
      tables: [
        {
          title: '村级工程项目承包情况',
          columns: [
            { key: 'project', label: '项目名称' },
            { key: 'contractor', label: '承包单位' },
            { key: 'amount', label: '合同金额（万元）' },
            { key: 'decision', label: '决策程序' },
            { key: 'progress', label: '进度' },
          ],
          rows: [
            { project: '村文化礼堂屋面修缮', contractor: '温州示范建筑工程有限公司（演示单位）', amount: 28.6, decision: '村民代表会议表决通过', progress: '已竣工验收' },
            { project: '村内主干道路灯更换', contractor: '瓯海示范电力安装有限公司（演示单位）', amount: 12.3, decision: '村民代表会议表决通过', progress: '施工中' },
          ],
        },
      ],
      publisher: '古岸头村村民委员会',
      contact: '古岸头村村务监督委员会',
    },
  };
}

function waterOutage(today: string): DemoDisclosure {
  const day = addDays(today, 3);
  return {
    key: 'water-outage',
    level: 'township',
    body: {
      catalogueItemId: 'MS-04',
      title: `娄桥街道部分区域${md(day)}计划停水通知`,
      body: [
        `因供水管网改造施工，定于${ymd(day)}8:00至18:00暂停供水。`,
        '停水范围：古岸头村、东风村、前园村及娄桥社区部分区域。',
        '请受影响的单位和居民提前做好储水准备，停水期间请关闭水龙头，以免恢复供水时造成浪费。如遇雨天等原因，施工时间顺延，另行通知。给您带来不便，敬请谅解。',
        NOTE,
      ].join('\n'),
      eventDate: day,
      validFrom: today,
      validTo: day,
      publisher: '娄桥街道办事处（供水单位：瓯海区供水公司）',
    },
  };
}

function publicRental(today: string): DemoDisclosure {
  const from = addDays(today, -1);
  const to = addDays(today, 13);
  return {
    key: 'public-rental',
    level: 'township',
    body: {
      catalogueItemId: 'AH-04',
      title: `娄桥街道${today.slice(0, 4)}年第四批公共租赁住房承租资格审核结果公示`,
      body: [
        '经街道初审、区住房保障部门复核，以下申请家庭符合公共租赁住房承租资格，现予公示。',
        `公示期：${ymd(from)}至${ymd(to)}。如有异议，请于公示期内向娄桥街道书面反映。`,
        NOTE,
      ].join('\n'),
      tables: [
        {
          title: '符合承租资格家庭名单',
          columns: [
            { key: 'name', label: '申请人', pii: 'name' },
            { key: 'family', label: '家庭人口' },
            { key: 'kind', label: '申请类型' },
            { key: 'result', label: '审核结果' },
          ],
          rows: [
            { name: '王晓东', family: 3, kind: '城镇中低收入住房困难家庭', result: '符合' },
            { name: '欧阳明', family: 1, kind: '新就业无房职工', result: '符合' },
            { name: '李海平', family: 4, kind: '城镇中低收入住房困难家庭', result: '符合' },
          ],
        },
      ],
      eventDate: addDays(today, -2),
      validFrom: from,
      validTo: to,
      publisher: '娄桥街道办事处',
    },
  };
}

/** The demo disclosures, dated around `today` (YYYY-MM-DD, China time), published in this order. */
export function demoDisclosures(today: string): DemoDisclosure[] {
  return [
    landPrice,
    housingStandard,
    schoolZones,
    tenderResult,
    dibaoGuide,
    publicRental,
    waterOutage,
    schoolNotice,
    villageProjects,
    housingReview,
    dibaoReview,
    landCompensation,
  ].map((f) => f(today));
}

/** The resident's public question and the editor's answer (about `DEMO_QUESTION_ABOUT`). */
export const DEMO_QUESTION_ABOUT = 'land-compensation';
export const DEMO_QUESTION = '请问征地补偿款什么时候能发放到户？青苗补偿是按什么标准计算的？';
export const DEMO_ANSWER =
  '您好！征收土地经依法批准并发布征收土地公告后，补偿费用将在规定期限内足额支付到被征地户本人账户。青苗及地上附着物按每亩3200元补偿，具体金额见公告所附分户补偿明细。如有疑问，可在工作日到娄桥街道征地拆迁办公室咨询。（演示数据）';
