import { useCallback, useEffect, useRef, useState } from 'react';
import { readStored, removeStored, writeStored } from './storage';

/**
 * Form drafts: what a resident typed is kept in storage while they type, so a failed submit, a lost network
 * or a closed mini-program loses nothing. A form loads its draft on open, saves on change and clears it only
 * after the server accepted the submission.
 */

const key = (formKey: string) => `draft:${formKey}`;

/** A stored draft, or undefined. */
export function loadDraft<T>(formKey: string): T | undefined {
  return readStored<T>(key(formKey));
}

/** Stores a draft now. */
export function saveDraft<T>(formKey: string, value: T): void {
  writeStored(key(formKey), value);
}

/** Forgets a draft (after a successful submit). */
export function clearDraft(formKey: string): void {
  removeStored(key(formKey));
}

/**
 * Form state backed by a draft: starts from the stored draft (or `initial`), saves every change after
 * `delayMs` of quiet (and on unmount), and `clear()` resets to `initial` and forgets the draft.
 * `formKey` names the form and its subject, e.g. `feedback:question:<disclosureId>`.
 */
export function useDraft<T>(formKey: string, initial: T, delayMs = 400): [T, (next: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => loadDraft<T>(formKey) ?? initial);
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const initialRef = useRef(initial);
  initialRef.current = initial;

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    if (pending.current) saveDraft(formKey, pending.current.value);
    pending.current = null;
  }, [formKey]);

  useEffect(() => flush, [flush]);

  const update = useCallback(
    (next: T) => {
      setValue(next);
      pending.current = { value: next };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [delayMs, flush],
  );

  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    pending.current = null;
    clearDraft(formKey);
    setValue(initialRef.current);
  }, [formKey]);

  return [value, update, clear];
}
