import fs from 'fs';
import os from 'os';
import path from 'path';
import mongoose from './mongoose';
import { provideDatabase, withDatabaseName } from './provider';
import { findRepoRoot } from '../paths';
import { toAppError } from '../http/error-middleware';
import { useTestDatabase } from '../../../test/support/db';

const Thing = mongoose.model(
  'DbTestThing',
  new mongoose.Schema({ slug: { type: String, required: true, unique: true }, title: String, tags: [String], at: Date }),
);

describe('the database', () => {
  useTestDatabase();

  it('round-trips a document through mongoose, with id instead of _id in JSON', async () => {
    const at = new Date('2026-10-01T08:00:00+08:00');
    const created = await Thing.create({ slug: 'gz', title: '古庄村征地补偿公告', tags: ['征地', '补偿'], at });
    const found = await Thing.findById(created._id).lean();
    expect(found?.title).toBe('古庄村征地补偿公告');
    expect(found?.tags).toEqual(['征地', '补偿']);
    expect(found?.at?.toISOString()).toBe(at.toISOString());
    const json = created.toJSON() as unknown as Record<string, unknown>;
    expect(json.id).toBe(String(created._id));
    expect(json).not.toHaveProperty('_id');
    expect(json).not.toHaveProperty('__v');
  });

  it('enforces a unique index, and the duplicate key becomes our CONFLICT error', async () => {
    await Thing.create({ slug: 'dup', title: 'a' });
    const err = await Thing.create({ slug: 'dup', title: 'b' }).catch((e: unknown) => e);
    const app = toAppError(err);
    expect(app?.status).toBe(409);
    expect(app?.code).toBe('CONFLICT');
    expect(await Thing.countDocuments({ slug: 'dup' })).toBe(1);
  });
});

describe('single-document writes', () => {
  useTestDatabase();

  it('are atomic under concurrency: no lost $inc, and a guarded update claims each document once', async () => {
    const coll = mongoose.connection.collection<{ _id: string; n?: number; state?: string; by?: number }>('atomic');
    await coll.insertOne({ _id: 'counter', n: 0 });
    await Promise.all(Array.from({ length: 40 }, () => coll.updateOne({ _id: 'counter' }, { $inc: { n: 1 } })));
    const seen = await Promise.all(Array.from({ length: 40 }, () => coll.findOneAndUpdate({ _id: 'counter' }, { $inc: { n: 1 } }, { returnDocument: 'after' })));
    expect((await coll.findOne({ _id: 'counter' }))?.n).toBe(80);
    expect(new Set(seen.map((d) => d?.n)).size).toBe(40);

    await coll.insertMany(Array.from({ length: 60 }, (_, i) => ({ _id: `job${i}`, state: 'pending' })));
    const claims = await Promise.all(Array.from({ length: 10 }, (_, w) => coll.updateMany({ state: 'pending' }, { $set: { state: 'running', by: w } })));
    expect(claims.reduce((sum, r) => sum + r.modifiedCount, 0)).toBe(60);
  });
});

describe('the embedded database process', () => {
  it('keeps data written before a restart of the database process', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-restart-'));
    const conn = async (uri: string) => mongoose.createConnection(withDatabaseName(uri, 'restart'), { serverSelectionTimeoutMS: 10_000 }).asPromise();
    try {
      const first = await provideDatabase({ repoRoot: findRepoRoot(), dataDir });
      expect(first.kind).not.toBe('external');
      const c1 = await conn(first.uri);
      await c1.collection('notes').insertOne({ text: '重启前写入', n: 42 });
      await c1.close();
      await first.stop();

      const second = await provideDatabase({ repoRoot: findRepoRoot(), dataDir });
      const c2 = await conn(second.uri);
      const doc = await c2.collection('notes').findOne({ n: 42 });
      await c2.close();
      await second.stop();
      expect(doc?.text).toBe('重启前写入');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
