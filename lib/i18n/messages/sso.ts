// Strings of single sign-on (a ministry's OpenID Connect provider) on the sign-in page, in both
// languages; spread into en.ts and fr.ts.
export const ssoEn = {
  sso: {
    button: "Sign in with {name}",
    pending: "Opening {name}…",
    or: "or with your email and password",
    error: {
      unverified:
        "Single sign-on refused: your ministry’s sign-on did not confirm your email address. Ask your ministry’s IT department, or sign in with your password.",
      unknown:
        "Single sign-on refused: no Accord account or invitation has this email address. Ask the secretariat or your delegation’s focal point to invite you.",
      deactivated: "Single sign-on refused: this account is deactivated. Ask the secretariat.",
      linkedElsewhere:
        "Single sign-on refused: this account is already linked to another identity at your ministry’s sign-on. Ask the secretariat.",
      failed: "Single sign-on did not complete. Try again, or sign in with your password.",
    },
  },
};

export const ssoFr: typeof ssoEn = {
  sso: {
    button: "Se connecter avec {name}",
    pending: "Ouverture de {name}…",
    or: "ou avec votre adresse électronique et votre mot de passe",
    error: {
      unverified:
        "Authentification unique refusée : le service d’authentification de votre ministère n’a pas confirmé votre adresse électronique. Adressez-vous au service informatique de votre ministère, ou connectez-vous avec votre mot de passe.",
      unknown:
        "Authentification unique refusée : aucun compte ni aucune invitation Accord ne porte cette adresse électronique. Demandez au secrétariat ou au point focal de votre délégation de vous inviter.",
      deactivated: "Authentification unique refusée : ce compte est désactivé. Adressez-vous au secrétariat.",
      linkedElsewhere:
        "Authentification unique refusée : ce compte est déjà lié à une autre identité du service d’authentification de votre ministère. Adressez-vous au secrétariat.",
      failed: "L’authentification unique n’a pas abouti. Réessayez, ou connectez-vous avec votre mot de passe.",
    },
  },
};
