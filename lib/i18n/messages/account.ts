// Strings of the account page (password, language, email choices, sessions), in both languages;
// spread into en.ts and fr.ts.
export const accountEn = {
  account: {
    nav: "Account",
    title: "Your account",
    intro: "Signed in as {name} ({email}).",
    password: {
      title: "Password",
      current: "Current password",
      new: "New password",
      newAgain: "New password, again",
      hint: "At least 12 characters; a phrase of your own is best. Common and leaked passwords are refused. Changing it signs out every other session of your account.",
      submit: "Change password",
      changed: "Password changed. Every other session of your account is signed out.",
      none: "Your account has no password: you sign in through your organisation’s single sign-on, so there is no password to change here.",
      errors: {
        wrongCurrent: "The current password is not right.",
        mismatch: "The two new passwords differ. Type the same one twice.",
        throttled: "Too many wrong passwords. Wait a few minutes, then try again.",
        noPassword: "Your account has no password to change: you sign in through single sign-on.",
      },
      mail: {
        subject: "Your Accord password was changed",
        text: "The password of your Accord account was changed on {time}, and every other session of the account was signed out. If you did not do this, contact the secretariat at once.",
      },
    },
    twoFactor: {
      title: "Two-step sign-in",
      on: "On: signing in asks for a code from your authenticator app.",
      off: "Off: signing in asks only for your password.",
      manage: "Manage two-step sign-in",
    },
    language: {
      title: "Language",
      intro: "The language of the interface and of the emails you receive.",
      submit: "Save language",
    },
    emails: {
      title: "Email notifications",
      intro:
        "Choose which emails you receive. Notifications in the app are always kept. Security emails (failed sign-ins, a changed password, invitations, reset links) are always sent.",
      legend: "Send me an email when",
      kinds: {
        round: {
          opened: "an approval round opens on a paper",
          reminder: "an approval round closes within 24 hours",
          closed: "an approval round closes, with its outcome",
        },
        comment: { mention: "someone mentions me in a comment" },
        membership: { request: "someone awaits my confirmation to speak for my state (focal points)" },
      },
      submit: "Save email choices",
      saved: "Email choices saved.",
    },
    sessions: {
      title: "Where you are signed in",
      intro: "Each browser you signed in from. Signing one out closes its open documents within seconds.",
      device: "Device",
      method: "Signed in with",
      signedIn: "Signed in",
      lastSeen: "Last seen",
      actions: "Actions",
      thisSession: "This session",
      unknownDevice: "Unknown device",
      unknownBrowser: "A browser",
      deviceOn: "{browser} on {os}",
      methods: {
        password: "Password",
        totp: "Password and authenticator code",
        recovery_code: "Password and recovery code",
        oidc: "Single sign-on",
      },
      signOut: "Sign out",
      signOutOne: "Sign out the session on {device}, last seen {lastSeen}",
      signedOut: "That session is signed out.",
      signOutOthers: "Sign out everywhere else",
      signedOutOthers: "Every other session is signed out.",
      noOthers: "You are signed in nowhere else.",
    },
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const accountFr: Widen<typeof accountEn> = {
  account: {
    nav: "Compte",
    title: "Votre compte",
    intro: "Connecté·e en tant que {name} ({email}).",
    password: {
      title: "Mot de passe",
      current: "Mot de passe actuel",
      new: "Nouveau mot de passe",
      newAgain: "Nouveau mot de passe, à nouveau",
      hint: "Au moins 12 caractères ; une phrase à vous est le mieux. Les mots de passe courants ou divulgués sont refusés. Le changer déconnecte toutes les autres sessions de votre compte.",
      submit: "Changer le mot de passe",
      changed: "Mot de passe changé. Toutes les autres sessions de votre compte sont déconnectées.",
      none: "Votre compte n’a pas de mot de passe : vous vous connectez par l’authentification unique de votre organisation, il n’y a donc pas de mot de passe à changer ici.",
      errors: {
        wrongCurrent: "Le mot de passe actuel n’est pas le bon.",
        mismatch: "Les deux nouveaux mots de passe diffèrent. Saisissez deux fois le même.",
        throttled: "Trop de mots de passe erronés. Patientez quelques minutes, puis réessayez.",
        noPassword: "Votre compte n’a pas de mot de passe à changer : vous vous connectez par authentification unique.",
      },
      mail: {
        subject: "Votre mot de passe Accord a été changé",
        text: "Le mot de passe de votre compte Accord a été changé le {time}, et toutes les autres sessions du compte ont été déconnectées. Si ce n’est pas vous, contactez immédiatement le secrétariat.",
      },
    },
    twoFactor: {
      title: "Connexion en deux étapes",
      on: "Activée : la connexion demande un code de votre application d’authentification.",
      off: "Désactivée : la connexion ne demande que votre mot de passe.",
      manage: "Gérer la connexion en deux étapes",
    },
    language: {
      title: "Langue",
      intro: "La langue de l’interface et des courriels que vous recevez.",
      submit: "Enregistrer la langue",
    },
    emails: {
      title: "Notifications par courriel",
      intro:
        "Choisissez les courriels que vous recevez. Les notifications dans l’application sont toujours conservées. Les courriels de sécurité (connexions échouées, mot de passe changé, invitations, liens de réinitialisation) sont toujours envoyés.",
      legend: "M’envoyer un courriel quand",
      kinds: {
        round: {
          opened: "un tour d’approbation s’ouvre sur un document",
          reminder: "un tour d’approbation se clôt dans les 24 heures",
          closed: "un tour d’approbation se clôt, avec son résultat",
        },
        comment: { mention: "quelqu’un me mentionne dans un commentaire" },
        membership: {
          request: "quelqu’un attend ma confirmation pour parler au nom de mon État (points focaux)",
        },
      },
      submit: "Enregistrer les choix de courriels",
      saved: "Choix de courriels enregistrés.",
    },
    sessions: {
      title: "Où vous êtes connecté·e",
      intro:
        "Chaque navigateur depuis lequel vous vous êtes connecté·e. En déconnecter un ferme ses documents ouverts en quelques secondes.",
      device: "Appareil",
      method: "Connexion par",
      signedIn: "Connecté·e le",
      lastSeen: "Dernière activité",
      actions: "Actions",
      thisSession: "Cette session",
      unknownDevice: "Appareil inconnu",
      unknownBrowser: "Un navigateur",
      deviceOn: "{browser} sous {os}",
      methods: {
        password: "Mot de passe",
        totp: "Mot de passe et code d’authentification",
        recovery_code: "Mot de passe et code de secours",
        oidc: "Authentification unique",
      },
      signOut: "Déconnecter",
      signOutOne: "Déconnecter la session sur {device}, dernière activité {lastSeen}",
      signedOut: "Cette session est déconnectée.",
      signOutOthers: "Déconnecter partout ailleurs",
      signedOutOthers: "Toutes les autres sessions sont déconnectées.",
      noOthers: "Vous n’êtes connecté·e nulle part ailleurs.",
    },
  },
};
