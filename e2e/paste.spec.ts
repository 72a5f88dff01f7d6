// Pasting from Word keeps the text and its emphasis, not Word's styles or typed list numbers.
import { expect, type Page, test } from "@playwright/test";
import { demo, signInAs, waitForText } from "./fixtures";

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head>
<body><!--StartFragment-->
<p class="MsoNormal" style="mso-margin-top-alt:auto;color:red;font-family:Calibri">States <b>should</b> cooperate on <i>return</i>.<o:p></o:p></p>
<p class="MsoListParagraphCxSpFirst" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">1.<span style="font:7.0pt Times">&nbsp;&nbsp;</span></span>Data on migration<o:p></o:p></p>
<!--EndFragment--></body></html>`;

async function paste(page: Page, html: string) {
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData("text/html", content);
    data.setData("text/plain", "fallback");
    const target = document.querySelector(".ProseMirror");
    target?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

test("pasting from Word keeps text and emphasis, drops Word's styles", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, demo.rabatPen);
  const page = await context.newPage();
  await page.goto("/dialogues/rabat");
  const newPaper = page.getByRole("region", { name: "New paper" });
  await newPaper.getByLabel("Title").fill("Pasted from Word");
  await newPaper.getByRole("button", { name: "Create paper" }).click();
  await expect(page).toHaveURL(/\/papers\/[0-9a-f-]{36}$/);
  const editor = page.getByRole("textbox", { name: /^Text of / });
  await waitForText(page);
  await editor.click();
  await paste(page, WORD_HTML);

  await expect(editor).toContainText("States should cooperate on return.");
  await expect(editor.locator("strong")).toHaveText("should");
  await expect(editor.locator("em")).toHaveText("return");
  await expect(editor).toContainText("Data on migration");
  // Word's typed "1." and its styles do not come through.
  await expect(editor).not.toContainText("1.\u00a0");
  const styled = await editor.evaluate((el) => el.querySelectorAll("[style], [class*=Mso], o\\:p").length);
  expect(styled).toBe(0);
  await context.close();
});
