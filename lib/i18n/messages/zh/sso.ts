// Chinese strings of single sign-on (a ministry's OpenID Connect provider) on the sign-in page.

import type { ssoEn } from "../sso";

export const ssoZh: typeof ssoEn = {
  sso: {
    button: "通过{name}登录",
    pending: "正在打开{name}……",
    or: "或使用您的电子邮件和密码",
    error: {
      unverified: "单点登录被拒：贵部委的登录系统未确认您的电子邮件地址。请咨询贵部委的信息技术部门，或使用密码登录。",
      unknown: "单点登录被拒：没有使用此电子邮件地址的Accord账户或邀请。请联系秘书处或贵代表团的联络人向您发出邀请。",
      deactivated: "单点登录被拒：此账户已停用。请咨询秘书处。",
      linkedElsewhere: "单点登录被拒：此账户已与贵部委登录系统中的另一身份关联。请咨询秘书处。",
      failed: "单点登录未完成。请重试，或使用密码登录。",
    },
  },
};
