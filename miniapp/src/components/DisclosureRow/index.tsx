import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { DisclosureListItem } from '@gongkai/shared';
import { disclosureUrl } from '../../routes';
import { formatDate, postingState } from '../../utils/format';
import { zh } from '../../i18n/zh';
import PostingBadge from '../PostingBadge';
import './index.css';
import { FOCUSABLE } from '../a11y';

/**
 * One disclosure in a list: its level in words (村级 / 乡镇 / 县级) and publisher region, the title, the
 * publication date and the posting state. The whole row is one tap target that opens the detail.
 */
export default function DisclosureRow({ item, now = Date.now() }: { item: DisclosureListItem; now?: number }) {
  const posting = postingState(item.validFrom, item.validTo, now);
  return (
    <View
      className='gk-row disclosure-row'
      role='link' {...FOCUSABLE}
      data-id={item.id}
      onClick={() => void Taro.navigateTo({ url: disclosureUrl(item.id) })}
    >
      <View className='disclosure-row__meta'>
        <Text className={`level-tag level-tag--${item.level}`}>{zh.levels[item.level]}</Text>
        <Text className='disclosure-row__region'>{item.regionName}</Text>
      </View>
      <Text className='disclosure-row__title'>{item.title}</Text>
      <View className='disclosure-row__foot'>
        <Text className='disclosure-row__date'>{formatDate(item.publishedAt)}</Text>
        {posting && <PostingBadge state={posting} />}
      </View>
    </View>
  );
}
