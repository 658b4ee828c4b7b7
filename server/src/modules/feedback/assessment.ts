import { isWithin, type FeedbackRatingScore, type FeedbackStatus, type FeedbackType } from '@gongkai/shared';
import { isOverdue, workingDaysTaken } from './deadlines';
import { feedback, type FeedbackRecord } from './model';

/*
 * Data for the assessment engineer (响应关切 / 社会评价). Both functions scan `feedback` once (projected)
 * and filter in memory; call them per report, not per request.
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

const PROJECTION = { content: 0, timeline: 0, contact: 0, request: 0, images: 0, requestHash: 0, idempotencyKey: 0 } as const;

const inRegion = (r: Pick<FeedbackRecord, 'assignedRegion' | 'regionCode'>, within?: string) =>
  !within || isWithin(r.assignedRegion, within) || isWithin(r.regionCode, within);
const inWindow = (d: Date, f: AssessmentFilter) => (!f.from || d >= f.from) && (!f.to || d < f.to);

async function rows(f: AssessmentFilter, extra: Record<string, unknown> = {}): Promise<FeedbackRecord[]> {
  const filter: Record<string, unknown> = { ...extra };
  if (f.type) filter.type = f.type;
  const docs = (await feedback().find(filter, { projection: PROJECTION }).toArray()) as FeedbackRecord[];
  return docs.filter((r) => !!r.trackingNo && inRegion(r, f.within));
}

/** Responsiveness per item received in the window. */
export async function listResponsiveness(f: AssessmentFilter = {}, now: number = Date.now()): Promise<ResponsivenessRow[]> {
  return (await rows(f))
    .filter((r) => inWindow(r.receivedAt, f))
    .map((r) => {
      const doneAt = r.answer?.at ?? r.rejection?.at;
      return {
        id: String(r._id),
        trackingNo: r.trackingNo ?? '',
        type: r.type,
        status: r.status,
        regionCode: r.regionCode,
        assignedRegion: r.assignedRegion,
        receivedAt: r.receivedAt,
        dueAt: r.dueAt,
        extended: !!r.extension,
        ...(r.answer ? { answeredAt: r.answer.at } : {}),
        ...(r.rejection ? { rejectedAt: r.rejection.at } : {}),
        ...(doneAt ? { workingDaysToAnswer: workingDaysTaken(r.receivedAt, doneAt), onTime: doneAt.getTime() <= r.dueAt.getTime() } : {}),
        overdue: isOverdue(r, now),
      };
    });
}

/** Every rating given in the window. */
export async function listRatings(f: AssessmentFilter = {}): Promise<RatingRow[]> {
  const out: RatingRow[] = [];
  for (const r of await rows(f, { status: { $in: ['answered', 'closed'] } })) {
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
