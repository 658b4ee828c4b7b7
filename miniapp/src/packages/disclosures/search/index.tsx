import { useState } from 'react';
import { Button, Input, RichText, Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import type { DisclosureSearchItem } from '@gongkai/shared';
import LoadStatus from '../../../components/LoadStatus';
import PageShell from '../../../components/PageShell';
import { usePaged } from '../../../hooks/usePaged';
import { searchDisclosures } from '../../../services/disclosures';
import { useVillages } from '../../../stores/villages';
import { disclosureUrl } from '../../../routes';
import { formatDate } from '../../../utils/format';
import { safeHighlight } from '../../../utils/html';
import { zh } from '../../../i18n/zh';
import './index.css';
import { BUTTON, FOCUSABLE } from '../../../components/a11y';

/** One hit: level, region, the title with the matched words marked, a snippet of the body, the date. */
function Hit({ item }: { item: DisclosureSearchItem }) {
  const title = item.highlights?.title?.join('') ?? '';
  return (
    <View className='gk-row hit' role='link' {...FOCUSABLE} data-id={item.id} onClick={() => void Taro.navigateTo({ url: disclosureUrl(item.id) })}>
      <View className='hit__meta'>
        <Text className={`level-tag level-tag--${item.level}`}>{zh.levels[item.level]}</Text>
        <Text className='hit__region'>{item.regionName}</Text>
      </View>
      {title ? <RichText className='hit__title' nodes={safeHighlight(title)} /> : <Text className='hit__title'>{item.title}</Text>}
      {item.highlights?.body && <RichText className='hit__snippet' nodes={safeHighlight(item.highlights.body)} />}
      <Text className='hit__date'>{formatDate(item.publishedAt)}</Text>
    </View>
  );
}

/**
 * Search within the default village's scope (its own, its township's and its county's disclosures), with
 * the server's highlights (matched words in `<em>`, shown bold and underlined — not by colour alone).
 * Results page in as the resident scrolls.
 */
export default function SearchPage() {
  const village = useVillages()[0];
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const results = usePaged(village && q ? `${village.code}:${q}` : null, (page) => searchDisclosures(village!.code, q, page));
  useReachBottom(() => results.more());
  const submit = () => setQ(text.trim());

  if (!village) {
    return (
      <PageShell className='search'>
        <Text className='gk-muted'>{zh.search.noVillage}</Text>
      </PageShell>
    );
  }

  return (
    <PageShell className='search'>
      <Text className='gk-muted search__scope'>{zh.search.scope(village.displayName)}</Text>
      <View className='search-bar'>
        <Input
          className='search-bar__input'
          value={text}
          type='text'
          confirmType='search'
          maxlength={50}
          placeholder={zh.search.placeholder}
          nativeProps={{ 'aria-label': zh.search.label }}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={submit}
        />
        <Button {...BUTTON} className='gk-button gk-button--primary search-bar__submit' onClick={submit}>
          {zh.search.submit}
        </Button>
      </View>
      {q && <LoadStatus status={results.loading ? 'loading' : results.error && !results.items.length ? 'error' : 'ready'} error={results.error ?? undefined} onRetry={() => results.reload()} loadingText={zh.search.searching} />}
      {q && !results.loading && !results.error && (
        <View className='gk-muted search__total' role='status'>
          {results.total === 0 ? zh.search.none(q) : zh.search.total(results.total)}
        </View>
      )}
      <View data-testid='search-hits'>
        {results.items.map((item) => (
          <Hit key={item.id} item={item} />
        ))}
      </View>
      {!results.loading && !results.done && results.items.length > 0 && (
        <Button {...BUTTON} className='gk-button search__more' onClick={() => results.more()}>
          {results.loadingMore ? zh.list.loadingMore : zh.list.more}
        </Button>
      )}
    </PageShell>
  );
}
