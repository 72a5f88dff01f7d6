import type { Metadata } from "next";
import { AccountLinkPage } from "@/components/AccountLinkPage";
import { getTranslator } from "@/server/locale";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  // The token stays out of anything but the address bar (no referrer leaves this page).
  return { title: t("accountLink.resetTitle"), referrer: "no-referrer" };
}

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <AccountLinkPage token={token} purpose="password_reset" />;
}
