/**
 * Navigation-bar and tab titles (Chinese UI). Kept apart from zh.ts with no imports, because the build
 * evaluates app.config.ts and the page configs in Node before bundling.
 */
export const titles = {
  app: '公开',
  home: '我的村',
  mine: '我的',
  picker: '选择我的村',
} as const;
