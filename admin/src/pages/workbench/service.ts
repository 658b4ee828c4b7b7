import type { CatalogueItemView, UserListSchema } from '@gongkai/shared';
import type { z } from 'zod';
import { api } from '../../services/request';

/** How many officials the admin's scope has (`GET /admin/users?pageSize=1` → `total`). */
export async function countUsers(signal?: AbortSignal): Promise<number> {
  return (await api.get<z.output<typeof UserListSchema>>('/admin/users', { pageSize: 1 }, { signal })).total;
}

/** The active catalogue items that apply to the official's region (`GET /admin/catalogue?active=true`). */
export async function activeCatalogue(signal?: AbortSignal): Promise<CatalogueItemView[]> {
  return (await api.get<{ items: CatalogueItemView[] }>('/admin/catalogue', { active: true }, { signal })).items;
}
