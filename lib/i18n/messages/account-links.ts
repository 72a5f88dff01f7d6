// Strings of invitations and password reset links (a person setting their own password), in
// both languages; spread into en.ts and fr.ts.
export const accountLinksEn = {
  accountLink: {
    invitationTitle: "Accept your invitation",
    invitationIntro: "Welcome, {name}. Choose the password you will sign in with as {email}.",
    resetTitle: "Choose a new password",
    resetIntro:
      "{name}, choose a new password for {email}. Every session of your account is signed out when you save it.",
    password: "New password",
    repeat: "Repeat the new password",
    passwordHint:
      "At least {min} characters, of any kind: a phrase of several words is easiest to remember. Common and breached passwords are refused.",
    submitInvitation: "Set my password and sign in",
    submitReset: "Set my new password and sign in",
    pending: "Saving…",
    mismatch: "The two passwords differ.",
    orSso: "Or, if your ministry uses it:",
    unknown: "This link is not valid. Ask whoever invited you, or the secretariat, for a new one.",
    used: "This link has already been used. Sign in with the password you chose.",
    expired: "This link has expired. Ask the secretariat to send you a new one.",
    alreadyAccepted: "This person has already accepted their invitation.",
    signIn: "Go to sign in",
    invited: "Invited, not yet accepted",
    invitedUntil: "Invitation sent; the link works until {date}.",
    resend: "Resend invitation",
    resendOne: "Resend the invitation to {name}",
    resent: "A new invitation link was sent by email.",
    reset: "Send a password reset link",
    resetOne: "Send {name} a password reset link",
    resetSent: "A password reset link was sent by email. Nobody but its owner sees it.",
    invitationSent: "Invitation sent: the person sets their own password through the link in the email.",
    inviteMail: {
      subject: "You are invited to Accord",
      where: " to the {dialogue} as {role} for {partner}",
      text: "{name},\n\n{inviter} invited you{where}. Choose your own password with this link (it works once, for {hours} hours):\n\n{url}\n\nIf you did not expect this invitation, ignore this email.",
    },
    resetMail: {
      subject: "Choose a new Accord password",
      text: "{name},\n\nThe secretariat sent you a link to choose a new password. It works once, for {hours} hours:\n\n{url}\n\nIf you did not ask for this, tell the secretariat; your current password keeps working until the link is used.",
    },
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const accountLinksFr: Widen<typeof accountLinksEn> = {
  accountLink: {
    invitationTitle: "Accepter votre invitation",
    invitationIntro:
      "Bienvenue, {name}. Choisissez le mot de passe avec lequel vous vous connecterez en tant que {email}.",
    resetTitle: "Choisir un nouveau mot de passe",
    resetIntro:
      "{name}, choisissez un nouveau mot de passe pour {email}. Toutes les sessions de votre compte sont fermées à l’enregistrement.",
    password: "Nouveau mot de passe",
    repeat: "Répétez le nouveau mot de passe",
    passwordHint:
      "Au moins {min} caractères, de toute sorte : une phrase de plusieurs mots est la plus facile à retenir. Les mots de passe courants ou divulgués sont refusés.",
    submitInvitation: "Définir mon mot de passe et me connecter",
    submitReset: "Définir mon nouveau mot de passe et me connecter",
    pending: "Enregistrement…",
    mismatch: "Les deux mots de passe diffèrent.",
    orSso: "Ou, si votre ministère l’utilise :",
    unknown: "Ce lien n’est pas valable. Demandez-en un nouveau à la personne qui vous a invité ou au secrétariat.",
    used: "Ce lien a déjà été utilisé. Connectez-vous avec le mot de passe que vous avez choisi.",
    expired: "Ce lien a expiré. Demandez au secrétariat de vous en envoyer un nouveau.",
    alreadyAccepted: "Cette personne a déjà accepté son invitation.",
    signIn: "Aller à la connexion",
    invited: "Invité, pas encore accepté",
    invitedUntil: "Invitation envoyée ; le lien est valable jusqu’au {date}.",
    resend: "Renvoyer l’invitation",
    resendOne: "Renvoyer l’invitation à {name}",
    resent: "Un nouveau lien d’invitation a été envoyé par courriel.",
    reset: "Envoyer un lien de réinitialisation",
    resetOne: "Envoyer à {name} un lien de réinitialisation du mot de passe",
    resetSent: "Un lien de réinitialisation a été envoyé par courriel. Seul son destinataire le voit.",
    invitationSent:
      "Invitation envoyée : la personne choisit elle-même son mot de passe grâce au lien reçu par courriel.",
    inviteMail: {
      subject: "Vous êtes invité sur Accord",
      where: " au {dialogue} en tant que {role} pour {partner}",
      text: "{name},\n\n{inviter} vous a invité{where}. Choisissez votre propre mot de passe avec ce lien (valable une fois, pendant {hours} heures) :\n\n{url}\n\nSi vous n’attendiez pas cette invitation, ignorez ce courriel.",
    },
    resetMail: {
      subject: "Choisissez un nouveau mot de passe Accord",
      text: "{name},\n\nLe secrétariat vous a envoyé un lien pour choisir un nouveau mot de passe. Il est valable une fois, pendant {hours} heures :\n\n{url}\n\nSi vous ne l’avez pas demandé, prévenez le secrétariat ; votre mot de passe actuel reste valable tant que le lien n’est pas utilisé.",
    },
  },
};
