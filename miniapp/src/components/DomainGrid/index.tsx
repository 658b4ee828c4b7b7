import { Text, View } from '@tarojs/components';
import type { Domain, DomainKey } from '@gongkai/shared';
import { zh } from '../../i18n/zh';
import { domainIconUri } from './icons';
import './index.css';
import { FOCUSABLE } from '../a11y';

/** Props of the domain grid. */
export interface DomainGridProps {
  domains: readonly Domain[];
  /**
   * Current disclosures per domain, when known (the disclosures API). A domain without a number shows no
   * count line at all — never a made-up 0.
   */
  counts?: Partial<Record<DomainKey, number>>;
  /** Makes each tile a tap target (the domain list page); without it the tiles are not interactive. */
  onSelect?: (key: DomainKey) => void;
}

/**
 * The pilot domains as a grid of tiles with icons: two columns of icon-and-name rows normally, large
 * stacked tiles in elderly mode (app.css variables and `.gk-elderly` rules do the switch). Each tile has a
 * slot under the name for its count.
 */
export default function DomainGrid({ domains, counts, onSelect }: DomainGridProps) {
  return (
    <View className='domain-grid'>
      {domains.map((d) => {
        const count = counts?.[d.key];
        return (
          <View
            key={d.key}
            className={`domain-tile ${onSelect ? 'domain-tile--link' : ''}`}
            data-key={d.key}
            role={onSelect ? 'button' : undefined}
            {...(onSelect ? FOCUSABLE : {})}
            onClick={onSelect ? () => onSelect(d.key) : undefined}
          >
            <View className='domain-tile__icon' aria-hidden='true'>
              <View className='domain-tile__img' style={{ backgroundImage: `url("${domainIconUri(d.key)}")` }} />
            </View>
            <View className='domain-tile__body'>
              <Text className='domain-tile__name'>{d.name}</Text>
              {count !== undefined && <Text className='domain-tile__count'>{zh.home.count(count)}</Text>}
            </View>
          </View>
        );
      })}
    </View>
  );
}
