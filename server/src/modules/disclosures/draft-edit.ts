import type { DisclosureContent } from '@gongkai/shared';
import type { AdminCaller } from '../../http/auth';
import { conflict } from '../../http/errors';
import { audit } from '../audit/service';
import { EDITORS, actorOf, assertRole, findDraft, loadForCaller, withAuthor } from './access';
import { assertContentSize } from './content';
import { withLock } from './lock';
import { clean, drafts, type DisclosureRecord, type DraftRecord } from './model';
import { saveRecord } from './publish';

/*
 * Edits of a working copy that do not come as a PATCH body: adding or removing an attachment, appending
 * an imported table. Same rules as the workflow's edits — editors and admins in scope, under the
 * disclosure's lock, the editor becomes an author of the copy (so they cannot approve it), an audit entry —
 * and only on a copy in the `draft` state: a pending or scheduled copy must be returned first, and a
 * published disclosure needs a next-version draft first (PATCH).
 */

/** Throws unless `caller` may edit the working copy of `rec` now (see the module comment). */
export function assertEditableDraft(rec: DisclosureRecord, draft: DraftRecord | undefined, what: string): asserts draft is DraftRecord {
  if (rec.status === 'withdrawn') throw conflict('已撤回的公开信息不能再修改');
  if (!draft) throw conflict(`没有可修改的草稿：已发布的信息请先修改（生成新版本草稿）后再${what}`);
  if (draft.state !== 'draft') throw conflict(`只有草稿可以${what}：待审核或待发布的内容请先退回`);
}

/**
 * Checks role, scope and state before a request body is read (an upload is refused before it is received);
 * the edit itself checks again under the lock.
 */
export async function precheckDraftEdit(caller: AdminCaller, id: string, what: string): Promise<void> {
  assertRole(caller, EDITORS, `只有编辑或管理员可以${what}`);
  const rec = await loadForCaller(caller, id);
  assertEditableDraft(rec, await findDraft(rec._id), what);
}

/**
 * Applies `edit` to the content of the draft working copy of disclosure `id` and stores it. `edit` returns
 * the new content and a result handed back to the caller; it may throw to refuse the change.
 */
export async function editDraftContent<T>(
  caller: AdminCaller,
  id: string,
  what: string,
  edit: (content: DisclosureContent) => { content: DisclosureContent; result: T; audit: { action: string; details: Record<string, unknown> } },
): Promise<T> {
  assertRole(caller, EDITORS, `只有编辑或管理员可以${what}`);
  return withLock(id, async () => {
    const rec = await loadForCaller(caller, id);
    const draft = await findDraft(rec._id);
    assertEditableDraft(rec, draft, what);
    const { content, result, audit: entry } = edit(draft.content);
    assertContentSize(content);
    const now = new Date();
    const authors = withAuthor(draft.authors, actorOf(caller));
    await drafts().replaceOne({ _id: rec._id }, clean({ ...draft, content, authors, updatedAt: now }));
    if (rec.working) await saveRecord({ ...rec, working: { ...rec.working, authors, updatedAt: now }, updatedAt: now });
    await audit(caller, entry.action, { type: 'disclosure', id, regionCode: rec.regionCode }, { version: draft.version, ...entry.details });
    return result;
  });
}
