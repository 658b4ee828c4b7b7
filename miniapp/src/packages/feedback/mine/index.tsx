import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { FEEDBACK_STATUS_LABELS, type MyFeedbackSummary } from '@gongkai/shared';
import LoadStatus from '../../../components/LoadStatus';
import OfflineNotice from '../../../components/OfflineNotice';
import PageShell from '../../../components/PageShell';
import { usePaged } from '../../../hooks/usePaged';
import { loadMyFeedback } from '../../../services/feedback';
import { useSession } from '../../../services/session';
import { FEEDBACK_DETAIL_URL, FEEDBACK_FORM_URL, withQuery } from '../../../routes';
import { zh } from '../../../i18n/zh';
import { deadlineText } from '../deadline';
import '../detail/index.css';
import { BUTTON, FOCUSABLE } from '../../../components/a11y';

/** One item: type and tracking number, the start of the text, status in words, deadline. */
function Row({ f }: { f: MyFeedbackSummary }) {
  return (
    <View className='gk-row fb-row' role='link' {...FOCUSABLE} data-id={f.id} onClick={() => void Taro.navigateTo({ url: withQuery(FEEDBACK_DETAIL_URL, { id: f.id }) })}>
      <View className='fb-row__head'>
        <Text className='fb-type'>{zh.form.types[f.type]}</Text>
        <Text className={`fb-status fb-status--${f.status}`}>{FEEDBACK_STATUS_LABELS[f.status]}</Text>
      </View>
      <Text className='fb-row__summary'>{f.summary}</Text>
      <Text className={`fb-row__deadline ${f.overdue ? 'fb-row__deadline--overdue' : ''}`}>{deadlineText(f)}</Text>
      <Text className='gk-muted'>{f.trackingNo}</Text>
    </View>
  );
}

/** 我的留言: the resident's questions, suggestions and requests, newest first, with status and deadline. */
export default function MyFeedbackPage() {
  const session = useSession();
  const list = usePaged(session.status === 'unavailable' ? null : 'mine', (page) => loadMyFeedback(page));
  useReachBottom(() => list.more());
  usePullDownRefresh(() => {
    list.reload();
    void Taro.stopPullDownRefresh();
  });
  useDidShow(() => {
    if (!list.loading && list.items.length) list.reload();
  });

  if (session.status === 'unavailable') {
    return (
      <PageShell className='my-feedback'>
        <Text className='gk-muted'>{zh.form.readOnly}</Text>
      </PageShell>
    );
  }
  return (
    <PageShell className='my-feedback'>
      {list.offline && <OfflineNotice savedAt={list.savedAt} />}
      <LoadStatus status={list.loading ? 'loading' : list.error && !list.items.length ? 'error' : 'ready'} error={list.error ?? undefined} onRetry={() => list.reload()} />
      {!list.loading && !list.error && list.items.length === 0 && <Text className='gk-muted fb-empty'>{zh.myFeedback.empty}</Text>}
      <View data-testid='my-feedback'>
        {list.items.map((f) => (
          <Row key={f.id} f={f} />
        ))}
      </View>
      {!list.loading && !list.done && list.items.length > 0 && (
        <Button {...BUTTON} className='gk-button fb-more' onClick={() => list.more()}>
          {zh.myFeedback.more}
        </Button>
      )}
      <Button {...BUTTON} className='gk-button gk-button--primary fb-more' onClick={() => void Taro.navigateTo({ url: withQuery(FEEDBACK_FORM_URL, { type: 'question' }) })}>
        {zh.myFeedback.ask}
      </Button>
    </PageShell>
  );
}
