import mongoose from '../../db/mongoose';
import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { seedCatalogue } from '../catalogue/seed';
import {
  resetDisclosureIndex,
  saveDisclosureIndexSnapshot,
  setIndexCheckInterval,
  setSnapshotPolicy,
  warmDisclosureIndex,
} from './index-store';
import { changeLog, disclosures, meta, snapshots } from './model';
import { logChange } from './snapshot';
import { disclosureTestRegions, draftBody, officials, publishVia, R, type Officials } from './testing';

const A = '/api/v1/admin/disclosures';
const P = '/api/v1/disclosures';
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

describe('index snapshots and the change log (real database)', () => {
  useTestDatabase();
  const { http } = testApp({ regions: disclosureTestRegions() });
  let o: Officials;
  const made: string[] = [];

  beforeAll(async () => {
    await seedCatalogue();
    o = await officials(http);
    for (let i = 0; i < 3; i++) made.push(await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ title: `公示${i}` })));
  });

  afterAll(() => {
    setIndexCheckInterval(2_000);
    setSnapshotPolicy({ minEntries: 5_000, every: 1_000 });
  });

  it('restarts from a snapshot plus the writes logged after it, with the same answers', async () => {
    const before = (await http().get(`${P}?region=${R.village}`)).body;
    await saveDisclosureIndexSnapshot();
    const head = await snapshots().findOne({ _id: 'snapshot' });
    expect(head).toMatchObject({ format: 1, count: 3, chunks: 1 });
    expect(await changeLog().countDocuments()).toBe(0); // pruned up to the snapshot
    // One more publication after the snapshot: only the log knows it.
    made.push(await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ title: '快照之后' })));
    resetDisclosureIndex();
    const warm = await warmDisclosureIndex();
    expect(warm).toMatchObject({ fromSnapshot: true, disclosures: 4, published: 4 });
    const after = (await http().get(`${P}?region=${R.village}`)).body;
    expect(ids(after.items)).toEqual([made[3], ...ids(before.items)]);
    // Still equal to a rebuild from a full scan.
    await snapshots().deleteMany({});
    resetDisclosureIndex();
    expect((await warmDisclosureIndex()).fromSnapshot).toBe(false);
    expect((await http().get(`${P}?region=${R.village}`)).body).toEqual(after);
  });

  it('applies another process’s logged write by re-reading just that disclosure', async () => {
    setIndexCheckInterval(0);
    await http().get(A).set('Authorization', o.countyAdmin.auth).expect(200);
    const target = made[0];
    await disclosures().updateOne({ _id: new mongoose.Types.ObjectId(target) }, { $set: { 'pub.title': '另一进程改的标题' } });
    // An unlogged change elsewhere: an incremental catch-up does not see it (a full rebuild would).
    await disclosures().updateOne({ _id: new mongoose.Types.ObjectId(made[1]) }, { $set: { 'pub.title': '未记入日志' } });
    const bumped = await meta().findOneAndUpdate({ _id: 'index' }, { $inc: { gen: 1 } }, { returnDocument: 'after' });
    await logChange(bumped!.gen, [target]);
    await http().get(A).set('Authorization', o.countyAdmin.auth).expect(200); // waits for the check
    const list = await http().get(`${P}?region=${R.village}&pageSize=100`);
    expect(list.body.items.find((i: { id: string }) => i.id === target).title).toBe('另一进程改的标题');
    expect(list.body.items.find((i: { id: string }) => i.id === made[1]).title).toBe('公示1');
  });

  it('saves snapshots by itself once the index is large enough', async () => {
    setSnapshotPolicy({ minEntries: 1, every: 2 });
    await snapshots().deleteMany({});
    resetDisclosureIndex();
    await warmDisclosureIndex();
    await saveDisclosureIndexSnapshot(); // waits for the background save started by the load
    expect((await snapshots().findOne({ _id: 'snapshot' }))?.count).toBe(4);
  });
});
