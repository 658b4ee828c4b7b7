import { deadlineOf, postingOf, type TimeLimit } from '@gongkai/shared';
import { zh } from '../../locale/zh';

const t = zh.catalogue.rule;

/**
 * The machine-readable part of a time limit in words, through the shared `deadlineOf` / `postingOf` (the
 * one interpretation every consumer uses): "信息形成或变更之日起20个工作日内", "【现状调查结束】后5个工作日内",
 * "【听证】前至少7个工作日", "公示期不少于10日". Empty when the limit has no computable part.
 */
export function describeTimeLimitRule(limit: TimeLimit): string[] {
  const out: string[] = [];
  const d = deadlineOf(limit);
  if (d) {
    const unit = t.unit(d.unit);
    if (d.anchor === 'formed') out.push(t.formed(d.offset, unit));
    else if (d.offset > 0) out.push(t.after(t.event(d.event), d.offset, unit));
    else if (d.offset < 0) out.push(t.before(t.event(d.event), -d.offset, unit));
    else out.push(t.sameDay(t.event(d.event)));
  }
  const p = postingOf(limit);
  if (p) out.push(t.posting(p.days, t.unit(p.unit)));
  return out;
}
