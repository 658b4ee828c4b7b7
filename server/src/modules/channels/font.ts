import fs from 'fs';
import path from 'path';
import { AppError } from '../../http/errors';

/*
 * The CJK font embedded in every generated PDF (notices, quarterly reports). pdfkit's built-in fonts have no
 * Chinese glyphs and write garbage silently, so a PDF is never made without this font.
 *
 *   GONGKAI_CJK_FONT         path of a .ttf/.otf/.ttc font with Chinese glyphs
 *                            (default: Debian's fonts-wqy-microhei, /usr/share/fonts/truetype/wqy/wqy-microhei.ttc)
 *   GONGKAI_CJK_FONT_FAMILY  the font's PostScript/family name inside a .ttc collection (known for the default
 *                            and for Noto CJK; required for other collections)
 *
 * Install on Debian/Ubuntu: `apt-get install -y fonts-wqy-microhei` (5 MB). Without a font, the PDF endpoints
 * answer 503 FONT_MISSING with this advice, and the server logs it once at start-up.
 */

/** Debian's fonts-wqy-microhei. */
export const DEFAULT_CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

/** Family names inside known collections. */
const KNOWN_FAMILIES: Record<string, string> = {
  'wqy-microhei.ttc': 'WenQuanYiMicroHei',
  'wqy-zenhei.ttc': 'WenQuanYiZenHei',
  'NotoSansCJK-Regular.ttc': 'NotoSansCJKsc-Regular',
  'NotoSerifCJK-Regular.ttc': 'NotoSerifCJKsc-Regular',
};

/** A usable font: its path and (for a collection) the family to take from it. */
export interface CjkFont {
  path: string;
  family?: string;
}

/** Why no font is usable, in words an operator can act on. */
export function fontAdvice(file: string, reason: string): string {
  return `${reason}：${file}。请安装中文字体（Debian/Ubuntu：apt-get install -y fonts-wqy-microhei），或用环境变量 GONGKAI_CJK_FONT 指定含中文字形的字体文件（.ttc 另需 GONGKAI_CJK_FONT_FAMILY）`;
}

/** Resolves the font from the environment, or returns the problem. */
export function resolveCjkFont(env: NodeJS.ProcessEnv = process.env): { font?: CjkFont; problem?: string } {
  const file = env.GONGKAI_CJK_FONT?.trim() || DEFAULT_CJK_FONT;
  if (!fs.existsSync(file)) return { problem: fontAdvice(file, '找不到中文字体文件') };
  const family = env.GONGKAI_CJK_FONT_FAMILY?.trim() || KNOWN_FAMILIES[path.basename(file)];
  if (/\.ttc$/i.test(file) && !family) return { problem: fontAdvice(file, '字体集合（.ttc）需要指定字体名 GONGKAI_CJK_FONT_FAMILY') };
  return { font: { path: file, ...(family ? { family } : {}) } };
}

let cached: CjkFont | undefined;

/** The font for a PDF now; 503 FONT_MISSING (with the advice) when there is none. */
export function requireCjkFont(): CjkFont {
  if (cached && fs.existsSync(cached.path)) return cached;
  const { font, problem } = resolveCjkFont();
  if (!font) throw new AppError(503, 'FONT_MISSING', `无法生成PDF：${problem}`);
  cached = font;
  return font;
}
