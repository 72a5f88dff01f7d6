// The PDF renderer never fetches anything (issue 15, finding 10). Chromium prints the stored text;
// were anything in it to reach the network (a link, or markup let through by a bug in the HTML
// export), it could probe or call services next to the server (SSRF). A real HTTP server on
// 127.0.0.1, opened by the test, must see no connection at all: neither while a paper linking to
// it is exported, nor while the renderer prints hostile markup aimed at it by every route a page
// has to the network.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocNode } from "@/lib/document";
import { chromiumLaunchArgs } from "@/server/chromium";
import { closePdfBrowser, renderPdf } from "@/server/export/render/pdf";
import { exportPaper } from "@/server/export/service";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus } from "../helpers/factories";

const test = useTestDatabase();
let world: DialogueWithRoles;
let bait: Server;
let port: number;
const seen: string[] = [];

beforeAll(async () => {
  world = await makeDialogueWithRoles(test.db());
  bait = createServer((request, response) => {
    seen.push(`request ${request.method} ${request.url}`);
    response.writeHead(200, { "content-type": "image/png" }).end();
  });
  bait.on("connection", () => seen.push("connection"));
  bait.listen(0, "127.0.0.1");
  await once(bait, "listening");
  port = (bait.address() as AddressInfo).port;
}, 60_000);

afterAll(async () => {
  await closePdfBrowser();
  bait.closeAllConnections();
  await new Promise<void>((resolve) => bait.close(() => resolve()));
});

/** Waits a moment for anything the renderer might still send, then reports what the server saw. */
async function seenAfterRender(): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  return [...seen];
}

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";

describe("the PDF renderer", () => {
  it("exports a paper linking to a local server without contacting it", async () => {
    seen.length = 0;
    const url = `http://127.0.0.1:${port}/internal-admin`;
    const content: DocNode = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "See " },
            { type: "text", text: "the annex", marks: [{ type: "link", attrs: { href: url } }] },
            { type: "text", text: ` and <img src="${url}/img.png"> here.` },
          ],
        },
      ],
    };
    const { paper } = await makePaperInStatus(test.db(), "draft", world, { content });
    const file = await exportPaper(test.db(), world.actors.chair, {
      paperId: paper.id,
      revision: "live",
      format: "pdf",
      lang: "en",
    });
    expect(isPdf(file.bytes)).toBe(true);
    expect(await seenAfterRender()).toEqual([]);
  }, 60_000);

  it("prints markup aimed at a local server by every route a page has to the network, fetching none", async () => {
    seen.length = 0;
    const at = (path: string) => `http://127.0.0.1:${port}/${path}`;
    const byName = (path: string) => `http://localhost:${port}/${path}`;
    const hostile = `<!doctype html><html><head>
      <meta http-equiv="refresh" content="0;url=${at("refresh")}">
      <base href="${at("base/")}">
      <link rel="stylesheet" href="${at("style.css")}">
      <link rel="preconnect" href="${at("")}">
      <link rel="dns-prefetch" href="${byName("")}">
      <link rel="prefetch" href="${at("prefetch")}">
      <link rel="preload" as="image" href="${at("preload.png")}">
      <link rel="icon" href="${at("favicon.ico")}">
      <script src="${at("script.js")}"></script>
      <style>
        @import url("${at("import.css")}");
        @font-face { font-family: Bait; src: url("${at("font.woff2")}"); }
        body { font-family: Bait; background-image: url("${byName("background.png")}"); }
      </style>
      </head><body>
      <p>Printed text.</p>
      <img src="${at("img.png")}"><img srcset="${byName("srcset.png")} 2x">
      <picture><source srcset="${at("source.png")}"><img src="data:,"></picture>
      <svg xmlns="http://www.w3.org/2000/svg"><image href="${at("svg.png")}" width="10" height="10"/></svg>
      <iframe src="${at("iframe")}"></iframe>
      <object data="${at("object")}"></object><embed src="${at("embed")}">
      <video poster="${at("poster.png")}" src="${at("video.mp4")}"></video><audio src="${at("audio.mp3")}" autoplay></audio>
      <a href="${at("link")}" ping="${at("ping")}">link</a>
      <form action="${at("form")}"><input type="image" src="${at("input.png")}"></form>
      <img src="relative.png">
      </body></html>`;
    const pdf = await renderPdf(hostile, new Date("2026-01-01T00:00:00Z"), { footer: "footer" });
    expect(isPdf(pdf)).toBe(true);
    expect(await seenAfterRender()).toEqual([]);

    // The renderer still works afterwards: the next export is printed as usual.
    expect(isPdf(await renderPdf("<p>Next.</p>", new Date("2026-01-01T00:00:00Z"), { footer: "footer" }))).toBe(true);
  }, 60_000);
});

describe("Chromium's sandbox", () => {
  it("is kept unless the process runs as root or the machine says it has none", () => {
    expect(chromiumLaunchArgs({ uid: 1000, env: {} })).not.toContain("--no-sandbox");
    expect(chromiumLaunchArgs({ uid: 0, env: {} })).toContain("--no-sandbox");
    expect(chromiumLaunchArgs({ uid: 1000, env: { CHROMIUM_NO_SANDBOX: "1" } })).toContain("--no-sandbox");
  });
});
