import { useCallback, useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { Domain } from '@gongkai/shared';
import { fetchDomains } from '../../services/domains';
import { toApiError, type ApiError } from '../../services/request';
import { zh } from '../../i18n/zh';
import './index.css';

type State =
  | { status: 'loading' }
  | { status: 'ready'; domains: Domain[] }
  | { status: 'error'; error: ApiError };

/** Home page: the pilot disclosure domains, loaded from `GET /api/v1/domains`, with loading and error states. */
export default function Index() {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', domains: await fetchDomains() });
    } catch (e) {
      setState({ status: 'error', error: toApiError(e) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <View className='home'>
      <View className='home__header'>
        <Text className='home__title'>{zh.home.title}</Text>
        <Text className='home__subtitle'>{zh.home.subtitle}</Text>
      </View>
      <Text className='home__heading'>{zh.home.domainsHeading}</Text>
      {state.status === 'loading' && (
        <View className='home__status' aria-busy='true'>
          <Text>{zh.home.loading}</Text>
        </View>
      )}
      {state.status === 'error' && (
        <View className='home__status home__status--error' role='alert'>
          <Text className='home__error-text'>{state.error.message}</Text>
          <Button className='home__retry' type='primary' onClick={() => void load()}>
            {zh.home.retry}
          </Button>
        </View>
      )}
      {state.status === 'ready' && state.domains.length === 0 && (
        <View className='home__status'>
          <Text>{zh.home.empty}</Text>
        </View>
      )}
      {state.status === 'ready' && state.domains.length > 0 && (
        <View className='domain-list'>
          {state.domains.map((d) => (
            <View key={d.key} className='domain-list__item' data-key={d.key}>
              <Text className='domain-list__name'>{d.name}</Text>
              <Text className='domain-list__desc'>{d.description}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
