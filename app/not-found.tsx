import Link from "next/link";
import { getTranslator } from "@/server/locale";

export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <div className="card mx-auto max-w-lg">
      <h1>{t("notFound.title")}</h1>
      <p className="muted my-3">{t("notFound.body")}</p>
      <Link href="/">{t("notFound.home")}</Link>
    </div>
  );
}
