// Issue 15's findings replayed against the real server. Import (5, 8): an upload is authorized
// before its body is read, a chunked body (which declares no length) is counted as it arrives and
// refused at the limit, a post from another site is refused, and the server keeps answering
// everyone else. Headers (7): every response carries them.
import http from "node:http";
import { type DemoRole, expect, type SignedInPage, test } from "./fixtures";
import { HldPage } from "./pages/hld-page";
import { PaperPage } from "./pages/paper-page";

type Outcome = { status: number; body: string; sentBytes: number };

/**
 * POSTs a chunked multipart body of `totalBytes` in 64 KiB chunks, `pauseMs` apart (0: as fast as
 * the server reads), and resolves with the answer and how much had been sent when it came.
 */
function streamUpload(baseURL: string, cookie: string, totalBytes: number, pauseMs = 0): Promise<Outcome> {
  const url = new URL("/api/papers/import", baseURL);
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    const request = http.request(url, {
      method: "POST",
      headers: { cookie, "content-type": "multipart/form-data; boundary=x", "transfer-encoding": "chunked" },
    });
    const chunk = Buffer.alloc(64 * 1024, 97);
    let answered = false;
    const pump = () => {
      while (sentBytes < totalBytes && !answered) {
        sentBytes += chunk.length;
        const flushed = request.write(chunk);
        if (pauseMs > 0) return void setTimeout(pump, pauseMs);
        if (!flushed) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.on("data", (d: Buffer) => {
        body += d.toString();
      });
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body, sentBytes });
        request.destroy();
      });
    });
    // The server may close the connection once it has answered: the answer already arrived.
    request.on("error", (error) => (request.destroyed ? undefined : reject(error)));
    pump();
  });
}

/** The Cookie header of a fresh session of `role`, for requests sent outside the browser. */
async function cookieOf(signedInPage: SignedInPage, role: DemoRole): Promise<string> {
  const context = (await signedInPage(role)).context();
  const cookies = await context.cookies();
  await context.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

test("an observer's streamed upload is refused before its body is read", async ({ signedInPage, baseURL, request }) => {
  const cookie = await cookieOf(signedInPage, "rabatObserver");
  const started = Date.now();
  // 60 MiB offered slowly (about 1.3 MB/s): the refusal must come at the start, not at the end.
  const outcome = await streamUpload(baseURL as string, cookie, 60 * 1024 * 1024, 50);
  expect(outcome.status).toBe(403);
  expect(JSON.parse(outcome.body)).toMatchObject({ error: "forbidden" });
  expect(outcome.sentBytes).toBeLessThan(4 * 1024 * 1024);
  test.info().annotations.push({ type: "refused after", description: `${Date.now() - started} ms` });
  expect((await request.get("/api/health")).ok()).toBe(true);
});

test("a chunked upload larger than the limit is cut off at the limit, not read to its end", async ({
  signedInPage,
  baseURL,
  request,
}) => {
  const cookie = await cookieOf(signedInPage, "rabatChair");
  const outcome = await streamUpload(baseURL as string, cookie, 60 * 1024 * 1024);
  expect(outcome.status).toBe(400);
  // The size refusal, not a parse failure of a body read to its end.
  expect(JSON.parse(outcome.body)).toMatchObject({ error: "invalid_input", message: expect.stringContaining("10 MB") });
  expect((await request.get("/api/health")).ok()).toBe(true);
});

test("an import posted from another site's page is refused", async ({ signedInPage, baseURL }) => {
  const cookie = await cookieOf(signedInPage, "rabatChair");
  const response = await fetch(new URL("/api/papers/import", baseURL), {
    method: "POST",
    headers: { cookie, origin: "https://attacker.example", "content-type": "multipart/form-data; boundary=x" },
    body: "--x--",
  });
  expect(response.status).toBe(403);
});

test("every response carries the security headers: pages, route handlers and static files", async ({ request }) => {
  const signin = await request.get("/signin");
  const html = await signin.text();
  const script = /<script[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  for (const response of [signin, await request.get("/api/health"), await request.get(script as string)]) {
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-frame-options"]).toBe("DENY");
  }
});

test("the HLD reviewer reads a submitted paper's agreed text without a live socket", async ({ signedInPage }) => {
  const page = await signedInPage("hld");
  const sockets: string[] = [];
  page.on("websocket", (socket) => sockets.push(socket.url()));
  const hld = new HldPage(page);
  await hld.goto();
  await hld.submitted.getByRole("link").first().click();
  const paper = await PaperPage.landedOn(page);
  await expect(paper.storedText).toContainText(/\w/);
  await page.waitForLoadState("networkidle");
  expect(sockets).toEqual([]);
});
