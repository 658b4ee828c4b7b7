import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { Follow } from '@gongkai/shared';
import LoadStatus from '../../../components/LoadStatus';
import PageShell from '../../../components/PageShell';
import { useLoader } from '../../../hooks/useLoader';
import { loadCatalogueItem, loadDisclosure } from '../../../services/disclosures';
import { toApiError } from '../../../services/request';
import { loadFollows, removeFollow, useFollows } from '../../../stores/follows';
import { formatDate } from '../../../utils/format';
import { zh } from '../../../i18n/zh';
import './index.css';
import { BUTTON } from '../../../components/a11y';

/** What a follow covers, in words (a disclosure's title is looked up through the detail cache). */
function describe(f: Follow, titles: Record<string, string>): string {
  if (f.disclosureId) return zh.follows.disclosure(titles[f.disclosureId] ?? f.disclosureId);
  if (f.catalogueItemId) return zh.follows.item(f.regionName, titles[f.catalogueItemId] ?? f.catalogueItemId);
  if (f.domain) return zh.follows.domain(f.regionName, f.domainName ?? f.domain);
  return zh.follows.place(f.regionName);
}

/**
 * 我的关注: every follow in words, each with a one-tap 取消关注 (no confirmation pop-up; the row says what
 * was removed).
 */
export default function FollowsPage() {
  const follows = useFollows();
  const load = useLoader('follows', async () => ({ data: await loadFollows(true), offline: false, savedAt: Date.now() }));
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    for (const f of follows ?? []) {
      if (f.disclosureId && !titles[f.disclosureId]) {
        const id = f.disclosureId;
        loadDisclosure(id).then((r) => setTitles((t) => ({ ...t, [id]: r.data.title })), () => undefined);
      } else if (f.catalogueItemId && !titles[f.catalogueItemId]) {
        const id = f.catalogueItemId;
        loadCatalogueItem(id).then((r) => setTitles((t) => ({ ...t, [id]: r.data.name })), () => undefined);
      }
    }
  }, [follows]); // eslint-disable-line react-hooks/exhaustive-deps

  const unfollow = async (f: Follow) => {
    setError(null);
    try {
      await removeFollow(f.id);
      setNote(zh.follows.removed(describe(f, titles)));
    } catch (e) {
      setError(toApiError(e).message);
    }
  };

  return (
    <PageShell className='follows'>
      {note && (
        <View className='gk-muted follows__note' role='status'>
          {note}
        </View>
      )}
      {error && (
        <View className='gk-error' role='alert'>
          {error}
        </View>
      )}
      {!follows && <LoadStatus status={load.status} error={load.status === 'error' ? load.error : undefined} onRetry={() => load.reload()} />}
      {follows && follows.length === 0 && <Text className='gk-muted'>{zh.follows.empty}</Text>}
      {follows?.map((f) => (
        <View key={f.id} className='gk-card follow-row' data-id={f.id}>
          <Text className='follow-row__what'>{describe(f, titles)}</Text>
          <Text className='gk-muted'>{zh.follows.since(formatDate(f.createdAt))}</Text>
          <Button {...BUTTON} className='gk-button follow-row__remove' onClick={() => void unfollow(f)}>
            {zh.follows.unfollow}
          </Button>
        </View>
      ))}
    </PageShell>
  );
}
