import type { Config } from '../config';
import { WechatClient } from './client';
import { WechatEmulator } from './emulator';

export { WechatClient } from './client';
export type { SendResult, SubscribeMessage, WechatSession, WechatClientOptions } from './client';
export { RETRYABLE_REASONS, type FailureReason, type WechatFailure } from './errors';
export { answerNoticeData, disclosureNoticeData, fitTemplateData, wechatTime, type TemplateData } from './format';
export { WechatEmulator, type EmulatorOptions, type FaultOptions, type AcceptedMessage } from './emulator';

/** Data keys of the two templates (fixed by the contract, so a real template can be registered to match). */
export const TEMPLATE_KEYS = {
  disclosure: ['thing1', 'thing2', 'time3', 'thing4'],
  answer: ['character_string1', 'thing2', 'time3'],
} as const;

/** The WeChat client of a config, or undefined when no appid/secret is configured. */
export function wechatClientOf(config: Readonly<Config>, extra: { timeoutMs?: number } = {}): WechatClient | undefined {
  const w = config.wechat;
  if (!w.appid || !w.secret) return undefined;
  return new WechatClient({ apiBase: w.apiBase, appid: w.appid, secret: w.secret, miniprogramState: w.miniprogramState, timeoutMs: extra.timeoutMs });
}

/** Template ids the demo emulator registers when WECHAT_TEMPLATE_* are unset. */
export const DEMO_TEMPLATES = { disclosure: 'DEMO_TPL_DISCLOSURE', answer: 'DEMO_TPL_ANSWER' } as const;

/**
 * Demo mode (`npm start` without WECHAT_APPID): starts the emulator on loopback and returns the config
 * pointed at it. Any openid is a known user and one-time templates need no grant there, because the H5
 * build signs in with the development login and cannot call wx.requestSubscribeMessage; Gongkai's own
 * quota accounting (POST /me/subscribe-consent) still applies.
 */
export async function startDemoWechat(config: Readonly<Config>, log: (line: string) => void): Promise<{ config: Readonly<Config>; emulator: WechatEmulator }> {
  const disclosure = config.wechat.templateDisclosure ?? DEMO_TEMPLATES.disclosure;
  const answer = config.wechat.templateAnswer ?? DEMO_TEMPLATES.answer;
  const longTerm = new Set(config.wechat.longTermTemplates);
  const appid = 'wxdemo0000000000';
  const secret = 'demo-secret';
  const emulator = new WechatEmulator({
    appid,
    secret,
    anyOpenid: true,
    unlimitedQuota: true,
    templates: {
      [disclosure]: { keys: TEMPLATE_KEYS.disclosure, longTerm: longTerm.has(disclosure) },
      [answer]: { keys: TEMPLATE_KEYS.answer, longTerm: longTerm.has(answer) },
    },
    log,
  });
  const url = await emulator.start();
  const next: Config = { ...config, wechat: { ...config.wechat, apiBase: url, appid, secret, templateDisclosure: disclosure, templateAnswer: answer } };
  return { config: Object.freeze(next), emulator };
}
