import { useCallback, useEffect, useState } from 'react';

/*
 * The content-element checklist is the editor's own aid (the API stores no ticks): kept per disclosure in
 * the browser so a draft reopened later shows what was already checked.
 */

const keyOf = (id: string) => `gongkai.checklist.${id}`;

function read(id: string | undefined): string[] {
  if (!id) return [];
  try {
    const v = JSON.parse(localStorage.getItem(keyOf(id)) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Stores the ticks of a disclosure (after a first save, the new id's). */
export function saveChecklist(id: string, checked: string[]): void {
  try {
    localStorage.setItem(keyOf(id), JSON.stringify(checked));
  } catch {
    // storage full or disabled: the checklist is only an aid
  }
}

/** The ticked content elements of a disclosure (none yet for a new one), persisted on change. */
export function useChecklist(id: string | undefined): [string[], (checked: string[]) => void] {
  const [checked, setChecked] = useState<string[]>(() => read(id));
  useEffect(() => setChecked(read(id)), [id]);
  const update = useCallback(
    (next: string[]) => {
      setChecked(next);
      if (id) saveChecklist(id, next);
    },
    [id],
  );
  return [checked, update];
}
