import { Text } from '@tarojs/components';
import type { RegionRef } from '@gongkai/shared';
import { pathNames } from '../../services/regions';
import { zh } from '../../i18n/zh';

/** A region's path below the province as one line of text: 温州市 › 瓯海区 › 娄桥街道 › 古庄村. */
export default function RegionPath({ path, className }: { path: readonly RegionRef[]; className?: string }) {
  return <Text className={className ?? 'region-path'}>{pathNames(path).join(zh.pathSeparator)}</Text>;
}
