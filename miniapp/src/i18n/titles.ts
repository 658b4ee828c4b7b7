/**
 * Navigation-bar and tab titles (Chinese UI). Kept apart from zh.ts with no imports, because the build
 * evaluates app.config.ts and the page configs in Node before bundling.
 */
export const titles = {
  app: '公开',
  home: '我的村',
  notices: '消息',
  mine: '我的',
  picker: '选择我的村',
  disclosure: '公开信息',
  list: '公开信息列表',
  search: '搜索公开信息',
  feedbackForm: '我要提问',
  myFeedback: '我的留言',
  feedbackDetail: '留言详情',
  follows: '我的关注',
} as const;
