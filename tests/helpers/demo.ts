// The demo data as a test world: seeded by the same function as `npm run db:seed`
// (db/seed/demo.ts), with the Rabat Process members standing in the roles of the factories'
// DialogueWithRoles, so the factories (e.g. makePaperInStatus) work on it unchanged.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Dialogue, dialoguePartners, dialogues, partners, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/demo";
import { type DialogueWithRoles, loadActor, type Role, roles } from "./factories";

export { DEMO_PASSWORD } from "@/db/seed/demo";

/** The demo account in each role; the outsider is a delegate of the Budapest Process only. */
export const demoEmails: Record<Role, string> = {
  admin: "admin@accord.test",
  hld_reviewer: "hld@accord.test",
  chair: "chair@rabat.accord.test",
  penholder: "pen@rabat.accord.test",
  delegate: "fr@rabat.accord.test",
  observer: "observer@rabat.accord.test",
  outsider: "hu@budapest.accord.test",
};

async function dialogueNamed(db: Db, slug: string): Promise<Dialogue> {
  const [dialogue] = await db.select().from(dialogues).where(eq(dialogues.slug, slug));
  if (!dialogue) throw new Error(`demo: no dialogue ${slug}`);
  return dialogue;
}

async function actorByEmail(db: Db, email: string) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`demo: no account ${email}`);
  return loadActor(db, user.id);
}

/** Seeds the demo data on an empty database and returns it as a DialogueWithRoles (the Rabat Process). */
export async function seedDemoWorld(db: Db): Promise<DialogueWithRoles> {
  await seedDemoData(db);
  const rabat = await dialogueNamed(db, "rabat");
  const budapest = await dialogueNamed(db, "budapest");
  const rabatPartners = await db
    .select({ id: partners.id, kind: partners.kind, key: partners.iso3, name: partners.name })
    .from(dialoguePartners)
    .innerJoin(partners, eq(partners.id, dialoguePartners.partnerId))
    .where(eq(dialoguePartners.dialogueId, rabat.id));
  const partnerId = (key: string) => {
    const partner = rabatPartners.find((p) => (p.key ?? p.name) === key);
    if (!partner) throw new Error(`demo: no partner ${key} in the Rabat Process`);
    return partner.id;
  };
  const actors = Object.fromEntries(
    await Promise.all(roles.map(async (role) => [role, await actorByEmail(db, demoEmails[role])] as const)),
  ) as DialogueWithRoles["actors"];
  const grantOf = (role: Role, dialogue: Dialogue) => {
    const grant = actors[role].memberships.get(dialogue.id);
    if (!grant) throw new Error(`demo: the ${role} has no role in ${dialogue.name}`);
    return grant.partnerId;
  };
  return {
    dialogue: rabat,
    otherDialogue: budapest,
    partners: { senegal: partnerId("SEN"), morocco: partnerId("MAR"), france: partnerId("FRA"), iom: partnerId("IOM") },
    statePartnerIds: rabatPartners.filter((p) => p.kind === "state").map((p) => p.id),
    actors,
    partnerOf: {
      chair: grantOf("chair", rabat),
      penholder: grantOf("penholder", rabat),
      delegate: grantOf("delegate", rabat),
      observer: grantOf("observer", rabat),
      outsider: grantOf("outsider", budapest),
    },
    emails: demoEmails,
  };
}
