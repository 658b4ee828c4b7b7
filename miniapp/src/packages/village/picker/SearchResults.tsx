import { Text, View } from '@tarojs/components';
import type { RegionSearchItem } from '@gongkai/shared';
import RegionPath from '../../../components/RegionPath';
import { zh } from '../../../i18n/zh';
import type { SearchState } from './useRegionSearch';
import { FOCUSABLE } from '../../../components/a11y';

/**
 * The hits of a region search, best first, each with its full path. A village is chosen with one tap; a
 * higher level (a town, a county) opens in the drill-down below.
 */
export default function SearchResults({ state, onPick }: { state: SearchState; onPick: (item: RegionSearchItem) => void }) {
  if (state.status === 'idle') return null;
  return (
    <View className='picker-section' aria-live='polite'>
      <Text className='gk-heading'>{zh.picker.resultsHeading}</Text>
      {state.status === 'searching' && <Text className='gk-muted'>{zh.picker.searching}</Text>}
      {state.status === 'error' && <Text className='gk-error'>{state.error.message}</Text>}
      {state.status === 'done' && state.items.length === 0 && <Text className='gk-muted'>{zh.picker.noResults(state.q)}</Text>}
      {state.status === 'done' && state.items.length > 0 && (
        <View className='region-list' data-testid='search-results'>
          {state.items.map((item) => (
            <View key={item.code} className='region-row' role='button' {...FOCUSABLE} data-code={item.code} data-level={item.level} onClick={() => onPick(item)}>
              <View className='region-row__text'>
                <Text className='region-row__name'>{item.displayName}</Text>
                <RegionPath className='region-row__path' path={item.path} />
              </View>
              {item.level !== 'village' && (
                <Text className='region-row__chevron' aria-hidden='true'>
                  ›
                </Text>
              )}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
