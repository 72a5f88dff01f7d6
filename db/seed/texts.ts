// Demo paper texts for the seed, drawn from seed/icmpd-hld-2013.txt (ICMPD paper
// on preparations for the 2013 UN High-Level Dialogue), cleaned of page breaks,
// footnote markers and hyphenation. One paper per dialogue.

export type PMMark = { type: "bold" | "italic" | "underline" } | { type: "link"; attrs: { href: string } };
export type PMNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
  text?: string;
  marks?: PMMark[];
};
export type SeedPaperText = {
  dialogueSlug: "rabat" | "budapest" | "mtm" | "euromed" | "mme";
  title: string;
  kind: "position_paper" | "recommendations";
  doc: PMNode;
};

// ---------------------------------------------------------------------------
// Small builders (local only). Strings passed to `t` must be non-empty.
// ---------------------------------------------------------------------------

type Inline = string | PMNode;

const BOLD: PMMark = { type: "bold" };
const ITALIC: PMMark = { type: "italic" };
const link = (href: string): PMMark => ({ type: "link", attrs: { href } });

function t(text: string, ...marks: PMMark[]): PMNode {
  if (text.length === 0) throw new Error("seed texts: empty text node");
  return marks.length > 0 ? { type: "text", text, marks } : { type: "text", text };
}

const toInline = (parts: Inline[]): PMNode[] => parts.map((part) => (typeof part === "string" ? t(part) : part));

const p = (...parts: Inline[]): PMNode => ({
  type: "paragraph",
  content: toInline(parts),
});
const h2 = (text: string): PMNode => ({
  type: "heading",
  attrs: { level: 2 },
  content: [t(text)],
});
const li = (...parts: Inline[]): PMNode => ({
  type: "listItem",
  content: [p(...parts)],
});
const ul = (...items: PMNode[]): PMNode => ({
  type: "bulletList",
  content: items,
});
const ol = (...items: PMNode[]): PMNode => ({
  type: "orderedList",
  attrs: { start: 1 },
  content: items,
});
const doc = (...blocks: PMNode[]): PMNode => ({ type: "doc", content: blocks });

// ---------------------------------------------------------------------------
// Shared passages from the general introduction of the source paper
// ---------------------------------------------------------------------------

const introDialogues = (): PMNode =>
  p(
    "Since the 2006 HLD, several new migration dialogues and processes have been put in place, at both regional and inter-regional levels complementing and, in some cases, overlapping with existing ones. Some dialogues are no longer active or do not benefit from the political commitment required to push the various migration agendas. Those dialogue processes which are active and dynamic do, however, provide very relevant platforms for preparing discussions of the ",
    t("2013 HLD", BOLD),
    ".",
  );

const issuesLead = (): PMNode =>
  p(
    "Issues as complex and sensitive as the following have been apprehended together with the aim of finding ",
    t("common approaches to common challenges", ITALIC),
    ":",
  );

const commonChallenges = (): PMNode =>
  p(
    "Many challenges faced by countries of origin and destination in Europe, Asia, Africa and the Middle East will again be discussed at the HLD. Therefore, recommendations and conclusions from the various dialogue activities will be highly relevant in framing these discussions, and reaching common understandings on migration issues.",
  );

const preparingTheGround = (): PMNode =>
  p(
    "Specific activities could be undertaken in the framework of the dialogues to prepare the ground for discussions to be held at the HLD; recommendations and position papers could be discussed and agreed on among the partners, and presented to the HLD.",
  );

const iMap = (): PMNode =>
  p(
    "Initiated in 2007, the ",
    t("Interactive Map on Migration (i-Map)", BOLD),
    " is an online tool that facilitates access to information on migration issues. Ideally anchored within a regional migration dialogue framework, the concept is adaptable to the specificities and characteristics of any concerned region. With the Silk Routes countries expected to be included in 2012 in addition to the current coverage via MTM and the PP, the i-Map concept is at a crucial phase of its development. By end 2012, the i-Map website will cover up to 68 countries through these three dialogues. Discussions are ongoing regarding the possible coverage of other regions of the world, which could bring the total to more than 100 countries during the course of 2013, making the i-Map an essential source of information at the global level.",
  );

const DIASPORA_PLATFORM_URL =
  "http://www.icmpd.org/European-wide-African-Diaspora-Platform-Africa-Europe-Platform.1858.0.html";
const MME_URL = "http://www.africa-eu-partnership.org/migration-mobility-and-employment";
const RABAT_URL = "http://www.dialogueuroafricainmd.net/web";

// ---------------------------------------------------------------------------
// The five papers
// ---------------------------------------------------------------------------

export const seedPaperTexts: SeedPaperText[] = [
  {
    dialogueSlug: "rabat",
    title: "Rabat Process recommendations to the 2013 High-Level Dialogue",
    kind: "recommendations",
    doc: doc(
      h2("Background"),
      introDialogues(),
      issuesLead(),
      ul(
        li("the collection of reliable data on migration;"),
        li("sustainable return and readmission;"),
        li("trafficking in persons and irregular migration;"),
        li("diaspora contribution to development."),
      ),
      h2("The Rabat Process"),
      p(
        "The ",
        t("Euro-African Dialogue on Migration and Development (Rabat Process)", BOLD),
        " was launched in 2006. Following up to the successful 3rd Ministerial Meeting in Dakar in November 2011, ICMPD together with its partner FIIAPP supports the preparations of the practical implementation of the newly adopted 2012-2014 strategy. The Rabat Process gathers countries of origin, destination and transit of migrants from European, West and Central African States.",
      ),
      p("For more information, go to ", t("www.dialogueuroafricainmd.net", link(RABAT_URL)), "."),
      p(
        "In addition to the state-led processes it supports, ICMPD is also involved in establishing a European Platform of African Diaspora organisations working on development issues in Africa. As a partner in this project together with four migrant associations – ADPC, CGMD, FORIM and AFFORD – ICMPD stands ready to promote the use of the diaspora platform to inform and organise the African Diaspora in view of the HLD.",
      ),
      h2("Recommendations"),
      commonChallenges(),
      ol(
        li(
          "Specific activities could be undertaken in the framework of the dialogue to prepare the ground for discussions to be held at the HLD.",
        ),
        li(
          "Recommendations and position papers could be discussed and agreed on among the partners, and presented to the HLD.",
        ),
        li("The diaspora platform could be used to inform and organise the African Diaspora in view of the HLD."),
      ),
    ),
  },
  {
    dialogueSlug: "budapest",
    title: "Budapest Process position paper for the 2013 High-Level Dialogue",
    kind: "position_paper",
    doc: doc(
      h2("Background"),
      introDialogues(),
      commonChallenges(),
      h2("The Budapest Process"),
      p(
        "The focus of the ",
        t("Budapest Process (BP)", BOLD),
        " – for which ICMPD has been acting as secretariat since 1993 – will be the preparation of the Budapest Process Ministerial Meeting which the Turkish Chair foresees to organise in 2013, marking its 20th anniversary making it one of the oldest and, since the expansion along the Silk Routes, the geographically most extensive regional migration dialogue.",
      ),
      p(
        "The Budapest Process has developed into a dialogue which focuses on the following issues, alongside its more traditional issues such as irregular migration, return, trafficking in human beings and border management:",
      ),
      ul(
        li("labour migration;"),
        li("mixed migration flows, including protection issues;"),
        li("links between migration and development."),
      ),
      h2("The Silk Routes"),
      p(
        "The BP Silk Routes Working Group and the Silk Routes Project on ",
        t("“Fostering Cooperation in the Area of Migration with and in the Silk Routes Region”", ITALIC),
        " will serve to establish closer inter-governmental relations.",
      ),
      iMap(),
      h2("Position"),
      preparingTheGround(),
    ),
  },
  {
    dialogueSlug: "mtm",
    title: "MTM Dialogue recommendations to the 2013 High-Level Dialogue",
    kind: "recommendations",
    doc: doc(
      h2("Background"),
      introDialogues(),
      h2("The MTM Dialogue"),
      p(
        "The ",
        t("Mediterranean Transit Migration (MTM) Dialogue", BOLD),
        " currently covers 45 states from Europe, the Middle East and North and sub-Saharan Africa. The role of the MTM is to support, through its informal and technical setting, the agendas of broader, higher-level and more formal fora such as:",
      ),
      ul(
        li("the MME and the Rabat Process;"),
        li("the Euromed (Barcelona Process);"),
        li("the Union for the Mediterranean and 5+5 Dialogue;"),
        li("the ", t("UN High-Level Dialogue on Migration", ITALIC), "."),
      ),
      p(
        "The thematic focus encompasses issues beyond the scope of transit migration and now covers a broad range of migration management issues, including migration and development and irregular and mixed migration.",
      ),
      iMap(),
      h2("Recommendations"),
      commonChallenges(),
      preparingTheGround(),
    ),
  },
  {
    dialogueSlug: "euromed",
    title: "Euromed Migration III position paper for the 2013 High-Level Dialogue",
    kind: "position_paper",
    doc: doc(
      h2("Background"),
      introDialogues(),
      issuesLead(),
      ul(
        li("social protection and integration;"),
        li("international protection and female migration;"),
        li("visa policies;"),
        li("civil registration and document security."),
      ),
      h2("Euromed Migration III"),
      p(
        "Under ICMPD leadership, a consortium of ILO, FIIAPP, OFII and EMUNI is in charge of the ",
        t("Euromed Migration III (Euro-Mediterranean Partnership)", BOLD),
        " since January 2012 through to the end of 2014, covering all areas of the EU Global Approach to Migration and Mobility. Among others, it is planned to produce a set of migration profiles for all countries in the MEDA region.",
      ),
      h2("Coordination and information exchange"),
      p(
        "Of particular interest to the HLD is MIEUX’s contribution to improving mechanisms of efficient coordination, cooperation and information exchange. Considering that, in many instances, national dialogue and coordination are facilitated within the framework of various regional processes or by international partners, MIEUX technical assistance has focused on the creation of ",
        t("national-run, formal coordination and cooperation mechanisms", ITALIC),
        " which ensure sustainability and ownership of the process. There is potential for MIEUX to support the HLD as its migration and development component gets underway.",
      ),
      h2("Position"),
      commonChallenges(),
      preparingTheGround(),
    ),
  },
  {
    dialogueSlug: "mme",
    title: "Africa-EU MME Partnership recommendations to the 2013 High-Level Dialogue",
    kind: "recommendations",
    doc: doc(
      h2("Background"),
      introDialogues(),
      h2("The Africa-EU Partnership"),
      p(
        "The ",
        t("Africa-EU Partnership on Migration, Mobility and Employment (MME)", BOLD),
        " is the main framework for dialogue on migration among Africa and the EU since the adoption of the Africa-EU Strategy at the 2nd Heads of States summit held in Lisbon in 2007. The aim of the Strategy is to advance cooperation among the two continents in eight thematic areas, including MME. While the European Commission and the African Union Commission are driving the strategy, the dialogue part of MME is supported by a consortium led by ICMPD.",
      ),
      p("For more information go to ", t("www.africa-eu-partnership.org", link(MME_URL)), "."),
      p(
        "ICMPD is also involved in establishing a European Platform of African Diaspora organisations working on development issues in Africa. It is a partner in this project together with four migrant associations:",
      ),
      ul(li("ADPC;"), li("CGMD;"), li("FORIM;"), li("AFFORD.")),
      p(
        "ICMPD stands ready to promote the use of the ",
        t("diaspora platform", link(DIASPORA_PLATFORM_URL)),
        " to inform and organise the African Diaspora in view of the HLD.",
      ),
      h2("Recommendations"),
      commonChallenges(),
      preparingTheGround(),
    ),
  },
];
