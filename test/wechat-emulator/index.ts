/**
 * The WeChat API emulator for tests and benchmarks. Its core lives in server/src/wechat/emulator.ts so that
 * `npm start` can run it in demo mode from the server bundle; this module re-exports it and adds helpers.
 */
import { WechatEmulator, type EmulatorOptions } from '../../server/src/wechat/emulator';
import { TEMPLATE_KEYS } from '../../server/src/wechat';

export { WechatEmulator, type EmulatorOptions, type AcceptedMessage, type FaultOptions } from '../../server/src/wechat/emulator';

/** Template ids and credentials the tests use. */
export const TEST_WECHAT = {
  appid: 'wxtest0000000001',
  secret: 'test-secret',
  disclosureTemplate: 'TPL_DISCLOSURE_TEST',
  answerTemplate: 'TPL_ANSWER_TEST',
  longTermTemplate: 'TPL_LONG_TERM_TEST',
} as const;

/**
 * Starts an emulator on loopback with the test templates (the long-term one shares the disclosure keys).
 * Returns it with the environment that points Gongkai at it.
 */
export async function startTestEmulator(opts: Partial<EmulatorOptions> = {}, longTermDisclosure = false) {
  const emulator = new WechatEmulator({
    appid: TEST_WECHAT.appid,
    secret: TEST_WECHAT.secret,
    templates: {
      [TEST_WECHAT.disclosureTemplate]: { keys: TEMPLATE_KEYS.disclosure },
      [TEST_WECHAT.answerTemplate]: { keys: TEMPLATE_KEYS.answer },
      [TEST_WECHAT.longTermTemplate]: { keys: TEMPLATE_KEYS.disclosure, longTerm: true },
    },
    ...opts,
  });
  const url = await emulator.start();
  const env: NodeJS.ProcessEnv = {
    WECHAT_API_BASE: url,
    WECHAT_APPID: TEST_WECHAT.appid,
    WECHAT_SECRET: TEST_WECHAT.secret,
    WECHAT_TEMPLATE_DISCLOSURE: longTermDisclosure ? TEST_WECHAT.longTermTemplate : TEST_WECHAT.disclosureTemplate,
    WECHAT_TEMPLATE_ANSWER: TEST_WECHAT.answerTemplate,
    WECHAT_TEMPLATES_LONG_TERM: TEST_WECHAT.longTermTemplate,
  };
  return { emulator, url, env };
}
