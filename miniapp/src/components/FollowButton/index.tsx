import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { FollowCreateBody } from '@gongkai/shared';
import { askConsent } from '../../services/follows';
import { toApiError } from '../../services/request';
import { useSession } from '../../services/session';
import { addFollow, findFollow, loadFollows, removeFollow, useFollows } from '../../stores/follows';
import { zh } from '../../i18n/zh';
import './index.css';
import { BUTTON } from '../a11y';

/** Props: what to follow and the button's words. */
export interface FollowButtonProps {
  target: FollowCreateBody;
  label: string;
  /** Primary style (the detail page's main follow). */
  primary?: boolean;
}

/**
 * A follow toggle. The tap first asks WeChat for subscribe-message consent (it must run inside the tap,
 * before anything is awaited), then follows; once on, it says 已关注 in words and with a check mark, and a
 * second tap unfollows. Problems show in a status line under it, never in a pop-up. Where this site cannot
 * sign in (the H5 site without demo sign-in) it says so instead.
 */
export default function FollowButton({ target, label, primary }: FollowButtonProps) {
  const session = useSession();
  const follows = useFollows();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = findFollow(follows, target);

  useEffect(() => {
    if (session.status === 'signed-in') loadFollows().catch(() => undefined);
  }, [session.status]);

  if (session.status === 'unavailable') return <Text className='gk-muted follow-readonly'>{zh.detail.readOnly}</Text>;

  const onTap = () => {
    if (busy) return;
    // Consent first, synchronously in the tap (weapp); the follow goes ahead whatever the answer.
    const consent = current ? null : askConsent(['disclosure']);
    setBusy(true);
    setError(null);
    void (async () => {
      try {
        if (consent) await consent;
        if (current) await removeFollow(current.id);
        else await addFollow(target);
      } catch (e) {
        setError(toApiError(e).message);
      } finally {
        setBusy(false);
      }
    })();
  };

  return (
    <View className='follow'>
      <Button {...BUTTON}
        className={`gk-button follow-button ${primary ? 'gk-button--primary' : ''} ${current ? 'follow-button--on' : ''}`}
        aria-pressed={!!current}
        data-followed={current ? 'true' : 'false'}
        onClick={onTap}
      >
        {current ? `✓ ${zh.detail.followed}` : busy ? zh.detail.following : `+ ${label}`}
      </Button>
      {current && <Text className='gk-muted follow-what'>{label}</Text>}
      {error && (
        <View className='gk-error follow-error' role='alert'>
          {error}
        </View>
      )}
    </View>
  );
}
