import { z } from 'zod';
import { DOMAIN_KEYS } from '../domains';
import { RegionCodeSchema } from './common';

/*
 * Counts of published disclosures per domain for a region (the mini-program's home grid): an extension of
 * the contract's Disclosures section.
 */

/** `GET /api/v1/disclosures/counts?region=` (region required). */
export const DisclosureCountsQuerySchema = z.object({ region: RegionCodeSchema });
export type DisclosureCountsQuery = z.infer<typeof DisclosureCountsQuerySchema>;

/**
 * What residents of `region` can read per domain: the region's own disclosures and its ancestors', the
 * same set as `GET /api/v1/disclosures?region=&domain=` lists (its `total`), every domain key present.
 */
export const DisclosureCountsSchema = z.object({
  region: z.string(),
  counts: z.record(z.enum(DOMAIN_KEYS), z.int().min(0)),
  total: z.int().min(0),
});
export type DisclosureCounts = z.infer<typeof DisclosureCountsSchema>;
