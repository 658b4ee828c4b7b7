import { Tooltip } from 'antd';
import { useRegion } from '../hooks/useRegion';
import { pathLabel } from '../services/regions';

/** Props of RegionName. */
export interface RegionNameProps {
  code: string | undefined | null;
  /** Show the path from this region down (e.g. the viewer's scope) instead of the bare name. */
  from?: string;
}

/** A region's name for a code (its full path on hover); the code itself until the name has loaded. */
export function RegionName({ code, from }: RegionNameProps) {
  const region = useRegion(code);
  if (!code) return null;
  if (!region) return <span>{code}</span>;
  const text = from ? pathLabel(region.path, from) : region.displayName;
  return (
    <Tooltip title={`${pathLabel(region.path)}（${region.code}）`}>
      <span>{text}</span>
    </Tooltip>
  );
}
