/**
 * Every piece of Chinese UI text of the admin console, in one place.
 * Server error messages are shown as the server sent them; these are the console's own words.
 */
export const zh = {
  app: {
    title: '公开 · 基层政务公开管理后台',
    shortTitle: '公开',
  },
  request: {
    network: '网络连接失败，请检查网络后重试',
    timeout: '请求超时，请稍后重试',
    aborted: '请求已取消',
    badResponse: '服务器返回了无法识别的内容，请稍后重试',
    unknown: '请求失败，请稍后重试',
    sessionExpired: '登录已过期，请重新登录',
    fieldSeparator: '；',
  },
  login: {
    heading: '管理后台登录',
    subtitle: '县、乡、村三级政务公开工作人员使用',
    username: '用户名',
    password: '密码',
    usernamePlaceholder: '请输入用户名',
    passwordPlaceholder: '请输入密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    submit: '登录',
    success: '登录成功',
    remainingAttempts: (n: number) => `（还可尝试${n}次）`,
  },
  layout: {
    logout: '退出登录',
    loggedOut: '已退出登录',
  },
  home: {
    welcome: (name: string) => `欢迎，${name}`,
    intro: '工作台、标准目录、公开内容、群众留言等功能正在建设中。',
    notFound: '页面不存在',
    backHome: '返回首页',
  },
} as const;
