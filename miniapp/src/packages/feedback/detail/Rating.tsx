import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { FEEDBACK_LIMITS, FEEDBACK_RATING_LABELS, FEEDBACK_RATING_SCORES, type FeedbackRatingScore, type MyFeedbackDetail } from '@gongkai/shared';
import Choice from '../../../components/Choice';
import { rateFeedback } from '../../../services/feedback';
import { toApiError } from '../../../services/request';
import { zh } from '../../../i18n/zh';
import { BUTTON } from '../../../components/a11y';

/** 满意 first, as residents read the choice. */
const SCORES = [...FEEDBACK_RATING_SCORES].reverse();

/**
 * Rating an answer, once: 满意 / 基本满意 / 不满意 and an optional comment. After rating (or when the item
 * came rated) it shows the rating in words.
 */
export default function Rating({ item, onRated }: { item: MyFeedbackDetail; onRated: (next: MyFeedbackDetail) => void }) {
  const [score, setScore] = useState<FeedbackRatingScore | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (item.rating) {
    return (
      <View className='gk-card rating' data-testid='rating'>
        <Text className='rating__done'>✓ {zh.feedbackDetail.rated(FEEDBACK_RATING_LABELS[item.rating.score as FeedbackRatingScore])}</Text>
        {item.rating.comment && <Text className='gk-muted'>{item.rating.comment}</Text>}
      </View>
    );
  }
  if (!item.canRate) return null;

  const send = async () => {
    if (busy) return;
    if (!score) {
      setError(zh.feedbackDetail.rateMissing);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onRated(await rateFeedback(item.id, score, comment.trim() || undefined));
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='gk-card rating' data-testid='rating'>
      <Text className='gk-heading'>{zh.feedbackDetail.rateHeading}</Text>
      <Choice
        label={zh.feedbackDetail.rateHeading}
        options={SCORES.map((s) => ({ value: String(s), label: FEEDBACK_RATING_LABELS[s] }))}
        value={score ? String(score) : null}
        onChange={(v) => setScore(Number(v) as FeedbackRatingScore)}
        testId='rating-score'
      />
      <Text className='form-label'>{zh.feedbackDetail.rateComment}</Text>
      <Input className='form-input' value={comment} maxlength={FEEDBACK_LIMITS.comment} nativeProps={{ 'aria-label': zh.feedbackDetail.rateComment }} onInput={(e) => setComment(e.detail.value)} />
      {error && (
        <View className='gk-error' role='alert'>
          {error}
        </View>
      )}
      <Button {...BUTTON} className='gk-button gk-button--primary form-submit' aria-disabled={busy ? 'true' : undefined} onClick={() => void send()}>
        {zh.feedbackDetail.rateSubmit}
      </Button>
    </View>
  );
}
