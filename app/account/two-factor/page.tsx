import type { Metadata } from "next";
import { signOutAction } from "@/app/actions/session";
import {
  beginTwoFactorAction,
  confirmTwoFactorAction,
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
} from "@/app/actions/two-factor";
import { ActionForm } from "@/components/ActionForm";
import { TwoFactorCodesForm } from "@/components/account/TwoFactorCodesForm";
import { TwoFactorPending } from "@/components/account/TwoFactorPending";
import { getDb } from "@/db/client";
import { actorOrSignIn, TWO_FACTOR_PAGE } from "@/server/auth/guard";
import { getTranslator } from "@/server/locale";
import { twoFactorOverview } from "@/server/queries/two-factor";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("twoFactor.title") };
}

/** Setting up, and later managing, one's own two-factor sign-in; where a dialogue requiring it sends its members. */
export default async function TwoFactorPage() {
  // This page serves the sessions that other pages send here.
  const actor = await actorOrSignIn(TWO_FACTOR_PAGE, { secondFactorNeeded: "allow" });
  const [{ t, locale }, overview] = await Promise.all([getTranslator(), twoFactorOverview(await getDb(), actor)]);
  const dialogues = overview.requiredBy.join(", ");
  const codes = {
    title: t("twoFactor.recoveryTitle"),
    intro: t("twoFactor.recoveryIntro"),
    list: t("twoFactor.recoveryList"),
    done: t("twoFactor.done"),
    doneHref: TWO_FACTOR_PAGE,
  };
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <h1>{t("twoFactor.title")}</h1>
        <p className="mt-2">{t("twoFactor.intro")}</p>
      </div>

      {actor.secondFactorNeeded && (
        <section className="card flex flex-col gap-3 border-amber-400" data-testid="two-factor-needed">
          {overview.enabledAt ? (
            <>
              <p>{t("twoFactor.signInAgain", { dialogues })}</p>
              <form action={signOutAction}>
                <button type="submit" className="btn btn-primary">
                  {t("twoFactor.signOutNow")}
                </button>
              </form>
            </>
          ) : (
            <p>{t("twoFactor.required", { dialogues })}</p>
          )}
        </section>
      )}

      {overview.enabledAt ? (
        <>
          <section className="card flex flex-col gap-2" aria-labelledby="status-heading">
            <h2 id="status-heading">{t("twoFactor.title")}</h2>
            <p data-testid="two-factor-status">
              {t("twoFactor.statusOn", {
                date: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
                  overview.enabledAt,
                ),
              })}
            </p>
            <p>{t("twoFactor.recoveryLeft", { count: overview.recoveryCodesLeft })}</p>
          </section>
          <section className="card flex flex-col gap-3" aria-labelledby="regenerate-heading">
            <h2 id="regenerate-heading">{t("twoFactor.regenerateTitle")}</h2>
            <p>{t("twoFactor.regenerateIntro")}</p>
            <TwoFactorCodesForm
              action={regenerateRecoveryCodesAction}
              label={t("twoFactor.regenerateTitle")}
              submitLabel={t("twoFactor.regenerate")}
              pendingLabel={t("twoFactor.regenerating")}
              submitVariant="secondary"
              codes={codes}
            >
              <div>
                <label htmlFor="regenerate-proof">{t("twoFactor.proof")}</label>
                <input
                  id="regenerate-proof"
                  name="proof"
                  type="password"
                  autoComplete="one-time-code"
                  maxLength={1024}
                  required
                />
              </div>
            </TwoFactorCodesForm>
          </section>
          <section className="card flex flex-col gap-3" aria-labelledby="disable-heading">
            <h2 id="disable-heading">{t("twoFactor.disableTitle")}</h2>
            {overview.requiredBy.length > 0 ? (
              <p>{t("twoFactor.disableRequired", { dialogues })}</p>
            ) : (
              <>
                <p>{t("twoFactor.disableIntro")}</p>
                <ActionForm
                  action={disableTwoFactorAction}
                  submitLabel={t("twoFactor.disable")}
                  pendingLabel={t("twoFactor.disabling")}
                  submitVariant="danger"
                  label={t("twoFactor.disableTitle")}
                >
                  <div>
                    <label htmlFor="disable-proof">{t("twoFactor.proof")}</label>
                    <input
                      id="disable-proof"
                      name="proof"
                      type="password"
                      autoComplete="one-time-code"
                      maxLength={1024}
                      required
                    />
                  </div>
                </ActionForm>
              </>
            )}
          </section>
        </>
      ) : overview.pending ? (
        <section className="card flex flex-col gap-4" aria-labelledby="setup-heading">
          <h2 id="setup-heading">{t("twoFactor.start")}</h2>
          <TwoFactorPending
            secret={overview.pending.secret}
            uri={overview.pending.uri}
            labels={{
              step: t("twoFactor.stepScan"),
              qr: t("twoFactor.qrLabel"),
              secret: t("twoFactor.secretLabel"),
              uri: t("twoFactor.uriLabel"),
            }}
          />
          <h3 className="font-semibold">{t("twoFactor.stepConfirm")}</h3>
          <TwoFactorCodesForm
            action={confirmTwoFactorAction}
            label={t("twoFactor.stepConfirm")}
            submitLabel={t("twoFactor.confirm")}
            pendingLabel={t("twoFactor.confirming")}
            codes={codes}
          >
            <div>
              <label htmlFor="confirm-code">{t("twoFactor.confirmCode")}</label>
              <input
                id="confirm-code"
                name="code"
                autoComplete="one-time-code"
                inputMode="numeric"
                pattern="[0-9 ]{6,7}"
                maxLength={7}
                required
              />
            </div>
          </TwoFactorCodesForm>
          <ActionForm
            action={disableTwoFactorAction}
            submitLabel={t("twoFactor.cancel")}
            pendingLabel={t("common.saving")}
            submitVariant="secondary"
            label={t("twoFactor.cancel")}
          >
            {null}
          </ActionForm>
        </section>
      ) : (
        <section className="card flex flex-col gap-3" aria-labelledby="off-heading">
          <h2 id="off-heading">{t("twoFactor.statusOff")}</h2>
          <ActionForm
            action={beginTwoFactorAction}
            submitLabel={t("twoFactor.start")}
            pendingLabel={t("twoFactor.starting")}
            label={t("twoFactor.start")}
          >
            {null}
          </ActionForm>
        </section>
      )}
    </div>
  );
}
