import { FEEDBACK_TRACKING_PREFIX, type FeedbackType } from '@gongkai/shared';
import { shanghaiDate } from '../../workdays';
import { counters } from './model';

/**
 * The next tracking number for a type and day (China date of `at`): `ZX-20261129-0042` (咨询), `JY-…`
 * (意见建议), `SQ-…` (依申请公开). One counter document per type and day, `{ _id: 'ZX-20261129', seq }`,
 * incremented atomically by `_id` (findOneAndUpdate with upsert; no projection, which FerretDB refuses).
 * The sequence has at least 4 digits and grows beyond 9999 if needed.
 */
export async function nextTrackingNo(type: FeedbackType, at: Date): Promise<string> {
  const day = shanghaiDate(at).replace(/-/g, '');
  const id = `${FEEDBACK_TRACKING_PREFIX[type]}-${day}`;
  const inc = () => counters().findOneAndUpdate({ _id: id }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' });
  // Two first submissions of a day may both try to insert the counter: the loser retries as an update.
  const doc = await inc().catch((err: { code?: number }) => {
    if (err?.code === 11000) return inc();
    throw err;
  });
  if (!doc?.seq) throw new Error(`tracking counter ${id} returned no value`);
  return `${id}-${String(doc.seq).padStart(4, '0')}`;
}
