import mongoose from '../../db/mongoose';
import { ADMIN_ROLES } from '@gongkai/shared';

const userSchema = new mongoose.Schema(
  {
    username: { type: String, required: true, unique: true },
    /** Lower-cased username for case-insensitive login and uniqueness. */
    usernameKey: { type: String, required: true, unique: true },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: ADMIN_ROLES, required: true },
    regionCode: { type: String, required: true, index: true },
    /** The region and its ancestors: `{ scopeCodes: code }` finds everything in a subtree. */
    scopeCodes: { type: [String], index: true },
    displayName: { type: String, required: true },
    disabled: { type: Boolean, default: false },
    failedLogins: { type: Number, default: 0 },
    lockedUntil: { type: Date },
    lastLoginAt: { type: Date },
    createdBy: { type: mongoose.Schema.Types.ObjectId },
  },
  { timestamps: true, toJSON: { hidden: ['passwordHash', 'usernameKey', 'scopeCodes', 'failedLogins', 'lockedUntil', 'updatedAt', 'createdBy'] } as never },
);

export const AdminUserModel = mongoose.model('AdminUser', userSchema);
export type AdminUserDoc = mongoose.InferSchemaType<typeof userSchema> & { _id: mongoose.Types.ObjectId };
