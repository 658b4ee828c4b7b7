import type { DisclosureListItem } from '@gongkai/shared';

/** A run of disclosures under one catalogue item. */
export interface ItemGroup {
  itemId: string;
  items: DisclosureListItem[];
}

/**
 * Groups a newest-first list by catalogue item; a group sits where its newest disclosure is, so the groups
 * are newest first too and each group's disclosures stay newest first.
 */
export function groupByItem(items: readonly DisclosureListItem[]): ItemGroup[] {
  const groups = new Map<string, ItemGroup>();
  for (const d of items) {
    let g = groups.get(d.catalogueItemId);
    if (!g) groups.set(d.catalogueItemId, (g = { itemId: d.catalogueItemId, items: [] }));
    g.items.push(d);
  }
  return [...groups.values()];
}
