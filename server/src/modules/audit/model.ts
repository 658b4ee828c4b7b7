import mongoose from '../../db/mongoose';

const auditSchema = new mongoose.Schema(
  {
    at: { type: Date, required: true, default: () => new Date(), index: true },
    actor: {
      id: { type: String, required: true },
      username: { type: String, required: true },
      role: { type: String, required: true },
    },
    action: { type: String, required: true, index: true },
    objectType: { type: String, required: true },
    objectId: { type: String, index: true },
    regionCode: { type: String },
    /** The object's region and its ancestors (for scoped queries); the actor's region when none. */
    scopeCodes: { type: [String], index: true },
    ip: { type: String },
    userAgent: { type: String },
    details: { type: mongoose.Schema.Types.Mixed },
  },
  { versionKey: false, toJSON: { hidden: ['scopeCodes'] } as never },
);

// The audit log is append-only: no code path may edit or delete an entry.
const refuse = function () {
  throw new Error('audit log entries cannot be modified or deleted');
};
for (const op of ['updateOne', 'updateMany', 'findOneAndUpdate', 'findOneAndReplace', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndDelete'] as const) {
  auditSchema.pre(op, refuse);
}
auditSchema.pre('save', function () {
  if (!this.isNew) throw new Error('audit log entries cannot be modified');
});

export const AuditEntryModel = mongoose.model('AuditEntry', auditSchema);
