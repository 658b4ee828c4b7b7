/**
 * Realistic disclosure texts for benchmarks (bench/seed-disclosures.ts): titles from the catalogue item and
 * the region, bodies of 4–9 sentences in the style of county notices (with amounts, areas, dates, a contact
 * mobile number and sometimes an ID number, so masking has work to do), and per-household tables.
 */
import type { DisclosureTable, DomainKey } from '@gongkai/shared';

type Rand = () => number;
type Vars = Record<string, string>;

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔';
const GIVEN = '国建明华志伟强军平德海文金林永春荣秀英兰芳玉珍桂凤美丽红霞燕琴云梅雪敏静佳杰涛斌超鹏飞宇浩';

/** A Chinese personal name (2–3 characters). */
export function personName(r: Rand): string {
  return pick(r, [...SURNAMES]) + pick(r, [...GIVEN]) + (r() < 0.6 ? pick(r, [...GIVEN]) : '');
}

/** A valid-looking 18-digit ID number of a region (birth 1940–2005, correct check character). */
export function idNumber(r: Rand, county: string): string {
  const birth = `${int(r, 1940, 2005)}${String(int(r, 1, 12)).padStart(2, '0')}${String(int(r, 1, 28)).padStart(2, '0')}`;
  const body = `${county}${birth}${String(int(r, 0, 999)).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** A mainland mobile number. */
export const mobile = (r: Rand) => `1${pick(r, ['38', '39', '58', '59', '88', '35', '36', '77'])}${String(int(r, 0, 99_999_999)).padStart(8, '0')}`;

const COMMON = [
  '根据《中华人民共和国政府信息公开条例》和《浙江省政务公开工作规定》，现将有关情况公开如下。',
  '本信息自发布之日起公示{days}日，公示期间如有异议，请向{publisher}书面反映。',
  '公示期满无异议的，按规定程序办理；有异议的，经调查核实后依法处理。',
  '监督电话：0570-{tel}，联系人：{contact}，手机：{mobile}。',
  '本次公开内容同步在{township}便民服务中心、村务公开栏和政府门户网站发布。',
  '{year}年{month}月{day}日，{county}召开专题会议研究部署相关工作，会议明确了责任分工和时间节点。',
];

const BY_DOMAIN: Record<DomainKey, string[]> = {
  'land-acquisition': [
    '经{county}人民政府批准，拟征收{region}集体土地{area}公顷，用于{project}建设。',
    '征收范围：{region}{dir}侧地块，四至范围详见附图，涉及农户{households}户。',
    '补偿标准：耕地每亩{amount}元，青苗补偿费每亩{amount2}元，地上附着物按评估结果另行补偿。',
    '安置方式：货币安置与留地安置相结合，被征地农民按规定纳入基本养老保障。',
    '如对本方案有异议，请于公告之日起{days}日内向{township}人民政府提出书面意见或申请听证。',
    '土地现状调查结果已经被征收土地所有权人和使用权人确认，被征收人{name}（身份证号{id}）等{households}户已签字。',
  ],
  'demolition-resettlement': [
    '因{project}建设需要，{county}人民政府决定对{region}范围内的国有土地上房屋实施征收。',
    '房屋征收部门为{county}住房和城乡建设局，征收实施单位为{township}人民政府。',
    '被征收房屋价值由具有相应资质的房地产价格评估机构评估确定，评估均价为每平方米{amount}元。',
    '签约期限为{year}年{month}月{day}日至{year}年{month2}月{day}日，在签约期限内签约的给予奖励。',
    '安置房源位于{region}安置小区，共{households}套，按签约顺序选房。',
  ],
  'affordable-housing': [
    '经个人申请、{township}初审、{county}住房保障部门复审，以下{households}户家庭符合公共租赁住房承租资格。',
    '本批次配租房源位于{region}保障房小区，租金标准为每平方米每月{small}元。',
    '租赁补贴按照家庭人口和收入情况分档发放，最高每户每月{amount3}元。',
    '申请人应如实申报家庭住房和收入情况，弄虚作假的取消资格并记入诚信档案。',
  ],
  'rural-housing-renovation': [
    '根据农村危房鉴定结果，{region}共有C级、D级危房{households}户纳入{year}年度改造计划。',
    '补助标准：D级危房拆除重建每户补助{amount}元，C级危房修缮加固每户补助{amount2}元。',
    '改造完成后由{township}组织竣工验收，验收合格后补助资金通过“一卡通”直接发放到户。',
    '危房改造对象优先保障低保户、分散供养特困人员、低保边缘家庭和贫困残疾人家庭。',
  ],
  'poverty-relief': [
    '经农户申请、村民代表评议、{township}审核，拟将以下{households}户列为{year}年度低收入农户帮扶对象。',
    '救灾资金{amount}元已下达至{township}，主要用于受灾群众基本生活救助和倒损房屋恢复重建。',
    '本次发放临时救助金共计{amount2}元，救助对象{households}户，资金已通过社会保障卡发放。',
    '帮扶项目资金公告公示期为10日，公示期间群众可通过电话、来信等方式反映意见。',
  ],
  'municipal-services': [
    '因{project}施工需要，{region}及周边区域将于{year}年{month}月{day}日8时至18时暂停供水。',
    '经成本监审和听证，{county}居民生活用水价格调整为每立方米{small}元，自{year}年{month2}月1日起执行。',
    '管道燃气经营企业应当向用户提供安全、稳定、持续的供气服务，不得擅自停止供气。',
    '请相关用户提前做好储水准备，停水期间如有紧急情况请拨打供水服务热线。',
  ],
  'public-resource-trading': [
    '{region}{project}已具备招标条件，现进行公开招标，招标控制价为{amount}元。',
    '经评标委员会评审，第一中标候选人为浙江{company}建设有限公司，投标报价{amount2}元。',
    '投标人须具备建筑工程施工总承包三级及以上资质，项目经理须具备二级注册建造师资格。',
    '中标候选人公示期为3日，投标人或其他利害关系人对评标结果有异议的，应当在公示期内提出。',
  ],
  'compulsory-education': [
    '{year}年{county}义务教育阶段学校招生工作坚持免试就近入学原则。',
    '{region}适龄儿童对口入读{township}中心小学，招生计划{households}人。',
    '随迁子女凭居住证和社保缴纳证明按积分排序安排入学，积分相同的按申请时间先后排序。',
    '“两免一补”资金已足额下达，惠及学生{households}人，补助标准为每生每年{amount3}元。',
  ],
};

const PROJECTS = ['104国道改建工程', '杭温高铁配套道路', '城北污水处理厂扩建', '美丽乡村提升工程', '中心小学迁建', '工业园区基础设施', '滨江绿道', '农村饮用水提标改造'];
const COMPANIES = ['宏达', '华建', '恒丰', '金瓯', '之江', '越城', '东南', '海天'];
const DIRS = ['东', '南', '西', '北', '东南', '西北'];

function fill(s: string, v: Vars): string {
  return s.replace(/\{(\w+)\}/g, (_m, k: string) => v[k] ?? '');
}

/** Variables of one disclosure's text. */
export function textVars(r: Rand, region: { name: string; township: string; county: string; countyCode: string }, publisher: string, year: number): Vars {
  return {
    region: region.name,
    township: region.township,
    county: region.county,
    publisher,
    year: String(year),
    month: String(int(r, 1, 6)),
    month2: String(int(r, 7, 12)),
    day: String(int(r, 1, 28)),
    days: String(pick(r, [5, 7, 10, 15, 30])),
    area: (r() * 40 + 0.5).toFixed(2),
    amount: String(int(r, 20, 90) * 1000),
    amount2: String(int(r, 8, 40) * 100),
    amount3: String(int(r, 2, 12) * 100),
    small: (r() * 20 + 2).toFixed(2),
    households: String(int(r, 3, 260)),
    project: pick(r, PROJECTS),
    company: pick(r, COMPANIES),
    dir: pick(r, DIRS),
    tel: String(int(r, 1_000_000, 8_999_999)),
    contact: `${pick(r, [...SURNAMES])}${pick(r, ['先生', '女士'])}`,
    mobile: mobile(r),
    name: personName(r),
    id: idNumber(r, region.countyCode),
  };
}

/** A title: the item's name under the region, in one of the usual forms. */
export function titleOf(r: Rand, regionName: string, itemName: string, year: number): string {
  const item = itemName.replace(/（.*?）/g, '');
  return pick(r, [
    `${regionName}${year}年${item}公示`,
    `关于${regionName}${item}的公告`,
    `${regionName}${item}（第${int(r, 1, 6)}批）`,
    `${year}年度${regionName}${item}`,
    `${regionName}${item}结果公示`,
  ]);
}

/** A body of 4–9 sentences: the domain's and the common ones. */
export function bodyOf(r: Rand, domain: DomainKey, v: Vars): string {
  const pool = [...BY_DOMAIN[domain], ...BY_DOMAIN[domain], ...COMMON];
  const n = int(r, 4, 9);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(fill(pick(r, pool), v));
  return [...new Set(out)].join('');
}

/** A per-household list (names, ID numbers, mobiles marked pii; amounts and notes plain). */
export function householdTable(r: Rand, domain: DomainKey, countyCode: string, rows: number): DisclosureTable {
  const amountLabel = domain === 'land-acquisition' ? '补偿金额（元）' : domain === 'rural-housing-renovation' ? '补助金额（元）' : '金额（元）';
  return {
    title: `${domain === 'land-acquisition' ? '分户补偿' : '对象'}明细表`,
    columns: [
      { key: 'c1', label: '序号' },
      { key: 'c2', label: '户主姓名', pii: 'name' },
      { key: 'c3', label: '身份证号', pii: 'id-number' },
      { key: 'c4', label: '联系电话', pii: 'phone' },
      { key: 'c5', label: '家庭人口' },
      { key: 'c6', label: amountLabel },
      { key: 'c7', label: '备注' },
    ],
    rows: Array.from({ length: rows }, (_, i) => ({
      c1: i + 1,
      c2: personName(r),
      c3: idNumber(r, countyCode),
      c4: mobile(r),
      c5: int(r, 1, 7),
      c6: int(r, 5, 300) * 100,
      c7: pick(r, ['', '', '', '已签约', '待核实', '低保户', '五保户', '残疾人家庭']),
    })),
  };
}
