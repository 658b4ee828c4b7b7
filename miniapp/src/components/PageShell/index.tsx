import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useSettings } from '../../stores/settings';

/** Font scales above this get the roomier layouts of `.gk-scaled` (fewer columns, wrapping rows). */
const SCALED_FROM = 1.15;

/**
 * The root of every page: the mode class (`gk-normal` / `gk-elderly`) and the WeChat font scale as the CSS
 * variable `--gk-scale`, which app.css turns into the type scale every page and component uses. Elderly
 * mode has fixed large sizes (like WeChat's 关怀模式), so the scale applies in normal mode only.
 */
export default function PageShell({ children, className }: PropsWithChildren<{ className?: string }>) {
  const { elderly, fontScale } = useSettings();
  const classes = ['gk-page', elderly ? 'gk-elderly' : 'gk-normal'];
  if (!elderly && fontScale > SCALED_FROM) classes.push('gk-scaled');
  if (className) classes.push(className);
  const style = elderly ? undefined : ({ '--gk-scale': String(fontScale) } as Record<string, string>);
  return (
    <View className={classes.join(' ')} style={style} data-mode={elderly ? 'elderly' : 'normal'}>
      {children}
    </View>
  );
}
