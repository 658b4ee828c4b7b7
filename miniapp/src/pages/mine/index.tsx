import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import ElderlySwitch from '../../components/ElderlySwitch';
import PageShell from '../../components/PageShell';
import RegionPath from '../../components/RegionPath';
import { MAX_VILLAGES, removeVillage, selectVillage, useVillages } from '../../stores/villages';
import { FOLLOWS_URL, MY_FEEDBACK_URL, PICKER_URL } from '../../routes';
import { zh } from '../../i18n/zh';
import './index.css';
import { BUTTON, FOCUSABLE } from '../../components/a11y';

/**
 * 我的: 我的关注 and 我的留言, display settings (长辈模式) and 我的村 — the saved villages with their paths, the default marked in
 * words, 设为默认 and 删除 (a second tap confirms, in place: no pop-up), and 添加村.
 */
export default function Mine() {
  const villages = useVillages();
  const [confirming, setConfirming] = useState<string | null>(null);

  return (
    <PageShell className='mine'>
      <Text className='gk-heading'>{zh.mine.linksHeading}</Text>
      <View className='mine-links'>
        <View className='mine-link' role='link' {...FOCUSABLE} data-testid='link-follows' onClick={() => void Taro.navigateTo({ url: FOLLOWS_URL })}>
          <Text>{zh.mine.follows}</Text>
          <Text aria-hidden='true'>›</Text>
        </View>
        <View className='mine-link' role='link' {...FOCUSABLE} data-testid='link-feedback' onClick={() => void Taro.navigateTo({ url: MY_FEEDBACK_URL })}>
          <Text>{zh.mine.feedback}</Text>
          <Text aria-hidden='true'>›</Text>
        </View>
      </View>
      <Text className='gk-heading'>{zh.mine.settingsHeading}</Text>
      <ElderlySwitch />
      <Text className='gk-muted mine-note'>{zh.mine.fontNote}</Text>

      <Text className='gk-heading'>{zh.mine.villagesHeading}</Text>
      {villages.length === 0 && <Text className='gk-muted mine-note'>{zh.mine.noVillage}</Text>}
      {villages.map((v, i) => (
        <View key={v.code} className='gk-card mine-village' data-code={v.code}>
          <View className='mine-village__head'>
            <Text className='mine-village__name'>{v.displayName}</Text>
            {i === 0 && <Text className='mine-village__badge'>{zh.mine.defaultBadge}</Text>}
          </View>
          <RegionPath className='mine-village__path' path={v.path} />
          <View className='mine-village__actions'>
            {i > 0 && (
              <Button {...BUTTON} className='gk-button mine-village__action' onClick={() => selectVillage(v.code)}>
                {zh.mine.setDefault}
              </Button>
            )}
            {confirming === v.code ? (
              <>
                <Button {...BUTTON} className='gk-button mine-village__action mine-village__action--danger' onClick={() => { removeVillage(v.code); setConfirming(null); }}>
                  {zh.mine.confirmRemove}
                </Button>
                <Button {...BUTTON} className='gk-button mine-village__action' onClick={() => setConfirming(null)}>
                  {zh.mine.cancel}
                </Button>
              </>
            ) : (
              <Button {...BUTTON} className='gk-button mine-village__action' onClick={() => setConfirming(v.code)}>
                {zh.mine.remove}
              </Button>
            )}
          </View>
        </View>
      ))}
      {villages.length < MAX_VILLAGES && (
        <Button {...BUTTON} className='gk-button gk-button--primary mine-add' onClick={() => void Taro.navigateTo({ url: PICKER_URL })}>
          {zh.mine.addVillage}
        </Button>
      )}
      <Text className='gk-muted mine-note'>{zh.mine.limit(MAX_VILLAGES)}</Text>
    </PageShell>
  );
}
