import { DEFAULT_CJK_FONT, resolveCjkFont } from './font';
import { decodeEntities, flattenBody, summaryOf } from './text';

describe('flattenBody (rich text to printable paragraphs)', () => {
  it('keeps plain text paragraphs and drops blank lines', () => {
    expect(flattenBody('第一段\n第二行\n\n\n第二段  \n', 'text')).toEqual(['第一段\n第二行', '第二段']);
  });

  it('turns blocks into paragraphs, lists into bullets and numbers, cells into " | "', () => {
    const html =
      '<h3>标题</h3><p>正文&nbsp;一<br/>换行 &amp; 符号</p><ol><li>第一项</li><li>第二项<ul><li>子项</li></ul></li></ol>' +
      '<table><tbody><tr><th>姓名</th><th>金额</th></tr><tr><td>张*</td><td>1,000</td></tr></tbody></table><hr/><p>完</p>';
    expect(flattenBody(html, 'html')).toEqual(['标题', '正文 一\n换行 & 符号', '1. 第一项\n2. 第二项\n  • 子项', '姓名 | 金额\n张* | 1,000', '————\n完']);
  });

  it('keeps a link’s text and shows its address unless the text is the address', () => {
    expect(flattenBody('<p>见<a href="https://a.gov.cn/x?a=1&amp;b=2" rel="noopener">通知</a>，或<a href="https://b.cn">https://b.cn</a></p>', 'html')).toEqual([
      '见通知（https://a.gov.cn/x?a=1&b=2），或https://b.cn',
    ]);
  });

  it('decodes numeric entities and summarizes', () => {
    expect(decodeEntities('&#20844;&#x5f00;&lt;&bogus;')).toBe('公开<&bogus;');
    expect(summaryOf(['一'.repeat(100), '二'.repeat(100)], 150)).toHaveLength(151);
  });
});

describe('resolveCjkFont', () => {
  it('uses fonts-wqy-microhei by default and names the variable to set when a font is missing', () => {
    expect(resolveCjkFont({}).font).toEqual({ path: DEFAULT_CJK_FONT, family: 'WenQuanYiMicroHei' });
    const missing = resolveCjkFont({ GONGKAI_CJK_FONT: '/nowhere/font.ttf' });
    expect(missing.font).toBeUndefined();
    expect(missing.problem).toContain('GONGKAI_CJK_FONT');
    expect(missing.problem).toContain('fonts-wqy-microhei');
    expect(resolveCjkFont({ GONGKAI_CJK_FONT: DEFAULT_CJK_FONT, GONGKAI_CJK_FONT_FAMILY: 'X' }).font?.family).toBe('X');
  });
});
