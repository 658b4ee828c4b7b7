import { DOMAIN_KEYS } from '@gongkai/shared';
import mongoose from './db/mongoose';
import { useTestDatabase } from '../../test/support/db';
import { testApp } from '../../test/support/app';

describe('the HTTP app', () => {
  const db = useTestDatabase();
  const { http } = testApp();

  describe('GET /healthz', () => {
    it('reports ok when the database answers', async () => {
      const res = await http().get('/healthz');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', db: 'ok' });
    });

    it('answers 503 with db down when the database is unreachable', async () => {
      await mongoose.disconnect();
      try {
        const res = await http().get('/healthz');
        expect(res.status).toBe(503);
        expect(res.body.db).toBe('down');
      } finally {
        await mongoose.connect(db.uri());
      }
    });
  });

  it('GET /api/v1/domains lists the 8 pilot domains with Chinese names', async () => {
    const res = await http().get('/api/v1/domains');
    expect(res.status).toBe(200);
    expect(res.body.items.map((d: { key: string }) => d.key)).toEqual([...DOMAIN_KEYS]);
    expect(res.body.items[0]).toMatchObject({ key: 'land-acquisition', name: '征地补偿' });
  });

  it('answers unknown API routes with a JSON 404 in the contract shape', async () => {
    const res = await http().get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('answers a wrong method with 405 in the contract shape', async () => {
    const res = await http().delete('/api/v1/domains');
    expect(res.status).toBe(405);
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('refuses a body over the limit with 413 and malformed JSON with 400', async () => {
    const big = await http().post('/api/v1/domains').set('Content-Type', 'application/json').send(JSON.stringify({ x: 'a'.repeat(2 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const bad = await http().post('/api/v1/domains').set('Content-Type', 'application/json').send('{"x":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers the browser favicon request without an error', async () => {
    expect((await http().get('/favicon.ico')).status).toBe(204);
  });

  it('sends security headers and a request id', async () => {
    const res = await http().get('/api/v1/domains');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
  });

  it('allows CORS from a configured origin and not from others', async () => {
    const { http: h } = testApp({ env: { GONGKAI_CORS_ORIGINS: 'https://gk.example.gov.cn', NODE_ENV: 'production' } });
    const ok = await h().get('/api/v1/domains').set('Origin', 'https://gk.example.gov.cn');
    expect(ok.headers['access-control-allow-origin']).toBe('https://gk.example.gov.cn');
    const no = await h().get('/api/v1/domains').set('Origin', 'https://evil.example.com');
    expect(no.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves an OpenAPI 3.1 document generated from the shared schemas', async () => {
    const res = await http().get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const op = res.body.paths['/api/v1/domains'].get;
    expect(op.responses['200'].content['application/json'].schema.properties.items.items.properties.key.enum).toContain('poverty-relief');
    expect(res.body.paths['/healthz'].get).toBeDefined();
  });
});
