import { Text, View } from '@tarojs/components';
import { formatSavedAt } from '../../services/cache';
import { zh } from '../../i18n/zh';
import './index.css';

/**
 * "离线内容，更新于 HH:mm": shown above content that came from the weak-network cache. Text and an icon, not
 * colour alone; a status region, not a pop-up.
 */
export default function OfflineNotice({ savedAt }: { savedAt: number }) {
  return (
    <View className='offline-notice' role='status'>
      <Text className='offline-notice__icon' aria-hidden='true'>
        !
      </Text>
      <Text className='offline-notice__text'>{zh.offline.notice(formatSavedAt(savedAt))}</Text>
    </View>
  );
}
