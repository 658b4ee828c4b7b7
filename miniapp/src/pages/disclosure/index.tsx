import { useEffect, useState } from 'react';
import { RichText, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { disclosurePagePath, selfAndAncestors, type DisclosureVerify, type PublicFeedbackItem } from '@gongkai/shared';
import LoadStatus from '../../components/LoadStatus';
import OfflineNotice from '../../components/OfflineNotice';
import PageShell from '../../components/PageShell';
import PostingBadge from '../../components/PostingBadge';
import { useLoader } from '../../hooks/useLoader';
import { loadDisclosure, loadPublicQa, loadRelated, verifyDisclosure } from '../../services/disclosures';
import { useVillages } from '../../stores/villages';
import { disclosureUrl } from '../../routes';
import { formatDate, postingState } from '../../utils/format';
import { zh } from '../../i18n/zh';
import Actions from './parts/Actions';
import Attachments from './parts/Attachments';
import History from './parts/History';
import Qa from './parts/Qa';
import StandardCard from './parts/StandardCard';
import Tables from './parts/Tables';
import './index.css';
import { FOCUSABLE } from '../../components/a11y';

/**
 * One disclosure (`pages/disclosure/index?id=` — the path notices, subscribe messages, feeds and the printed
 * notice's QR code open): title, level and publisher, dates and 公示期, the catalogue item's standard
 * elements, the body (sanitized rich text from the server, rendered by RichText), masked tables, attachments,
 * related 解读, public Q&A, version history with the 已核验 badge, and the actions. The detail is cached
 * for offline reading; the verification is always live.
 */
export default function DisclosurePage() {
  const id = useRouter().params.id ?? '';
  const village = useVillages()[0];
  const detail = useLoader(id || null, () => loadDisclosure(id));
  const [verify, setVerify] = useState<DisclosureVerify | null | 'loading'>('loading');
  const [qa, setQa] = useState<PublicFeedbackItem[] | null>(null);
  const [related, setRelated] = useState<{ id: string; title: string }[]>([]);
  const d = detail.status === 'ready' ? detail.data : null;

  useEffect(() => {
    if (!id) return;
    setVerify('loading');
    verifyDisclosure(id).then(setVerify, () => setVerify(null));
    loadPublicQa(id).then((r) => setQa(r.data), () => setQa(null));
  }, [id]);
  useEffect(() => {
    if (d?.relatedIds.length) loadRelated(d.relatedIds).then(setRelated, () => setRelated([]));
  }, [d?.relatedIds.join()]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (d) void Taro.setNavigationBarTitle({ title: d.title.slice(0, 16) });
  }, [d?.title]); // eslint-disable-line react-hooks/exhaustive-deps

  useShareAppMessage(() => ({ title: d?.title ?? zh.titles.disclosure, path: `/${disclosurePagePath(id)}` }));

  if (!d) {
    return (
      <PageShell className='disclosure'>
        <LoadStatus status={detail.status} error={detail.status === 'error' ? detail.error : undefined} onRetry={() => detail.reload()} />
        {!id && <Text className='gk-error'>{zh.detail.notFound}</Text>}
      </PageShell>
    );
  }

  const posting = postingState(d.validFrom, d.validTo);
  // Follows and questions are about the resident's village when the disclosure applies to it, else its own region.
  const regionCode = village && selfAndAncestors(village.code).includes(d.regionCode) ? village.code : d.regionCode;

  return (
    <PageShell className='disclosure'>
      {detail.status === 'ready' && detail.offline && <OfflineNotice savedAt={detail.savedAt} />}
      <View className='detail-head'>
        <View className='detail-head__meta'>
          <Text className={`level-tag level-tag--${d.level}`}>{zh.levels[d.level]}</Text>
          <Text className='detail-head__publisher'>{d.publisher}</Text>
        </View>
        <View className='detail-head__title' role='heading' aria-level={1}>
          {d.title}
        </View>
        <View className='detail-dates'>
          <Text className='detail-dates__line'>
            {zh.detail.publishedAt}：{formatDate(d.publishedAt)} · {zh.detail.version(d.version)}
          </Text>
          {posting && (
            <View className='detail-dates__posting' data-testid='posting'>
              <Text className='detail-dates__line'>
                {zh.detail.posting}：{zh.detail.postingRange(formatDate(d.validFrom) || '—', formatDate(d.validTo) || '—')}
              </Text>
              <PostingBadge state={posting} />
            </View>
          )}
        </View>
      </View>

      <StandardCard item={d.catalogueItem} />

      <View className='gk-card detail-body' data-testid='body'>
        {d.bodyFormat === 'html' ? <RichText className='detail-body__rich' nodes={d.body} /> : <Text className='detail-body__text' userSelect>{d.body}</Text>}
        {d.contact && (
          <Text className='gk-muted detail-body__contact'>
            {zh.detail.contact}：{d.contact}
          </Text>
        )}
      </View>

      <Tables tables={d.tables} />
      <Attachments disclosureId={d.id} items={d.attachments} />

      {related.length > 0 && (
        <View className='related'>
          <Text className='gk-heading'>{zh.detail.relatedHeading}</Text>
          {related.map((r) => (
            <View key={r.id} className='related__link' role='link' {...FOCUSABLE} onClick={() => void Taro.navigateTo({ url: disclosureUrl(r.id) })}>
              <Text>{r.title}</Text>
            </View>
          ))}
        </View>
      )}

      <Actions d={d} regionCode={regionCode} />
      <Qa items={qa} />
      <History verify={verify} current={d.version} />
    </PageShell>
  );
}
