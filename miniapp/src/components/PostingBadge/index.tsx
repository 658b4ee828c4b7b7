import { Text, View } from '@tarojs/components';
import { postingLabel, type PostingState } from '../../utils/format';
import './index.css';

const ICONS: Record<PostingState, string> = { open: '●', closed: '■', future: '○' };

/** 公示中 / 已结束 / 未开始: an icon and the words (never colour alone), bordered like a tag. */
export default function PostingBadge({ state }: { state: PostingState }) {
  return (
    <View className={`posting-badge posting-badge--${state}`} data-state={state}>
      <Text className='posting-badge__icon' aria-hidden='true'>
        {ICONS[state]}
      </Text>
      <Text className='posting-badge__text'>{postingLabel(state)}</Text>
    </View>
  );
}
