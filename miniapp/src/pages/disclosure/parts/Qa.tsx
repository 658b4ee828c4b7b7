import { Text, View } from '@tarojs/components';
import type { PublicFeedbackItem } from '@gongkai/shared';
import { formatDate } from '../../../utils/format';
import { zh } from '../../../i18n/zh';

/** The public, answered questions about this disclosure (its 回应), anonymized and masked by the server. */
export default function Qa({ items }: { items: readonly PublicFeedbackItem[] | null }) {
  return (
    <View className='qa' data-testid='qa'>
      <Text className='gk-heading'>{zh.detail.qaHeading}</Text>
      {items && items.length === 0 && <Text className='gk-muted'>{zh.detail.qaEmpty}</Text>}
      {items?.map((q) => (
        <View key={q.id} className='gk-card qa-item'>
          <View className='qa-item__line'>
            <Text className='qa-item__mark'>{zh.detail.question}</Text>
            <Text className='qa-item__text'>{q.content}</Text>
          </View>
          <View className='qa-item__line qa-item__line--answer'>
            <Text className='qa-item__mark qa-item__mark--answer'>{zh.detail.answer}</Text>
            <View className='qa-item__answer'>
              <Text className='qa-item__text'>{q.answer.text}</Text>
              <Text className='gk-muted'>{zh.detail.answeredBy(q.answer.region.name, formatDate(q.answer.at))}</Text>
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}
