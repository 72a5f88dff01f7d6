// Chinese strings of the account page (password, language, email choices, sessions).

import type { accountEn } from "../account";

export const accountZh: typeof accountEn = {
  account: {
    nav: "账户",
    title: "您的账户",
    intro: "已以{name}（{email}）的身份登录。",
    password: {
      title: "密码",
      current: "当前密码",
      new: "新密码",
      newAgain: "再次输入新密码",
      hint: "至少12个字符；最好使用您自己编写的短语。常见密码和已泄露的密码将被拒绝。更改密码后，您账户的所有其他会话都将退出登录。",
      submit: "更改密码",
      changed: "密码已更改。您账户的所有其他会话均已退出登录。",
      none: "您的账户没有密码：您通过所在组织的单点登录进行登录，因此此处没有可更改的密码。",
      errors: {
        wrongCurrent: "当前密码不正确。",
        mismatch: "两次输入的新密码不一致。请输入两次相同的密码。",
        throttled: "密码输错次数过多。请等待几分钟后重试。",
        noPassword: "您的账户没有可更改的密码：您通过单点登录进行登录。",
      },
      mail: {
        subject: "您的Accord密码已更改",
        text: "您的Accord账户密码已于{time}更改，该账户的所有其他会话均已退出登录。如果这不是您本人所为，请立即与秘书处联系。",
      },
    },
    twoFactor: {
      title: "两步登录",
      on: "已开启：登录时需要输入身份验证器应用生成的代码。",
      off: "已关闭：登录时只需输入密码。",
      manage: "管理两步登录",
    },
    language: {
      title: "语言",
      intro: "界面语言以及您所收电子邮件的语言。",
      submit: "保存语言",
    },
    emails: {
      title: "电子邮件通知",
      intro:
        "选择您希望收到的电子邮件。应用内的通知始终保留。安全类电子邮件（登录失败、密码更改、邀请、重置链接）始终发送。",
      legend: "在下列情况下向我发送电子邮件：",
      kinds: {
        round: {
          opened: "就某份文件开启核可轮次时",
          reminder: "核可轮次将在24小时内结束时",
          closed: "核可轮次结束时，附其结果",
        },
        comment: { mention: "有人在评论中提到我时" },
        membership: { request: "有人等待我确认其代表我国发言时（联络人）" },
      },
      submit: "保存电子邮件设置",
      saved: "电子邮件设置已保存。",
    },
    sessions: {
      title: "您的登录位置",
      intro: "您登录过的每个浏览器。将其中之一退出登录后，其打开的文件将在几秒钟内关闭。",
      device: "设备",
      method: "登录方式",
      signedIn: "登录时间",
      lastSeen: "最近活动",
      actions: "操作",
      thisSession: "本会话",
      unknownDevice: "未知设备",
      unknownBrowser: "某浏览器",
      deviceOn: "{os}上的{browser}",
      methods: {
        password: "密码",
        totp: "密码和身份验证器代码",
        recovery_code: "密码和恢复代码",
        oidc: "单点登录",
      },
      signOut: "退出登录",
      signOutOne: "将{device}上的会话退出登录（最近活动：{lastSeen}）",
      signedOut: "该会话已退出登录。",
      signOutOthers: "在所有其他位置退出登录",
      signedOutOthers: "所有其他会话均已退出登录。",
      noOthers: "您未在其他位置登录。",
    },
  },
};
