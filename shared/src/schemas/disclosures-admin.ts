import { z } from 'zod';
import { CATALOGUE_LEVELS, DISCLOSURE_STAGES } from './catalogue';
import { listOf } from './common';
import { DomainKeySchema } from './domains';
import { AttachmentRefSchema, BODY_FORMATS, DISCLOSURE_STATUSES, DisclosureTableSchema, WORKING_STATES } from './disclosures';

/*
 * What officials see of disclosures (admin endpoints): summaries with workflow and timeliness, and the full,
 * unmasked detail with the working copy, the published content and the version history.
 */

const ActorSchema = z.object({ id: z.string(), username: z.string() });

/** One disclosure in the officials' list. */
export const AdminDisclosureSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  domain: DomainKeySchema,
  catalogueItemId: z.string(),
  catalogueVersion: z.int(),
  regionCode: z.string(),
  regionName: z.string(),
  level: z.enum(CATALOGUE_LEVELS),
  status: z.enum(DISCLOSURE_STATUSES),
  /** The published version shown to residents (0 before the first publication). */
  version: z.int(),
  publishedAt: z.string().optional(),
  firstPublishedAt: z.string().optional(),
  working: z
    .object({ version: z.int(), state: z.enum(WORKING_STATES), title: z.string(), updatedAt: z.string(), publishAt: z.string().optional(), dueAt: z.string().optional() })
    .optional(),
  /** Due date of the first publication (from the catalogue time limit and the event date, in working days). */
  dueAt: z.string().optional(),
  /** First published after its due date. */
  late: z.boolean(),
  /** An unpublished working copy is past its due date. */
  overdue: z.boolean(),
  createdBy: ActorSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminDisclosureSummary = z.infer<typeof AdminDisclosureSummarySchema>;
export const AdminDisclosureListSchema = listOf(AdminDisclosureSummarySchema);

/** Content as authored (unmasked), as officials see it. */
export const DisclosureContentSchema = z.object({
  title: z.string(),
  body: z.string(),
  bodyFormat: z.enum(BODY_FORMATS),
  stage: z.enum(DISCLOSURE_STAGES),
  tables: z.array(DisclosureTableSchema),
  attachments: z.array(AttachmentRefSchema),
  eventDate: z.string().optional(),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  relatedIds: z.array(z.string()),
  publisher: z.string(),
  contact: z.string().optional(),
});
export type DisclosureContent = z.infer<typeof DisclosureContentSchema>;

/** A published version in the history. */
export const DisclosureVersionSummarySchema = z.object({
  version: z.int(),
  title: z.string(),
  publishedAt: z.string(),
  hash: z.string(),
  prevHash: z.string(),
  approvedBy: ActorSchema,
  authors: z.array(ActorSchema),
  dueAt: z.string().optional(),
  late: z.boolean(),
});

/** `GET /api/v1/admin/disclosures/:id`: everything, unmasked, for officials in scope. */
export const AdminDisclosureDetailSchema = AdminDisclosureSummarySchema.extend({
  /** The working copy (next version) with its review state. */
  workingCopy: DisclosureContentSchema.extend({
    version: z.int(),
    state: z.enum(WORKING_STATES),
    authors: z.array(ActorSchema),
    publishAt: z.string().optional(),
    dueAt: z.string().optional(),
    returned: z.object({ comment: z.string(), by: ActorSchema, at: z.string() }).optional(),
  }).optional(),
  /** The current published version's content as authored (what a diff compares the working copy with). */
  published: DisclosureContentSchema.extend({ version: z.int(), publishedAt: z.string(), hash: z.string() }).optional(),
  versions: z.array(DisclosureVersionSummarySchema),
  withdrawal: z.object({ reason: z.string(), at: z.string(), by: ActorSchema, version: z.int() }).optional(),
  linkedFrom: z.array(z.string()),
});
export type AdminDisclosureDetail = z.infer<typeof AdminDisclosureDetailSchema>;
