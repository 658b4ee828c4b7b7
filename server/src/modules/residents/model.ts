import mongoose from '../../db/mongoose';

const residentSchema = new mongoose.Schema(
  {
    openid: { type: String, required: true, unique: true },
    unionid: { type: String },
    /**
     * WeChat session_key: kept server-side only, never serialized (hidden in toJSON). Not `select: false`:
     * mongoose would then send a projection with findAndModify, which FerretDB 1.x rejects.
     */
    sessionKey: { type: String },
    /** Saved villages (老家, 现居地 …), at most 5, first is the default. */
    villages: { type: [String], default: [] },
    lastLoginAt: { type: Date },
  },
  { timestamps: true, toJSON: { hidden: ['sessionKey', 'openid', 'unionid', 'updatedAt'] } as never },
);

export const ResidentModel = mongoose.model('Resident', residentSchema);
