import { useEffect, useState } from 'react';
import { getRegion, type Region } from '../services/regions';

/** A region by code (cached `GET /regions/:code`); undefined while loading, for no code, or on failure. */
export function useRegion(code: string | undefined | null): Region | undefined {
  const [region, setRegion] = useState<Region>();
  useEffect(() => {
    let live = true;
    setRegion(undefined);
    if (code) getRegion(code).then((r) => live && setRegion(r), () => undefined);
    return () => {
      live = false;
    };
  }, [code]);
  return region;
}
