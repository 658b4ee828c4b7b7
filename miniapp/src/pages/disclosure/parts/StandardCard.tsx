import { Text, View } from '@tarojs/components';
import { CHANNEL_LABELS, type CatalogueItemView } from '@gongkai/shared';
import { zh } from '../../../i18n/zh';

/** One label/value line of the card. */
function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className='std-line'>
      <Text className='std-line__label'>{label}</Text>
      <Text className='std-line__value'>{value}</Text>
    </View>
  );
}

/**
 * The catalogue item's standard elements in a compact card: 公开事项, 依据, 时限, 主体, 渠道 — what the
 * standard catalogue says must be disclosed, by whom, by when and where.
 */
export default function StandardCard({ item }: { item: CatalogueItemView }) {
  const channels = item.channels.map((c) => (c === 'other' && item.otherChannel ? item.otherChannel : CHANNEL_LABELS[c])).join('、');
  return (
    <View className='gk-card std-card' data-testid='standard-card'>
      <Text className='gk-heading'>{zh.detail.standardHeading}</Text>
      <Line label={zh.detail.item} value={`${item.category} › ${item.name}`} />
      <Line label={zh.detail.basis} value={item.basis.join('；')} />
      <Line label={zh.detail.timeLimit} value={item.timeLimit.text} />
      <Line label={zh.detail.body} value={item.publisher} />
      <Line label={zh.detail.channels} value={channels} />
    </View>
  );
}
