import type { Metadata } from "next";
import Link from "next/link";
import { createDialogueAction } from "@/app/actions/admin";
import { ActionForm } from "@/components/ActionForm";
import { TableScroll } from "@/components/TableScroll";
import { getDb } from "@/db/client";
import { getTranslator } from "@/server/locale";
import { allDialoguesWithCounts } from "@/server/queries/dialogues";
import { requireAdministrator } from "./guard";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("admin.title") };
}

export default async function AdminPage() {
  await requireAdministrator("/admin");
  const [{ t }, dialogues] = await Promise.all([getTranslator(), allDialoguesWithCounts(await getDb())]);
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("admin.title")}</h1>
      <section className="card" aria-labelledby="dialogues-heading">
        <h2 id="dialogues-heading" className="mb-3">
          {t("admin.dialogues")}
        </h2>
        <TableScroll label={t("admin.dialogues")}>
          <table>
            <caption className="sr-only">{t("admin.dialogues")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.dialogueName")}</th>
                <th scope="col">{t("admin.code")}</th>
                <th scope="col">{t("dialogues.partners")}</th>
                <th scope="col">{t("members.title")}</th>
              </tr>
            </thead>
            <tbody>
              {dialogues.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link href={`/admin/dialogues/${d.slug}`}>{d.name}</Link>
                  </td>
                  <td className="font-mono text-xs">{d.code}</td>
                  <td>{d.partnerCount}</td>
                  <td>{d.memberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section className="card" aria-labelledby="new-dialogue-heading">
        <h2 id="new-dialogue-heading" className="mb-3">
          {t("admin.newDialogue")}
        </h2>
        <ActionForm
          action={createDialogueAction}
          submitLabel={t("admin.createDialogue")}
          pendingLabel={t("common.saving")}
          resetOnSuccess
        >
          <div className="grid gap-3 sm:grid-cols-3">
            <div>
              <label htmlFor="dialogue-name">{t("admin.dialogueName")}</label>
              <input id="dialogue-name" name="name" required maxLength={200} />
            </div>
            <div>
              <label htmlFor="dialogue-slug">{t("admin.slug")}</label>
              <input
                id="dialogue-slug"
                name="slug"
                required
                pattern="[a-z0-9]+(-[a-z0-9]+)*"
                maxLength={60}
                aria-describedby="slug-help"
              />
              <p id="slug-help" className="muted">
                {t("admin.slugHelp")}
              </p>
            </div>
            <div>
              <label htmlFor="dialogue-code">{t("admin.code")}</label>
              <input id="dialogue-code" name="code" required pattern="[A-Za-z0-9]{2,12}" aria-describedby="code-help" />
              <p id="code-help" className="muted">
                {t("admin.codeHelp")}
              </p>
            </div>
          </div>
          <div>
            <label htmlFor="dialogue-description">{t("admin.description")}</label>
            <textarea id="dialogue-description" name="description" rows={2} maxLength={2000} />
          </div>
        </ActionForm>
      </section>
    </div>
  );
}
