import type { DomainKey } from '@gongkai/shared';
import type { DefaultCatalogueEntry } from './common';
import { LAND_ACQUISITION } from './land-acquisition';
import { DEMOLITION_RESETTLEMENT } from './demolition-resettlement';
import { AFFORDABLE_HOUSING } from './affordable-housing';
import { RURAL_HOUSING_RENOVATION } from './rural-housing-renovation';
import { POVERTY_RELIEF } from './poverty-relief';
import { MUNICIPAL_SERVICES } from './municipal-services';
import { PUBLIC_RESOURCE_TRADING } from './public-resource-trading';
import { COMPULSORY_EDUCATION } from './compulsory-education';

export type { DefaultCatalogueEntry } from './common';

/** The authored default items of each pilot domain, in catalogue order. */
export const DEFAULT_CATALOGUE_BY_DOMAIN: Readonly<Record<DomainKey, readonly DefaultCatalogueEntry[]>> = {
  'land-acquisition': LAND_ACQUISITION,
  'demolition-resettlement': DEMOLITION_RESETTLEMENT,
  'affordable-housing': AFFORDABLE_HOUSING,
  'rural-housing-renovation': RURAL_HOUSING_RENOVATION,
  'poverty-relief': POVERTY_RELIEF,
  'municipal-services': MUNICIPAL_SERVICES,
  'public-resource-trading': PUBLIC_RESOURCE_TRADING,
  'compulsory-education': COMPULSORY_EDUCATION,
};

/**
 * The province's default catalogue (owner region '33', not local): every item of the 8 pilot domains with its
 * stable code. The seed inserts these as version 1 and must keep codes stable across releases.
 */
export const DEFAULT_CATALOGUE: readonly DefaultCatalogueEntry[] = Object.values(DEFAULT_CATALOGUE_BY_DOMAIN).flat();
