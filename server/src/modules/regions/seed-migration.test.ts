import mongoose from '../../db/mongoose';
import { useTestDatabase } from '../../../../test/support/db';
import { loadRegionRows } from './data';
import { regionCollection } from './model';
import { seedRegions } from './seed';

describe('the region seed over data of an older seed format', () => {
  useTestDatabase();

  it('replaces regions stored under ObjectId ids instead of failing on the unique code index', async () => {
    const rows = loadRegionRows().filter((r) => r.code.startsWith('330304') && r.code.length <= 9);
    // An older format stored each region under a generated ObjectId with the code as a unique field.
    const coll = mongoose.connection.collection('regions');
    await coll.insertMany(rows.slice(0, 5).map((r) => ({ _id: new mongoose.Types.ObjectId(), code: r.code, name: r.name, level: r.level })) as never);

    const result = await seedRegions({ rows });
    expect(result.deleted).toBe(5);
    expect(result.inserted).toBe(rows.length);
    const stored = await regionCollection().findOne({ _id: rows[0].code });
    expect(stored).toMatchObject({ code: rows[0].code, name: rows[0].name });
    expect(await regionCollection().countDocuments({})).toBe(rows.length);
  });
});
