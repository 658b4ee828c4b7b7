import mongoose from '../db/mongoose';

/** Job states. `running` jobs whose lease has expired are taken again (their worker died). */
export const JOB_STATES = ['pending', 'running', 'done', 'failed'] as const;

const jobSchema = new mongoose.Schema(
  {
    queue: { type: String, required: true },
    /** Idempotency key: enqueuing the same key twice makes one job. */
    key: { type: String, required: true, unique: true },
    payload: { type: mongoose.Schema.Types.Mixed, default: {} },
    state: { type: String, enum: JOB_STATES, required: true, default: 'pending' },
    runAt: { type: Date, required: true },
    attempts: { type: Number, default: 0 },
    maxAttempts: { type: Number, default: 8 },
    /** Claim token of the worker batch holding the job. */
    claim: { type: String, default: '' },
    leaseUntil: { type: Date },
    lastError: { type: String },
    doneAt: { type: Date },
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);
jobSchema.index({ state: 1, queue: 1, runAt: 1 });
jobSchema.index({ claim: 1 });

export const JobModel = mongoose.model('Job', jobSchema);
