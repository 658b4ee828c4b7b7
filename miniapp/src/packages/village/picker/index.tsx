import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { RegionChild, RegionRef, RegionSearchItem } from '@gongkai/shared';
import PageShell from '../../../components/PageShell';
import { ROOT_REGION_CODE } from '../../../config';
import { useLoader } from '../../../hooks/useLoader';
import { getRegion } from '../../../services/regions';
import { addVillage, MAX_VILLAGES, type VillageSource } from '../../../stores/villages';
import { HOME_URL } from '../../../routes';
import { zh } from '../../../i18n/zh';
import DrillDown from './DrillDown';
import SearchResults from './SearchResults';
import { useRegionSearch } from './useRegionSearch';
import './index.css';
import { BUTTON } from '../../../components/a11y';

const refOf = ({ code, name, displayName, level }: RegionRef): RegionRef => ({ code, name, displayName, level });

/** Back to where the picker was opened from (home or 我的); opened directly (H5 link): to home. */
function leave(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: HOME_URL });
}

/**
 * 选择我的村: a search box (Chinese, pinyin, initials) with instant results showing each hit's full path,
 * and a drill-down from the cities to the villages. Choosing saves the village as the default and goes back.
 */
export default function VillagePicker() {
  const [text, setText] = useState('');
  const search = useRegionSearch(text);
  const root = useLoader('root', () => getRegion(ROOT_REGION_CODE));
  const [crumbs, setCrumbs] = useState<RegionRef[] | null>(null);
  const [full, setFull] = useState(false);

  const choose = (v: VillageSource) => {
    if (addVillage(v) === 'full') {
      setFull(true);
      return;
    }
    leave();
  };

  const shown = crumbs ?? (root.status === 'ready' ? root.data.path.map(refOf) : null);
  const pickChild = (child: RegionChild) => {
    if (!shown) return;
    choose({ code: child.code, name: child.name, displayName: child.displayName, path: [...shown, refOf(child)] });
  };
  const pickHit = (item: RegionSearchItem) => {
    if (item.level === 'village') choose(item);
    else setCrumbs(item.path.map(refOf)); // a town or county: browse it below
  };

  return (
    <PageShell className='picker'>
      <View className='picker-search'>
        <Input
          className='picker-search__input'
          value={text}
          type='text'
          confirmType='search'
          placeholder={zh.picker.searchPlaceholder}
          nativeProps={{ 'aria-label': zh.picker.searchLabel }}
          onInput={(e) => setText(e.detail.value)}
        />
      </View>
      {full && (
        <View className='picker-full' role='alert'>
          <Text>{zh.picker.full(MAX_VILLAGES)}</Text>
        </View>
      )}
      <SearchResults state={search} onPick={pickHit} />
      {search.status === 'idle' && shown && (
        <DrillDown
          crumbs={shown}
          onUp={(i) => setCrumbs(shown.slice(0, i + 1))}
          onOpen={(child) => setCrumbs([...shown, refOf(child)])}
          onPick={pickChild}
        />
      )}
      {search.status === 'idle' && !shown && root.status === 'loading' && <Text className='gk-muted'>{zh.picker.loading}</Text>}
      {search.status === 'idle' && !shown && root.status === 'error' && (
        <View className='gk-status' role='alert'>
          <Text className='gk-error'>{root.error.message}</Text>
          <Button {...BUTTON} className='gk-button' onClick={() => root.reload()}>
            {zh.picker.retry}
          </Button>
        </View>
      )}
    </PageShell>
  );
}
