import { useMemo } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { DOMAIN_KEYS, findDomain, type DomainKey } from '@gongkai/shared';
import DisclosureRow from '../../../components/DisclosureRow';
import FollowButton from '../../../components/FollowButton';
import LoadStatus from '../../../components/LoadStatus';
import OfflineNotice from '../../../components/OfflineNotice';
import PageShell from '../../../components/PageShell';
import { useLoader } from '../../../hooks/useLoader';
import { usePaged } from '../../../hooks/usePaged';
import { loadCatalogue, loadDomainPage } from '../../../services/disclosures';
import { useVillages } from '../../../stores/villages';
import { groupByItem } from '../../../utils/group';
import { zh } from '../../../i18n/zh';
import './index.css';
import { BUTTON } from '../../../components/a11y';

/**
 * A domain's list for the default village: its own, its township's and its county's disclosures, grouped by
 * catalogue item (named from the catalogue), newest first, read page by page as the resident scrolls (and
 * with a 加载更多 button, for those who do not). The first page is cached for offline reading.
 */
export default function DomainList() {
  const { params } = useRouter();
  const domainKey = (DOMAIN_KEYS as readonly string[]).includes(params.domain ?? '') ? (params.domain as DomainKey) : undefined;
  const domain = domainKey ? findDomain(domainKey) : undefined;
  const village = useVillages()[0];
  const key = village && domainKey ? `${village.code}:${domainKey}` : null;
  const list = usePaged(key, (page) => loadDomainPage(village!.code, domainKey!, page));
  const catalogue = useLoader(key, () => loadCatalogue(village!.code, domainKey!));
  useReachBottom(() => list.more());

  const names = useMemo(() => {
    const m = new Map<string, string>();
    if (catalogue.status === 'ready') for (const c of catalogue.data) m.set(c.id, c.name);
    return m;
  }, [catalogue]);
  const groups = useMemo(() => groupByItem(list.items), [list.items]);

  if (!village || !domain) {
    return (
      <PageShell className='domain-list'>
        <Text className='gk-muted'>{zh.search.noVillage}</Text>
      </PageShell>
    );
  }

  return (
    <PageShell className='domain-list'>
      <Text className='gk-heading domain-list__heading'>{zh.list.heading(domain.name, village.displayName)}</Text>
      <Text className='gk-muted domain-list__scope'>{zh.list.scope}</Text>
      <FollowButton target={{ regionCode: village.code, domain: domain.key }} label={zh.list.followDomain} />
      {list.offline && <OfflineNotice savedAt={list.savedAt} />}
      {!list.loading && !list.error && list.items.length === 0 && <Text className='gk-muted'>{zh.list.empty}</Text>}
      {list.items.length > 0 && <Text className='gk-muted domain-list__count'>{zh.list.count(list.total)}</Text>}
      {groups.map((g) => (
        <View key={g.itemId} className='item-group' data-item={g.itemId}>
          <View className='item-group__name' role='heading' aria-level={2}>
            {names.get(g.itemId) ?? zh.list.otherItem}
          </View>
          {g.items.map((d) => (
            <DisclosureRow key={d.id} item={d} />
          ))}
        </View>
      ))}
      <LoadStatus status={list.loading ? 'loading' : list.error ? 'error' : 'ready'} error={list.error ?? undefined} onRetry={() => (list.items.length ? list.more() : list.reload())} />
      {list.loadingMore && <Text className='gk-muted domain-list__more'>{zh.list.loadingMore}</Text>}
      {!list.loading && !list.loadingMore && !list.error && !list.done && list.items.length > 0 && (
        <Button {...BUTTON} className='gk-button domain-list__more-button' onClick={() => list.more()}>
          {zh.list.more}
        </Button>
      )}
      {list.done && list.items.length > 0 && <Text className='gk-muted domain-list__more'>{zh.list.end}</Text>}
    </PageShell>
  );
}
