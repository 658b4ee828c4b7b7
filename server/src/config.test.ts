import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the contract defaults (port 3000 on 127.0.0.1, WeChat production API)', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.wechat.apiBase).toBe('https://api.weixin.qq.com');
    expect(c.wechat.miniprogramState).toBe('formal');
    expect(c.tokenTtlMs).toBe(8 * 3600_000);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('stops with a message naming every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('MONGODB_URI');
      expect(msg).toContain('LOG_LEVEL');
    }
  });

  it('never enables the development login in production', () => {
    expect(loadConfig({ GONGKAI_DEV_LOGIN: '1' }).devLogin).toBe(true);
    expect(loadConfig({ GONGKAI_DEV_LOGIN: '1', NODE_ENV: 'production' }).devLogin).toBe(false);
  });

  it('splits list variables', () => {
    const c = loadConfig({ WECHAT_TEMPLATES_LONG_TERM: 'a, b,,c', GONGKAI_CORS_ORIGINS: 'https://x.gov.cn' });
    expect(c.wechat.longTermTemplates).toEqual(['a', 'b', 'c']);
    expect(c.corsOrigins).toEqual(['https://x.gov.cn']);
  });
});
