import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import DisclosureRow from '../../components/DisclosureRow';
import DomainGrid from '../../components/DomainGrid';
import ElderlySwitch from '../../components/ElderlySwitch';
import LoadStatus from '../../components/LoadStatus';
import OfflineNotice from '../../components/OfflineNotice';
import PageShell from '../../components/PageShell';
import RegionPath from '../../components/RegionPath';
import VillageSwitcher from '../../components/VillageSwitcher';
import { useLoader } from '../../hooks/useLoader';
import { loadHome } from '../../services/disclosures';
import { useSettings } from '../../stores/settings';
import { useVillages } from '../../stores/villages';
import { LIST_URL, PICKER_URL, SEARCH_URL, withQuery } from '../../routes';
import { zh } from '../../i18n/zh';
import './index.css';
import { BUTTON, FOCUSABLE } from '../../components/a11y';

/** First open: the elderly-mode choice and the way to pick a village. */
function Welcome() {
  return (
    <View className='welcome'>
      <Text className='welcome__title'>{zh.home.welcomeTitle}</Text>
      <Text className='welcome__text'>{zh.home.welcomeText}</Text>
      <ElderlySwitch />
      <Button {...BUTTON} className='gk-button gk-button--primary welcome__pick' onClick={() => void Taro.navigateTo({ url: PICKER_URL })}>
        {zh.home.pickVillage}
      </Button>
    </View>
  );
}

/**
 * 我的村 home: on first open the welcome (elderly mode + pick a village); then the default village's path,
 * a switcher between saved villages, a search entry, the 8 domains as a grid with the number of disclosures
 * residents of the village can read in each (tap: the domain's list), and the latest disclosures of the
 * village, its township and its county, each labelled by level. One cached load: offline, the last loaded
 * copy shows with its time.
 */
export default function Index() {
  const villages = useVillages();
  const { elderly } = useSettings();
  const village = villages[0];
  const home = useLoader(village ? village.code : null, () => loadHome(village!.code));
  usePullDownRefresh(() => {
    home.reload(true);
    void Taro.stopPullDownRefresh();
  });

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
      <View className='home-search' role='button' {...FOCUSABLE} onClick={() => void Taro.navigateTo({ url: SEARCH_URL })}>
        <Text className='home-search__icon' aria-hidden='true'>
          ⌕
        </Text>
        <Text className='home-search__text'>{zh.search.entry}</Text>
      </View>
      {home.status === 'ready' && home.offline && <OfflineNotice savedAt={home.savedAt} />}
      <Text className='gk-heading'>{zh.home.domainsHeading}</Text>
      <LoadStatus status={home.status} error={home.status === 'error' ? home.error : undefined} onRetry={() => home.reload()} />
      {home.status === 'ready' && home.data.domains.length === 0 && (
        <View className='gk-status'>
          <Text>{zh.home.empty}</Text>
        </View>
      )}
      {home.status === 'ready' && home.data.domains.length > 0 && (
        <DomainGrid
          domains={home.data.domains}
          counts={home.data.counts}
          onSelect={(domain) => void Taro.navigateTo({ url: withQuery(LIST_URL, { domain }) })}
        />
      )}
      {home.status === 'ready' && (
        <View className='home-latest'>
          <Text className='gk-heading'>{zh.latest.heading}</Text>
          {home.data.latest.length === 0 && <Text className='gk-muted'>{zh.latest.empty}</Text>}
          {home.data.latest.map((item) => (
            <DisclosureRow key={item.id} item={item} />
          ))}
        </View>
      )}
      {home.status === 'ready' && home.data.latest.length > 0 && (
        <Button {...BUTTON} className='gk-button home-more' onClick={() => void Taro.navigateTo({ url: SEARCH_URL })}>
          {zh.latest.more}
        </Button>
      )}
    </PageShell>
  );
}
