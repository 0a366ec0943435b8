// Page weight on a first load with an empty cache: compressed bytes on the wire per kind
// (HTML, CSS, JS, WASM, fonts, other) for each page of the budget table, against its budget.
// Loopback only.   node bench/weight.mjs BASE EMAIL PASSWORD
import { chromium } from "../tests/node_modules/playwright-core/index.mjs";
import { signIn, totp } from "../tests/e2e/browser.mjs";

const [base, email, password, trainerEmail] = process.argv.slice(2);
const KB = 1000;
const budgets = [
  { page: "landing", path: "/", budget: 60 * KB },
  { page: "catalogue", path: "/courses", budget: 60 * KB },
  { page: "course overview", path: "/courses/igangsaetteruddannelse", budget: 60 * KB },
  { page: "sign-in", path: "/login", budget: 60 * KB },
  { page: "lesson (signed-in volunteer)", path: null, budget: 100 * KB, signedIn: true },
  { page: "lesson with a reflection (island)", path: null, budget: 100 * KB, signedIn: true, reflection: true },
  { page: "lesson editor (trainer)", path: null, budget: 400 * KB, trainer: true },
];

/// Records when every island on the page is awake (each marks an element `data-ready`).
function watchIslands() {
  const mark = () => {
    const islands = [...document.querySelectorAll("leptos-island")];
    if (islands.length && islands.every((i) => i.querySelector("[data-ready]"))) {
      window.__awakeAt ??= performance.now();
    }
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"] });
}

function kind(contentType, url) {
  if (url.endsWith(".wasm") || contentType.includes("wasm")) return "wasm";
  if (contentType.includes("html")) return "html";
  if (contentType.includes("css")) return "css";
  if (contentType.includes("javascript")) return "js";
  if (contentType.includes("font")) return "font";
  return "other";
}

/// Loads `url` in a fresh context (empty cache) and sums the bytes received per kind.
async function weigh(browser, url, storageState) {
  const context = await browser.newContext({ storageState, locale: "da-DK" });
  await context.addInitScript(watchIslands);
  const page = await context.newPage();
  const responses = [];
  page.on("response", (r) => responses.push(r));
  await page.goto(url, { waitUntil: "networkidle" });
  const totals = { html: 0, css: 0, js: 0, wasm: 0, font: 0, other: 0 };
  for (const response of responses) {
    const sizes = await response.request().sizes().catch(() => null);
    if (!sizes) continue;
    const type = response.headers()["content-type"] || "";
    totals[kind(type, response.url())] += sizes.responseBodySize + sizes.responseHeadersSize;
  }
  // Interactive: every island awake, or, on a page without one, the document parsed.
  const timing = await page.evaluate(() => ({
    islands: document.querySelectorAll("leptos-island").length,
    awake: window.__awakeAt ?? null,
    parsed: performance.getEntriesByType("navigation")[0].domInteractive,
  }));
  await context.close();
  totals.islands = timing.islands;
  totals.interactive = timing.islands ? timing.awake : timing.parsed;
  return totals;
}

/// Signs a demo trainer in, sets up the authenticator the first sign-in asks for, and opens
/// the editor of a new lesson in a new course. Returns the signed-in state and the path.
async function trainerEditor(browser) {
  const context = await browser.newContext({ locale: "da-DK" });
  const page = await context.newPage();
  await signIn(page, base, trainerEmail, password);
  await page.waitForURL(base + "/account/two-factor");
  await page.getByRole("button", { name: "Kom i gang" }).click();
  const secret = (await page.locator("code.secret").textContent()).trim();
  await page.getByRole("textbox", { name: "Kode" }).fill(totp(secret, Date.now() / 1000));
  await page.getByRole("button", { name: "Slå til" }).click();
  await page.getByRole("heading", { name: "Dine gendannelseskoder" }).waitFor();
  await page.goto(base + "/authoring");
  await page.getByLabel("Titel", { exact: true }).fill("Sidevægt");
  await page.getByRole("button", { name: "Opret kursus" }).click();
  await page.waitForURL(/\/authoring\/courses\/[0-9a-f-]{36}$/);
  await page.getByLabel("Modulets titel").fill("Et modul");
  await page.getByRole("button", { name: "Tilføj modul" }).click();
  await page.getByLabel("Ny lektion").waitFor();
  await page.getByLabel("Ny lektion").fill("En lektion");
  await page.getByRole("button", { name: "Tilføj lektion" }).click();
  await page.waitForURL(/\/authoring\/lessons\/\d+$/);
  const path = new URL(page.url()).pathname;
  const state = await context.storageState();
  await context.close();
  return { state, path };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  // A volunteer who has started the shipped course, for the lesson page.
  const context = await browser.newContext({ locale: "da-DK" });
  const page = await context.newPage();
  await signIn(page, base, email, password);
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  await page.goto(base + "/courses/igangsaetteruddannelse", { waitUntil: "networkidle" });
  const start = page.getByRole("button", { name: "Start kurset" });
  if (await start.count()) {
    await start.click();
  } else {
    await page.getByRole("link", { name: "Fortsæt" }).first().click();
  }
  await page.waitForURL(/\/learn\/lessons\/\d+$/);
  const lessonPath = new URL(page.url()).pathname;
  // The first module's fourth lesson ends with a reflection.
  for (let i = 0; i < 3; i++) {
    const mark = page.getByRole("button", { name: "Markér som læst" });
    if (await mark.count()) {
      await mark.click();
      await page.getByText("Du har gennemført denne lektion.").waitFor();
    }
    await page.getByRole("link", { name: "Næste lektion" }).click();
    await page.waitForURL(/\/learn\/lessons\/\d+$/);
  }
  await page.locator(".reflection").first().waitFor();
  const reflectionPath = new URL(page.url()).pathname;
  const signedIn = await context.storageState();
  await context.close();
  const trainer = await trainerEditor(browser);

  const kinds = ["html", "css", "js", "wasm", "font", "other"];
  console.log(`| page | ${kinds.map((k) => k + " KB").join(" | ")} | total | budget | | islands | interactive |`);
  console.log(`|---|${kinds.map(() => "---:").join("|")}|---:|---:|---|---:|---:|`);
  let over = 0;
  for (const row of budgets) {
    const path = row.trainer ? trainer.path : row.path ?? (row.reflection ? reflectionPath : lessonPath);
    const state = row.trainer ? trainer.state : row.signedIn ? signedIn : undefined;
    const totals = await weigh(browser, base + path, state);
    const total = kinds.reduce((sum, k) => sum + totals[k], 0);
    const ok = total <= row.budget;
    if (!ok) over += 1;
    const cells = kinds.map((k) => (totals[k] / KB).toFixed(1));
    const interactive = totals.interactive == null ? "never" : `${Math.round(totals.interactive)} ms`;
    console.log(`| ${row.page} | ${cells.join(" | ")} | ${(total / KB).toFixed(1)} KB | ${row.budget / KB} KB | ${ok ? "within" : "OVER"} | ${totals.islands} | ${interactive} |`);
  }
  console.log(over === 0 ? "\nEvery page is within its budget." : `\n${over} page(s) over budget.`);
} finally {
  await browser.close();
}
