import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { disclosureH5Url, type DisclosureDetail } from '@gongkai/shared';
import FollowButton from '../../../components/FollowButton';
import { isWeapp } from '../../../config';
import { useSession } from '../../../services/session';
import { FEEDBACK_FORM_URL, withQuery } from '../../../routes';
import { zh } from '../../../i18n/zh';
import { BUTTON } from '../../../components/a11y';

/** Copies text on H5 (the async Clipboard API, else a hidden textarea); false when the browser refused. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall back below */
  }
  try {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.cssText = 'position:fixed;opacity:0';
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  } catch {
    return false;
  }
}

/**
 * What a resident can do with a disclosure: follow it, its catalogue item, or their village's domain (each
 * asks for subscribe consent at the tap); ask a question about it (the form opens prefilled); share it —
 * WeChat's share sheet in the mini-program (the page's onShareAppMessage gives the path), a copied link to
 * the same page on H5.
 */
export default function Actions({ d, regionCode }: { d: DisclosureDetail; regionCode: string }) {
  const session = useSession();
  const [shareNote, setShareNote] = useState<string | null>(null);
  const askUrl = withQuery(FEEDBACK_FORM_URL, { type: 'question', disclosureId: d.id, catalogueItemId: d.catalogueItemId, region: regionCode });

  const share = async () => {
    const url = disclosureH5Url(window.location.origin, d.id);
    setShareNote((await copyText(url)) ? zh.detail.copied : zh.detail.copyFailed(url));
  };

  return (
    <View className='actions' data-testid='actions'>
      {session.status === 'unavailable' ? (
        <Text className='gk-muted actions__note'>{zh.detail.readOnly}</Text>
      ) : (
        <>
          <Text className='gk-heading'>{zh.detail.followHeading}</Text>
          <FollowButton primary target={{ regionCode, disclosureId: d.id }} label={zh.detail.followThis} />
          <FollowButton target={{ regionCode, catalogueItemId: d.catalogueItemId }} label={zh.detail.followItem} />
          <FollowButton target={{ regionCode, domain: d.domain }} label={zh.detail.followDomain} />
          <Button {...BUTTON} className='gk-button gk-button--primary actions__ask' onClick={() => void Taro.navigateTo({ url: askUrl })}>
            {zh.detail.ask}
          </Button>
        </>
      )}
      {isWeapp() ? (
        <Button {...BUTTON} className='gk-button actions__share' openType='share'>
          {zh.detail.share}
        </Button>
      ) : (
        <Button {...BUTTON} className='gk-button actions__share' onClick={() => void share()}>
          {zh.detail.copyLink}
        </Button>
      )}
      {shareNote && (
        <View className='gk-muted actions__note' role='status'>
          {shareNote}
        </View>
      )}
    </View>
  );
}
