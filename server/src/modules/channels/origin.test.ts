import { disclosureH5Url } from '@gongkai/shared';
import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { seedCatalogue } from '../catalogue/seed';
import { disclosureTestRegions, draftBody, officials, publishVia, R } from '../disclosures/testing';

// Without GONGKAI_PUBLIC_URL, links, feed ids and the QR payload use the origin the request came to.
describe('channels without GONGKAI_PUBLIC_URL', () => {
  useTestDatabase();
  const { http } = testApp({ regions: disclosureTestRegions() });
  const HOST = 'gongkai.local:8080';
  let id = '';

  beforeAll(async () => {
    await seedCatalogue();
    const o = await officials(http);
    id = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ title: '景山街道停水通知' }));
  });

  it('links the feeds to the host the request came to (no Origin header needed)', async () => {
    const atom = await http().get(`/api/v1/feeds/${R.village}.atom`).set('Host', HOST);
    expect(atom.status).toBe(200);
    expect(atom.text).toContain(`<id>http://${HOST}/api/v1/feeds/${R.village}.atom</id>`);
    expect(atom.text).toContain(disclosureH5Url(`http://${HOST}`, id).replace(/&/g, '&amp;'));
    const json = await http().get(`/api/v1/feeds/${R.township}.json`).set('Host', HOST);
    expect(json.status).toBe(200);
    expect(JSON.parse(json.text).feed_url).toBe(`http://${HOST}/api/v1/feeds/${R.township}.json`);
  });

  it('puts the request host in the notice PDF’s QR code', async () => {
    const res = await http().get(`/api/v1/disclosures/${id}/notice.pdf`).set('Host', HOST);
    expect(res.status).toBe(200);
    expect(res.headers['x-qr-payload']).toBe(disclosureH5Url(`http://${HOST}`, id));
  });
});
