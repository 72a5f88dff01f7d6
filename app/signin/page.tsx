import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/SignInForm";
import { currentActor } from "@/server/auth/current";
import { getTranslator } from "@/server/locale";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("signIn.title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await currentActor()) redirect("/");
  const { t } = await getTranslator();
  const { callbackUrl } = await searchParams;
  // Only same-site paths are kept; the action validates again.
  const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : undefined;
  return (
    <div className="mx-auto max-w-md">
      <div className="card">
        <h1 className="mb-1">{t("signIn.title")}</h1>
        <p className="muted mb-4">{t("app.tagline")}</p>
        <SignInForm
          callbackUrl={safeCallback}
          labels={{
            email: t("signIn.email"),
            password: t("signIn.password"),
            submit: t("signIn.submit"),
            pending: t("signIn.pending"),
            code: t("twoFactor.signIn.code"),
            codeHint: t("twoFactor.signIn.codeHint"),
          }}
        />
      </div>
    </div>
  );
}
