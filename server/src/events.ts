import type { JobQueue } from './jobs/queue';

/**
 * Something residents may be told about: a disclosure was published, got a new published version, or was
 * withdrawn. The disclosures module emits it; the notices module fans it out to followers.
 */
export interface DisclosureEvent {
  kind: 'published' | 'updated' | 'withdrawn';
  disclosureId: string;
  /** The published version this event is about (the withdrawn version for `withdrawn`). */
  version: number;
  regionCode: string;
  domain: string;
  catalogueItemId: string;
  title: string;
  /** ISO time of the publication/withdrawal. */
  at: string;
}

/** Queue of disclosure events (durable: an event survives a crash between publish and fan-out). */
export const DISCLOSURE_EVENT_QUEUE = 'disclosure.event';

/** Enqueues a disclosure event exactly once per disclosure × version × kind. */
export async function emitDisclosureEvent(jobs: JobQueue, ev: DisclosureEvent): Promise<void> {
  await jobs.enqueue(DISCLOSURE_EVENT_QUEUE, { ...ev }, { key: `${DISCLOSURE_EVENT_QUEUE}:${ev.disclosureId}:${ev.version}:${ev.kind}` });
}
