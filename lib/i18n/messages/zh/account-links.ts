// Chinese strings of invitations and password reset links (a person setting their own password).

import type { accountLinksEn } from "../account-links";

export const accountLinksZh: typeof accountLinksEn = {
  accountLink: {
    invitationTitle: "接受邀请",
    invitationIntro: "欢迎，{name}。请设定您以{email}登录时使用的密码。",
    resetTitle: "设定新密码",
    resetIntro: "{name}，请为{email}设定新密码。保存后，您账户的所有会话都将退出登录。",
    password: "新密码",
    repeat: "再次输入新密码",
    passwordHint: "至少{min}个字符，不限类型：由几个词组成的短语最容易记住。常见密码和已泄露的密码将被拒绝。",
    submitInvitation: "设定密码并登录",
    submitReset: "设定新密码并登录",
    pending: "正在保存……",
    mismatch: "两次输入的密码不一致。",
    orSso: "或者，如果贵部委使用单点登录：",
    unknown: "此链接无效。请向邀请您的人员或秘书处索取新链接。",
    used: "此链接已使用过。请用您设定的密码登录。",
    expired: "此链接已过期。请联系秘书处为您发送新链接。",
    alreadyAccepted: "此人已接受邀请。",
    signIn: "前往登录",
    invited: "已邀请，尚未接受",
    invitedUntil: "邀请已发出；链接有效期至{date}。",
    resend: "重新发送邀请",
    resendOne: "重新向{name}发送邀请",
    resent: "新的邀请链接已通过电子邮件发出。",
    reset: "发送密码重置链接",
    resetOne: "向{name}发送密码重置链接",
    resetSent: "密码重置链接已通过电子邮件发出。除链接持有人外，任何人都看不到该链接。",
    invitationSent: "邀请已发出：此人将通过邮件中的链接自行设定密码。",
    inviteMail: {
      subject: "您受邀使用Accord",
      where: "，以{partner}{role}的身份参加{dialogue}",
      text: "{name}：\n\n{inviter}邀请您加入Accord{where}。请通过此链接自行设定密码（仅可使用一次，有效期{hours}小时）：\n\n{url}\n\n如果您并未预期收到此邀请，请忽略本邮件。",
    },
    resetMail: {
      subject: "设定新的Accord密码",
      text: "{name}：\n\n秘书处向您发送了设定新密码的链接。该链接仅可使用一次，有效期{hours}小时：\n\n{url}\n\n如果您并未提出此请求，请告知秘书处；在该链接被使用之前，您的现有密码仍然有效。",
    },
  },
};
