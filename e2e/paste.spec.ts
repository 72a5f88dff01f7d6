// Pasting from Word keeps the text and its emphasis, not Word's styles or typed list numbers.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DialoguePage } from "./pages/dialogue-page";

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

test("pasting from Word keeps text and emphasis, drops Word's styles", async ({ signedInPage }) => {
  const dialogue = new DialoguePage(await signedInPage("rabatPen"), "rabat");
  await dialogue.goto();
  const paper = await dialogue.createPaper("Pasted from Word");
  const { editor, page } = paper;
  await paper.waitForText();
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
});
