import type { PublicVersion } from './chain';

/*
 * In-process hooks on what residents can see, for modules that keep their own view of published content
 * (the full-text search index). They run after the change is stored, in this process only; the durable
 * `disclosure.event` job (events.ts) remains the reliable cross-process signal, and a hook's consumer should
 * be able to rebuild from `disclosure_versions` on start. A failing hook never undoes a publication.
 */

/** A change of a disclosure's public content. */
export interface PublicChange {
  kind: 'published' | 'updated' | 'withdrawn';
  disclosureId: string;
  /** The version now shown (`published`/`updated`) or the one taken down (`withdrawn`). */
  version: number;
  regionCode: string;
  /** The masked public content of the new version; absent for `withdrawn`. */
  public?: PublicVersion;
}

type Listener = (change: PublicChange) => void | Promise<void>;
const listeners = new Set<Listener>();
let onError: (err: unknown, change: PublicChange) => void = () => undefined;

/** Subscribes to public changes; returns the unsubscribe function. */
export function onPublicChange(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Where hook failures go (main.ts can route them to the logger). */
export function setPublicChangeErrorHandler(fn: (err: unknown, change: PublicChange) => void): void {
  onError = fn;
}

/** Calls every listener in turn; failures are reported, never thrown. */
export async function notifyPublicChange(change: PublicChange): Promise<void> {
  for (const fn of listeners) {
    try {
      await fn(change);
    } catch (err) {
      onError(err, change);
    }
  }
}
