import { Button, Text, View } from '@tarojs/components';
import type { RegionChild, RegionRef } from '@gongkai/shared';
import OfflineNotice from '../../../components/OfflineNotice';
import { useLoader } from '../../../hooks/useLoader';
import { getChildren } from '../../../services/regions';
import { zh } from '../../../i18n/zh';
import { BUTTON, FOCUSABLE } from '../../../components/a11y';

/** Props of the drill-down. */
export interface DrillDownProps {
  /** From the province down to the region whose children are listed (at least the province). */
  crumbs: readonly RegionRef[];
  /** Shows the children of `crumbs[index]` (a tap on a crumb or 返回上一级). */
  onUp: (index: number) => void;
  /** Opens a child that has children of its own. */
  onOpen: (child: RegionChild) => void;
  /** Chooses a village (or a village-level unit such as a 社区). */
  onPick: (child: RegionChild) => void;
}

/**
 * Browse city → county → township → village with `GET /regions/:code/children` (cached for weak networks).
 * The crumbs say where one is; each step back is one tap.
 */
export default function DrillDown({ crumbs, onUp, onOpen, onPick }: DrillDownProps) {
  const current = crumbs[crumbs.length - 1];
  const children = useLoader(current.code, () => getChildren(current.code));
  return (
    <View className='picker-section'>
      <Text className='gk-heading'>{zh.picker.browseHeading}</Text>
      <View className='crumbs' data-testid='crumbs'>
        {crumbs.map((c, i) => (
          <Text key={c.code} className={`crumb ${i === crumbs.length - 1 ? 'crumb--current' : ''}`} onClick={i < crumbs.length - 1 ? () => onUp(i) : undefined}>
            {i === 0 ? zh.picker.top : c.displayName}
            {i < crumbs.length - 1 ? zh.pathSeparator : ''}
          </Text>
        ))}
      </View>
      {crumbs.length > 1 && (
        <Button {...BUTTON} className='gk-button picker-up' onClick={() => onUp(crumbs.length - 2)}>
          {zh.picker.up}
        </Button>
      )}
      {children.status === 'ready' && children.offline && <OfflineNotice savedAt={children.savedAt} />}
      {children.status === 'loading' && <Text className='gk-muted'>{zh.picker.loading}</Text>}
      {children.status === 'error' && (
        <View className='gk-status' role='alert'>
          <Text className='gk-error'>{children.error.message}</Text>
          <Button {...BUTTON} className='gk-button' onClick={() => children.reload()}>
            {zh.picker.retry}
          </Button>
        </View>
      )}
      {children.status === 'ready' && (
        <View className='region-list' data-testid='children'>
          {children.data.map((c) => {
            const leaf = c.level === 'village';
            return (
              <View key={c.code} className='region-row' role='button' {...FOCUSABLE} data-code={c.code} data-level={c.level} onClick={() => (leaf ? onPick(c) : onOpen(c))}>
                <View className='region-row__text'>
                  <Text className='region-row__name'>{c.displayName}</Text>
                </View>
                {!leaf && (
                  <Text className='region-row__count'>
                    {zh.picker.childCount(c.childCount)}
                    <Text aria-hidden='true'> ›</Text>
                  </Text>
                )}
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}
