import { useRef } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { Notice } from '@gongkai/shared';
import LoadStatus from '../../components/LoadStatus';
import OfflineNotice from '../../components/OfflineNotice';
import PageShell from '../../components/PageShell';
import { usePaged } from '../../hooks/usePaged';
import { loadNotices, markRead, useUnread } from '../../services/notices';
import { useSession } from '../../services/session';
import { openPagePath } from '../../routes';
import { formatDateTime } from '../../utils/format';
import { zh } from '../../i18n/zh';
import './index.css';
import { BUTTON, FOCUSABLE } from '../../components/a11y';

/** One notice: unread marked in words and by a dot; a tap marks it read and opens what it is about. */
function NoticeRow({ n, onOpen }: { n: Notice; onOpen: (n: Notice) => void }) {
  return (
    <View className={`notice ${n.read ? '' : 'notice--unread'}`} role='link' {...FOCUSABLE} data-id={n.id} onClick={() => onOpen(n)}>
      <View className='notice__head'>
        {!n.read && (
          <Text className='notice__unread'>
            <Text aria-hidden='true'>● </Text>
            {zh.notices.unread}
          </Text>
        )}
        <Text className='notice__time'>{formatDateTime(n.createdAt)}</Text>
      </View>
      <Text className='notice__title'>{n.title}</Text>
      {n.body && <Text className='notice__body'>{n.body}</Text>}
    </View>
  );
}

/**
 * 消息: the resident's inbox, newest first — new and changed disclosures they follow, answers to their
 * questions. The unread count is the tab's badge; a tap marks a notice read and opens its page; 全部标为已读
 * clears them all. Without sign-in (the read-only H5 site) it says where messages are available.
 */
export default function NoticesPage() {
  const session = useSession();
  const unread = useUnread();
  const signedIn = session.status === 'signed-in';
  const list = usePaged(session.status === 'unavailable' ? null : 'inbox', (page) => loadNotices(page));
  useReachBottom(() => list.more());
  usePullDownRefresh(() => {
    list.reload();
    void Taro.stopPullDownRefresh();
  });
  // Coming back to the tab: reload (the first show is the initial load already).
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && signedIn) list.reload();
    shown.current = true;
  });

  const open = (n: Notice) => {
    if (!n.read) void markRead([n.id]).then(() => list.reload(), () => undefined);
    openPagePath(n.page);
  };

  if (session.status === 'unavailable') {
    return (
      <PageShell className='notices'>
        <Text className='gk-muted'>{zh.notices.readOnly}</Text>
      </PageShell>
    );
  }

  return (
    <PageShell className='notices'>
      {list.offline && <OfflineNotice savedAt={list.savedAt} />}
      <View className='notices__bar'>
        <View className='notices__count' role='status'>
          {unread ? zh.notices.unreadCount(unread) : ''}
        </View>
        {!!unread && (
          <Button {...BUTTON} className='gk-button notices__all' onClick={() => void markRead('all').then(() => list.reload(), () => undefined)}>
            {zh.notices.markAll}
          </Button>
        )}
      </View>
      <LoadStatus status={list.loading ? 'loading' : list.error && !list.items.length ? 'error' : 'ready'} error={list.error ?? undefined} onRetry={() => list.reload()} />
      {!list.loading && !list.error && list.items.length === 0 && <Text className='gk-muted'>{zh.notices.empty}</Text>}
      <View data-testid='notices'>
        {list.items.map((n) => (
          <NoticeRow key={n.id} n={n} onOpen={open} />
        ))}
      </View>
      {!list.loading && !list.done && list.items.length > 0 && (
        <Button {...BUTTON} className='gk-button notices__more' onClick={() => list.more()}>
          {list.loadingMore ? zh.list.loadingMore : zh.list.more}
        </Button>
      )}
    </PageShell>
  );
}
