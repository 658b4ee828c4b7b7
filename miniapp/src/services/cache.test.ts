import { configureApi } from '../config';
import { closedOrigin, sendJson, startServer, type TestServer } from '../../test/http-server';
import { resetApp } from '../../test/reset';
import { CACHE_BUCKETS, clearCache, formatSavedAt, loadWithCache, readCache, writeCache } from './cache';
import { useDraft, loadDraft, saveDraft, clearDraft } from './drafts';
import { ApiError, request } from './request';
import { act, renderHook } from '@testing-library/react';

describe('weak-network cache (real local HTTP server)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => sendJson(res, 200, { n: 1 }));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    resetApp();
    configureApi({ baseUrl: server.url, timeoutMs: 2000, getRetries: 1, retryDelayMs: 10 });
  });

  const get = () => request<{ n: number }>('/api/v1/thing');

  it('stores a fresh answer and serves it, marked offline, when the server is down', async () => {
    const fresh = await loadWithCache('details', 'thing', get);
    expect(fresh).toMatchObject({ data: { n: 1 }, offline: false });
    configureApi({ baseUrl: await closedOrigin() });
    const stale = await loadWithCache('details', 'thing', get);
    expect(stale).toEqual({ data: { n: 1 }, offline: true, savedAt: fresh.savedAt });
  });

  it('serves the stored copy on a 503 but never hides a 404 behind it', async () => {
    await loadWithCache('details', 'thing', get);
    server.handle((_req, res) => sendJson(res, 503, { error: { code: 'INTERNAL', message: '维护中' } }));
    expect((await loadWithCache('details', 'thing', get)).offline).toBe(true);
    server.handle((_req, res) => sendJson(res, 404, { error: { code: 'NOT_FOUND', message: '公开信息不存在' } }));
    await expect(loadWithCache('details', 'thing', get)).rejects.toMatchObject({ status: 404, message: '公开信息不存在' });
    server.handle((_req, res) => sendJson(res, 200, { n: 1 }));
  });

  it('rethrows when the server is down and nothing is stored', async () => {
    configureApi({ baseUrl: await closedOrigin() });
    const e = await loadWithCache('details', 'never-loaded', get).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('NETWORK');
  });

  it('keeps at most the bucket limit, dropping the oldest', () => {
    const limit = CACHE_BUCKETS.home;
    for (let i = 0; i <= limit; i++) writeCache('home', `k${i}`, i, 1000 + i);
    expect(readCache('home', 'k0')).toBeUndefined();
    expect(readCache('home', 'k1')).toEqual({ data: 1, savedAt: 1001 });
    expect(readCache('home', `k${limit}`)).toEqual({ data: limit, savedAt: 1000 + limit });
    clearCache('home');
    expect(readCache('home', `k${limit}`)).toBeUndefined();
  });

  it('formats the time as HH:mm today and with the date before today', () => {
    const now = new Date(2026, 10, 29, 18, 5).getTime();
    expect(formatSavedAt(new Date(2026, 10, 29, 9, 7).getTime(), now)).toBe('09:07');
    expect(formatSavedAt(new Date(2026, 10, 28, 21, 30).getTime(), now)).toBe('11月28日 21:30');
  });
});

describe('form drafts', () => {
  beforeEach(resetApp);

  it('load/save/clear by form key', () => {
    saveDraft('feedback:question:d1', { content: '补偿款什么时候发？' });
    expect(loadDraft('feedback:question:d1')).toEqual({ content: '补偿款什么时候发？' });
    clearDraft('feedback:question:d1');
    expect(loadDraft('feedback:question:d1')).toBeUndefined();
  });

  it('useDraft restores what was typed after the form is closed and reopened, and clear() forgets it', () => {
    jest.useFakeTimers();
    try {
      const first = renderHook(() => useDraft('feedback:question:d2', { content: '' }));
      act(() => first.result.current[1]({ content: '公示期多长？' }));
      first.unmount(); // closed before the save delay: flushed on unmount
      const again = renderHook(() => useDraft('feedback:question:d2', { content: '' }));
      expect(again.result.current[0]).toEqual({ content: '公示期多长？' });
      act(() => again.result.current[2]());
      expect(again.result.current[0]).toEqual({ content: '' });
      expect(loadDraft('feedback:question:d2')).toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });
});
