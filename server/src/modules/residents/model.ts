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

/**
 * openid → resident id. Sign-in looks residents up by openid; on FerretDB only `_id` look-ups use an index,
 * so the openid is the `_id` here (a look-up by the `openid` field would read every resident). Inserting
 * this document first also makes the first sign-in of an openid race-free (a duplicate `_id` loses).
 */
const openidSchema = new mongoose.Schema(
  { _id: { type: String }, residentId: { type: mongoose.Schema.Types.ObjectId, required: true } },
  { collection: 'resident_openids', versionKey: false },
);
export const ResidentOpenidModel = mongoose.model('ResidentOpenid', openidSchema);
