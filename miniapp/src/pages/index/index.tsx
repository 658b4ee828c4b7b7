import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import DomainGrid from '../../components/DomainGrid';
import ElderlySwitch from '../../components/ElderlySwitch';
import OfflineNotice from '../../components/OfflineNotice';
import PageShell from '../../components/PageShell';
import RegionPath from '../../components/RegionPath';
import VillageSwitcher from '../../components/VillageSwitcher';
import { useLoader } from '../../hooks/useLoader';
import { loadHomeDomains } from '../../services/domains';
import { useSettings } from '../../stores/settings';
import { useVillages } from '../../stores/villages';
import { PICKER_URL } from '../../routes';
import { zh } from '../../i18n/zh';
import './index.css';

/** First open: the elderly-mode choice and the way to pick a village. */
function Welcome() {
  return (
    <View className='welcome'>
      <Text className='welcome__title'>{zh.home.welcomeTitle}</Text>
      <Text className='welcome__text'>{zh.home.welcomeText}</Text>
      <ElderlySwitch />
      <Button className='gk-button gk-button--primary welcome__pick' onClick={() => void Taro.navigateTo({ url: PICKER_URL })}>
        {zh.home.pickVillage}
      </Button>
    </View>
  );
}

/**
 * 我的村 home: on first open the welcome (elderly mode + pick a village); then the default village's path,
 * a switcher between saved villages, and the 8 domains as a grid. The domains come through the
 * weak-network cache: offline, the last loaded copy shows with its time.
 */
export default function Index() {
  const villages = useVillages();
  const { elderly } = useSettings();
  const village = villages[0];
  // Loaded once a village is chosen. The key becomes the village's code when the home data depends on it
  // (counts and latest disclosures from the disclosures API).
  const home = useLoader(village ? 'home' : null, loadHomeDomains);

  if (!village) {
    return (
      <PageShell className='home'>
        <Welcome />
      </PageShell>
    );
  }

  return (
    <PageShell className='home'>
      <View className='gk-card village-card'>
        <Text className='village-card__label'>{zh.home.currentVillage}</Text>
        <Text className='village-card__name'>{village.displayName}</Text>
        <RegionPath className='village-card__path' path={village.path} />
      </View>
      {(!elderly || villages.length > 1) && <VillageSwitcher villages={villages} />}
      {home.status === 'ready' && home.offline && <OfflineNotice savedAt={home.savedAt} />}
      <Text className='gk-heading'>{zh.home.domainsHeading}</Text>
      {home.status === 'loading' && (
        <View className='gk-status' aria-busy='true'>
          <Text>{zh.home.loading}</Text>
        </View>
      )}
      {home.status === 'error' && (
        <View className='gk-status' role='alert'>
          <Text className='gk-error'>{home.error.message}</Text>
          <Button className='gk-button gk-button--primary' onClick={() => home.reload()}>
            {zh.home.retry}
          </Button>
        </View>
      )}
      {home.status === 'ready' && home.data.length === 0 && (
        <View className='gk-status'>
          <Text>{zh.home.empty}</Text>
        </View>
      )}
      {home.status === 'ready' && home.data.length > 0 && <DomainGrid domains={home.data} />}
    </PageShell>
  );
}
