import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MAX_VILLAGES, selectVillage, type SavedVillage } from '../../stores/villages';
import { PICKER_URL } from '../../routes';
import { zh } from '../../i18n/zh';
import './index.css';
import { FOCUSABLE } from '../a11y';

/**
 * Switches the home page between saved villages (tap a name: it becomes the default) and adds one. The
 * current village is marked by a check mark and weight as well as colour; no pop-up is involved.
 */
export default function VillageSwitcher({ villages }: { villages: readonly SavedVillage[] }) {
  return (
    <View className='village-switcher' role='group' aria-label={zh.home.switchHeading}>
      {villages.map((v, i) => (
        <View
          key={v.code}
          className={`village-chip ${i === 0 ? 'village-chip--current' : ''}`}
          role='button' {...FOCUSABLE}
          aria-pressed={i === 0}
          data-code={v.code}
          onClick={() => selectVillage(v.code)}
        >
          {i === 0 && (
            <Text className='village-chip__mark' aria-hidden='true'>
              ✓
            </Text>
          )}
          <Text>{v.displayName}</Text>
        </View>
      ))}
      {villages.length < MAX_VILLAGES && (
        <View className='village-chip village-chip--add' role='button' {...FOCUSABLE} onClick={() => void Taro.navigateTo({ url: PICKER_URL })}>
          <Text>+ {zh.home.addVillage}</Text>
        </View>
      )}
    </View>
  );
}
