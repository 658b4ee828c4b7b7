import { isWithin, type FeedbackRatingScore, type FeedbackStatus, type FeedbackType } from '@gongkai/shared';
import { isOverdue, workingDaysTaken } from './deadlines';
import { feedbackEntries, type IndexEntry } from './index-store';

/*
 * Data for the assessment engineer (响应关切 / 社会评价), read from the in-memory index (index-store.ts):
 * no scan of `feedback` per call.
 *
 * Satisfaction: scores are 1 不满意, 2 基本满意, 3 满意 (FEEDBACK_RATING_LABELS). The usual government
 * rate is (满意 + 基本满意) / rated; docs/feedback.md lists the fields.
 */

/** Filters: items whose assigned body or subject region lies in `within`; a time window on the row's date. */
export interface AssessmentFilter {
  /** A region and its subtree (matched against the assigned body and the region the item is about). */
  within?: string;
  /** Inclusive lower bound (receivedAt for responsiveness, rating time for ratings). */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  type?: FeedbackType;
}

/** One item's responsiveness. */
export interface ResponsivenessRow {
  id: string;
  trackingNo: string;
  type: FeedbackType;
  status: FeedbackStatus;
  /** The region it is about, and the responsible body. */
  regionCode: string;
  assignedRegion: string;
  receivedAt: Date;
  /** The deadline in force (including an extension). */
  dueAt: Date;
  extended: boolean;
  answeredAt?: Date;
  rejectedAt?: Date;
  /** Working days from receipt to the answer (or rejection), receipt day not counted. */
  workingDaysToAnswer?: number;
  /** Answered (or rejected) by the deadline; undefined while open. */
  onTime?: boolean;
  /** Still open past the deadline at `now`. */
  overdue: boolean;
}

/** One rating. */
export interface RatingRow {
  feedbackId: string;
  type: FeedbackType;
  regionCode: string;
  assignedRegion: string;
  score: FeedbackRatingScore;
  comment?: string;
  at: Date;
}

const inRegion = (r: Pick<IndexEntry, 'assignedRegion' | 'regionCode'>, within?: string) =>
  !within || isWithin(r.assignedRegion, within) || isWithin(r.regionCode, within);
const inWindow = (d: Date, f: AssessmentFilter) => (!f.from || d >= f.from) && (!f.to || d < f.to);

async function rows(f: AssessmentFilter): Promise<IndexEntry[]> {
  return [...(await feedbackEntries())].filter((r) => (!f.type || r.type === f.type) && inRegion(r, f.within));
}

/** Responsiveness per item received in the window. */
export async function listResponsiveness(f: AssessmentFilter = {}, now: number = Date.now()): Promise<ResponsivenessRow[]> {
  return (await rows(f))
    .filter((r) => inWindow(r.receivedAt, f))
    .map((r) => {
      const doneAt = r.answeredAt ?? r.rejectedAt;
      return {
        id: String(r._id),
        trackingNo: r.trackingNo ?? '',
        type: r.type,
        status: r.status,
        regionCode: r.regionCode,
        assignedRegion: r.assignedRegion,
        receivedAt: r.receivedAt,
        dueAt: r.dueAt,
        extended: r.extended,
        ...(r.answeredAt ? { answeredAt: r.answeredAt } : {}),
        ...(r.rejectedAt ? { rejectedAt: r.rejectedAt } : {}),
        ...(doneAt ? { workingDaysToAnswer: workingDaysTaken(r.receivedAt, doneAt), onTime: doneAt.getTime() <= r.dueAt.getTime() } : {}),
        overdue: isOverdue(r, now),
      };
    });
}

/** Every rating given in the window. */
export async function listRatings(f: AssessmentFilter = {}): Promise<RatingRow[]> {
  const out: RatingRow[] = [];
  for (const r of await rows(f)) {
    if (!r.rating || !inWindow(r.rating.at, f)) continue;
    out.push({
      feedbackId: String(r._id),
      type: r.type,
      regionCode: r.regionCode,
      assignedRegion: r.assignedRegion,
      score: r.rating.score,
      ...(r.rating.comment ? { comment: r.rating.comment } : {}),
      at: r.rating.at,
    });
  }
  return out;
}
