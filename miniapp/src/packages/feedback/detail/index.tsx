import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { FEEDBACK_STATUS_LABELS, type MyFeedbackDetail } from '@gongkai/shared';
import LoadStatus from '../../../components/LoadStatus';
import OfflineNotice from '../../../components/OfflineNotice';
import PageShell from '../../../components/PageShell';
import { useLoader } from '../../../hooks/useLoader';
import { loadMyFeedbackItem } from '../../../services/feedback';
import { formatDate, formatDateTime } from '../../../utils/format';
import { zh } from '../../../i18n/zh';
import { deadlineText } from '../deadline';
import Rating from './Rating';
import '../form/index.css';
import './index.css';

/**
 * One of the resident's items (`packages/feedback/detail/index?id=` — what answer notices open): status and
 * deadline (working days left), what they wrote, the timeline, the answer (or extension / rejection), and
 * the rating once answered.
 */
export default function FeedbackDetailPage() {
  const id = useRouter().params.id ?? '';
  const loaded = useLoader(id || null, () => loadMyFeedbackItem(id));
  const [item, setItem] = useState<MyFeedbackDetail | null>(null);
  const data = loaded.status === 'ready' ? loaded.data : null;
  // A new load replaces what is shown (a rating's answer replaces it in between).
  useEffect(() => {
    if (data) setItem(data);
  }, [data]);

  if (!item) {
    return (
      <PageShell className='fb-detail'>
        <LoadStatus status={loaded.status} error={loaded.status === 'error' ? loaded.error : undefined} onRetry={() => loaded.reload()} />
      </PageShell>
    );
  }
  const f = item;
  return (
    <PageShell className='fb-detail'>
      {loaded.status === 'ready' && loaded.offline && <OfflineNotice savedAt={loaded.savedAt} />}
      <View className='gk-card'>
        <View className='fb-row__head'>
          <Text className='fb-type'>{zh.form.types[f.type]}</Text>
          <Text className={`fb-status fb-status--${f.status}`}>{FEEDBACK_STATUS_LABELS[f.status]}</Text>
        </View>
        <Text className='gk-muted'>{f.trackingNo}</Text>
        <Text className={`fb-row__deadline ${f.overdue ? 'fb-row__deadline--overdue' : ''}`} data-testid='deadline'>
          {deadlineText(f)}
        </Text>
      </View>

      <Text className='gk-heading'>{zh.feedbackDetail.content}</Text>
      <View className='gk-card'>
        <Text className='fb-text'>{f.content}</Text>
      </View>

      <Text className='gk-heading'>{zh.feedbackDetail.answer}</Text>
      {f.answer ? (
        <View className='gk-card fb-answer' data-testid='answer'>
          <Text className='fb-text'>{f.answer.text}</Text>
          <Text className='gk-muted'>{zh.feedbackDetail.answeredBy(f.answer.region.name, formatDate(f.answer.at))}</Text>
          {f.shownPublicly && <Text className='gk-muted'>{zh.feedbackDetail.publicShown}</Text>}
        </View>
      ) : f.rejection ? (
        <View className='gk-card fb-answer'>
          <Text className='fb-text'>{zh.feedbackDetail.rejection(f.rejection.reason)}</Text>
        </View>
      ) : (
        <Text className='gk-muted fb-waiting'>{zh.feedbackDetail.waiting}</Text>
      )}
      {f.extension && <Text className='gk-muted fb-waiting'>{zh.feedbackDetail.extension(f.extension.workingDays, f.extension.reason)}</Text>}

      <Rating item={f} onRated={setItem} />

      <Text className='gk-heading'>{zh.feedbackDetail.timeline}</Text>
      <View className='timeline' data-testid='timeline'>
        {f.timeline.map((t, i) => (
          <View key={i} className='timeline__step'>
            <Text className='timeline__dot' aria-hidden='true'>
              ●
            </Text>
            <View className='timeline__body'>
              <Text className='timeline__what'>
                {zh.feedbackDetail.actions[t.action] ?? t.action} · {t.region.name}
              </Text>
              <Text className='gk-muted'>{formatDateTime(t.at)}</Text>
              {t.note && <Text className='gk-muted'>{t.note}</Text>}
            </View>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
