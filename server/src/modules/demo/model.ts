import mongoose from '../../db/mongoose';

/*
 * `demo_meta { _id: 'seed' }`: the demo seed's marker, like `region_meta` and `catalogue_meta`. It is written
 * `running` before the first demo write and `done` after the last, and records what each step created (by id),
 * so an interrupted run resumes where it stopped and a finished one is skipped with one `_id` read.
 */

const demoMetaSchema = new mongoose.Schema(
  {
    _id: { type: String },
    state: { type: String, enum: ['running', 'done'], required: true },
    /** Bump-able format of the demo content (a new format is not re-seeded over old content). */
    format: { type: String, required: true },
    startedAt: { type: Date, required: true },
    doneAt: { type: Date },
    /** Disclosure id per demo content key (written as each one is created). */
    ids: { type: mongoose.Schema.Types.Mixed, default: {} },
    /** The public question's feedback id. */
    feedbackId: { type: String },
  },
  { collection: 'demo_meta', versionKey: false, minimize: false },
);

export const DemoMetaModel = mongoose.model('DemoMeta', demoMetaSchema);
export const DEMO_META_ID = 'seed';
