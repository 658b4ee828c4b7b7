import { Text, View } from '@tarojs/components';
import { setElderlyMode, useSettings } from '../../stores/settings';
import { zh } from '../../i18n/zh';
import './index.css';
import { FOCUSABLE } from '../a11y';

/**
 * The 长辈模式 switch: a large row (≥ 60 px high in elderly mode) whose state is said in words
 * (已开启 / 已关闭) as well as by the knob's position and colour.
 */
export default function ElderlySwitch() {
  const { elderly } = useSettings();
  return (
    <View
      className={`elderly-switch ${elderly ? 'elderly-switch--on' : ''}`}
      role='switch' {...FOCUSABLE}
      aria-checked={elderly}
      aria-label={zh.elderly.label}
      data-testid='elderly-switch'
      onClick={() => setElderlyMode(!elderly)}
    >
      <View className='elderly-switch__text'>
        <Text className='elderly-switch__label'>{zh.elderly.label}</Text>
        <Text className='elderly-switch__hint'>{zh.elderly.hint}</Text>
      </View>
      <Text className='elderly-switch__state'>{elderly ? zh.elderly.on : zh.elderly.off}</Text>
      <View className='elderly-switch__track' aria-hidden='true'>
        <View className='elderly-switch__knob' />
      </View>
    </View>
  );
}
