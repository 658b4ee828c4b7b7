import type {
  CatalogueCreateBody,
  CatalogueImportResult,
  CatalogueItemView,
  CatalogueLevel,
  CatalogueUpdateBody,
  CatalogueVersion,
  DomainKey,
} from '@gongkai/shared';
import { api, requestFile, type ApiFile } from '../../services/request';

/** Filters of the officials' catalogue list. */
export interface CatalogueListQuery {
  level?: CatalogueLevel;
  /** Include retired items (default: only active ones). */
  includeInactive?: boolean;
}

/**
 * The items an official works with (`GET /admin/catalogue`): province items, local items of the region and
 * its ancestors, and local items anywhere below it.
 */
export async function listCatalogue(q: CatalogueListQuery, signal?: AbortSignal): Promise<CatalogueItemView[]> {
  const query = { level: q.level, active: q.includeInactive ? undefined : true };
  return (await api.get<{ items: CatalogueItemView[] }>('/admin/catalogue', query, { signal })).items;
}

/** Adds a local item (owner `regionCode`: a county or township in scope; '33' for province officials). */
export function createCatalogueItem(body: CatalogueCreateBody): Promise<CatalogueItemView> {
  return api.post<CatalogueItemView>('/admin/catalogue', body);
}

/** Changes an item; the server stores a new version when the content differs. */
export function updateCatalogueItem(id: string, body: CatalogueUpdateBody): Promise<CatalogueItemView> {
  return api.patch<CatalogueItemView>(`/admin/catalogue/${encodeURIComponent(id)}`, body);
}

/** Retires (no longer offered for new disclosures) or restores an item. */
export function setCatalogueItemActive(id: string, active: boolean): Promise<CatalogueItemView> {
  return api.post<CatalogueItemView>(`/admin/catalogue/${encodeURIComponent(id)}/${active ? 'activate' : 'deactivate'}`);
}

/** Every version of an item, newest first. */
export async function listVersions(id: string, signal?: AbortSignal): Promise<CatalogueVersion[]> {
  return (await api.get<{ items: CatalogueVersion[] }>(`/admin/catalogue/${encodeURIComponent(id)}/versions`, undefined, { signal })).items;
}

/** The catalogue as an xlsx in the standard column layout (`GET /admin/catalogue/export.xlsx`). */
export function exportCatalogue(q: { domain?: DomainKey; region?: string }): Promise<ApiFile> {
  return requestFile('/admin/catalogue/export.xlsx', { query: { ...q }, fallbackName: 'catalogue.xlsx', timeoutMs: 120_000 });
}

/** Options of an import. */
export interface ImportOptions {
  /** The region whose local items the file holds. */
  region: string;
  /** Domain of rows that leave 领域 empty. */
  domain?: DomainKey;
  /** Check and preview only; nothing is saved. */
  dryRun: boolean;
}

/**
 * Uploads an xlsx (`POST /admin/catalogue/import`, multipart field `file`). Any bad row makes the whole
 * import a VALIDATION_FAILED whose `details` list `{ row, column?, message }`, and nothing is saved.
 */
export function importCatalogue(file: Blob, name: string, o: ImportOptions): Promise<CatalogueImportResult> {
  const body = new FormData();
  body.append('file', file, name);
  return api.post<CatalogueImportResult>('/admin/catalogue/import', body, {
    query: { region: o.region, domain: o.domain, dryRun: o.dryRun ? 1 : 0 },
    timeoutMs: 120_000,
  });
}
