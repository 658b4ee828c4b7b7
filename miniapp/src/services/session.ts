import Taro from '@tarojs/taro';
import { ResidentLoginResponseSchema, type ResidentLoginResponse } from '@gongkai/shared';
import { isWeapp } from '../config';
import { createStore, useStore } from '../stores/create-store';
import { ApiError, request, setAuthProvider, setTokenProvider } from './request';
import { readStored, removeStored, writeStored } from './storage';

/**
 * The resident's session. In the mini-program: `Taro.login` → code → `POST /api/v1/auth/wechat`. On H5 (the
 * demo site) there is no WeChat: `POST /api/v1/auth/dev` with an openid made once on this device and kept in
 * storage — only where the server allows it (GONGKAI_DEV_LOGIN=1); a 404 there means this site is read-only
 * (reading works, following and asking do not). The token lives in storage; the request layer sends it and
 * comes back here on a 401 to sign in again once.
 */

/** Where sign-in stands. `unavailable`: this server offers no sign-in for this platform (read-only). */
export type SessionStatus = 'unknown' | 'signed-in' | 'unavailable';

/** What pages see of the session. */
export interface SessionState {
  status: SessionStatus;
  residentId?: string;
}

interface StoredSession {
  token: string;
  expiresAt: string;
  residentId: string;
}

const SESSION_KEY = 'session';
const DEVICE_KEY = 'device-openid';
/** A token this close to its expiry is renewed before use. */
const EARLY_MS = 60_000;

function loadSession(): StoredSession | undefined {
  const s = readStored<StoredSession>(SESSION_KEY);
  return s && typeof s.token === 'string' && typeof s.expiresAt === 'string' ? s : undefined;
}

let current = loadSession();

/** The session for components (re-renders on sign-in). */
export const sessionStore = createStore<SessionState>(current ? { status: 'signed-in', residentId: current.residentId } : { status: 'unknown' });

/** Things to do after each successful sign-in (e.g. syncing the saved villages). */
const afterSignIn = new Set<() => void>();

/** Runs `fn` after every successful sign-in from now on; returns a function that stops it. */
export function onSignedIn(fn: () => void): () => void {
  afterSignIn.add(fn);
  return () => afterSignIn.delete(fn);
}

/** A random id for this device's demo openid (`h5-` + 24 hex). */
function newDeviceOpenid(): string {
  const bytes = new Uint8Array(12);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return `h5-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** This device's demo openid, made once and kept in storage. */
export function deviceOpenid(): string {
  let id = readStored<string>(DEVICE_KEY);
  if (typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id)) {
    id = newDeviceOpenid();
    writeStored(DEVICE_KEY, id);
  }
  return id;
}

async function login(): Promise<ResidentLoginResponse | null> {
  if (isWeapp()) {
    const { code } = await Taro.login();
    return request('/api/v1/auth/wechat', { method: 'POST', body: { code }, token: null, schema: ResidentLoginResponseSchema });
  }
  try {
    return await request('/api/v1/auth/dev', { method: 'POST', body: { openid: deviceOpenid() }, token: null, schema: ResidentLoginResponseSchema });
  } catch (e) {
    // The server has no demo sign-in (production, or GONGKAI_DEV_LOGIN unset): this site is read-only.
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

let inflight: Promise<string | null> | null = null;

/**
 * Signs in now (one sign-in at a time: concurrent callers share it). Resolves with the token, or null when
 * this server offers no sign-in here; rejects with an ApiError when the server could not be reached.
 */
export function signIn(): Promise<string | null> {
  inflight ??= (async () => {
    try {
      const r = await login();
      if (!r) {
        current = undefined;
        removeStored(SESSION_KEY);
        sessionStore.set({ status: 'unavailable' });
        return null;
      }
      current = { token: r.token, expiresAt: r.expiresAt, residentId: r.resident.id };
      writeStored(SESSION_KEY, current);
      sessionStore.set({ status: 'signed-in', residentId: r.resident.id });
      for (const fn of [...afterSignIn]) fn();
      return r.token;
    } finally {
      inflight = null;
    }
  })();
  return inflight;
}

/** The stored token if it is still good for a while, else a fresh sign-in's. */
export async function ensureToken(now = Date.now()): Promise<string | null> {
  if (current && Date.parse(current.expiresAt) - EARLY_MS > now) return current.token;
  if (sessionStore.get().status === 'unavailable') return null;
  return signIn();
}

/** A token got a 401: sign in again, unless another call already replaced that token. */
export async function renewToken(rejected: string): Promise<string | null> {
  if (current && current.token !== rejected) return current.token;
  current = undefined;
  removeStored(SESSION_KEY);
  return signIn();
}

/** The token currently stored (no sign-in), for calls that only send one when there is one. */
export function storedToken(): string | null {
  return current?.token ?? null;
}

/** Plugs the session into the request layer (app start; tests). */
export function installSession(): void {
  setTokenProvider(storedToken);
  setAuthProvider({ token: () => ensureToken(), renew: renewToken });
}

/** Forgets the session and re-reads storage (tests; a first open). */
export function resetSession(): void {
  current = loadSession();
  inflight = null;
  sessionStore.set(current ? { status: 'signed-in', residentId: current.residentId } : { status: 'unknown' });
}

/** The session in a component. */
export function useSession(): SessionState {
  return useStore(sessionStore);
}
