// Journey: a Danish visitor opens the landing page, opens the values (a native accordion,
// no script) and uses the language switch; then the same page without JavaScript.
//   node landing.mjs BASE
import { journey, check, screenshot, loadedScripts, desktop, phone } from "./browser.mjs";

const base = process.argv[2];

await journey("landing journey", { context: { viewport: desktop } }, async (page, ctx) => {
  // Hydrated.
  await page.goto(base + "/", { waitUntil: "networkidle" });
  check((await page.getAttribute("html", "lang")) === "da", "html lang is da");
  check(await page.getByRole("heading", { level: 1, name: "Hjælp en ny selvhjælpsgruppe godt i gang" }).isVisible(), "Danish heading");

  // The landing page has no island: no script, no wasm.
  const scripts = loadedScripts(page);

  // The values: a native accordion, the first open, one open at a time.
  const value = (id) => page.locator(`#value-${id}`);
  const isOpen = (id) => value(id).evaluate((el) => el.open);
  check(await isOpen("gensidighed"), "mutuality starts open");
  check(!(await isOpen("ligevaerdighed")), "equality starts closed");
  await page.getByText("Ligeværdighed", { exact: true }).click();
  check(await isOpen("ligevaerdighed"), "a click opens equality");
  check(!(await isOpen("gensidighed")), "and closes mutuality");
  check(await page.getByText(/Der er ingen eksperter i gruppen/).isVisible(), "equality's text shown");

  // Keyboard: Tab reaches each name, Enter opens it.
  await value("medmenneskelighed").locator("summary").focus();
  await page.keyboard.press("Enter");
  check(await isOpen("medmenneskelighed"), "Enter opens humanity");
  check(!(await isOpen("ligevaerdighed")), "and closes equality");
  await screenshot(page, "landing-da-desktop");

  // Language switch (a form post), after hydration.
  await page.getByRole("button", { name: "Norsk" }).click();
  await page.waitForLoadState("networkidle");
  check((await page.getAttribute("html", "lang")) === "nb", "switched to nb");
  check(await page.getByRole("heading", { level: 1, name: "Hjelp en ny selvhjelpsgruppe godt i gang" }).isVisible(), "Norwegian heading");
  await page.getByText("Likeverd", { exact: true }).click();
  check(await isOpen("ligevaerdighed"), "the Norwegian values open too");
  await page.getByRole("button", { name: "Dansk" }).click();
  await page.waitForLoadState("networkidle");
  check((await page.getAttribute("html", "lang")) === "da", "back to da");

  // Small screen.
  await page.setViewportSize(phone);
  await screenshot(page, "landing-da-mobile");

  check(scripts.length === 0, "the landing page loads no script or wasm:\n" + scripts.join("\n"));
  ctx.checkProblems();
  await page.context().close();

  // Without JavaScript: everything readable, the switch still works. What this page
  // records is all there is to check from here on.
  const plainPage = await ctx.open({ javaScriptEnabled: false, locale: "en-GB" });
  await plainPage.goto(base + "/");
  check((await plainPage.getAttribute("html", "lang")) === "en", "Accept-Language en gives English");
  for (const id of ["gensidighed", "ligevaerdighed", "medmenneskelighed"]) {
    check(await plainPage.locator(`#value-${id} summary`).isVisible(), `value ${id} named without JavaScript`);
  }
  await plainPage.getByText("Equal worth", { exact: true }).click();
  check(await plainPage.locator("#value-ligevaerdighed").evaluate((el) => el.open), "the values open without JavaScript");
  await screenshot(plainPage, "landing-en-nojs");
  await plainPage.getByRole("button", { name: "Dansk" }).click();
  await plainPage.waitForLoadState("load");
  check((await plainPage.getAttribute("html", "lang")) === "da", "switch works without JavaScript");
  ctx.checkProblems([], "without JavaScript");
});
