// Page weight on a first load with an empty cache: compressed bytes on the wire per kind
// (HTML, CSS, JS, WASM, fonts, other) for each page of the budget table, against its budget.
// Loopback only.   node bench/weight.mjs BASE EMAIL PASSWORD
import { chromium } from "../tests/node_modules/playwright-core/index.mjs";

const [base, email, password] = process.argv.slice(2);
const KB = 1000;
const budgets = [
  { page: "landing", path: "/", budget: 60 * KB },
  { page: "catalogue", path: "/courses", budget: 60 * KB },
  { page: "course overview", path: "/courses/igangsaetteruddannelse", budget: 60 * KB },
  { page: "sign-in", path: "/login", budget: 60 * KB },
  { page: "lesson (signed-in volunteer)", path: null, budget: 100 * KB, signedIn: true },
];

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
  await context.close();
  return totals;
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
  await page.goto(base + "/login");
  await page.getByLabel("E-mailadresse").fill(email);
  await page.getByLabel("Adgangskode").fill(password);
  await page.locator("form.stack-form").getByRole("button", { name: "Log ind" }).click();
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
  const signedIn = await context.storageState();
  await context.close();

  const kinds = ["html", "css", "js", "wasm", "font", "other"];
  console.log(`| page | ${kinds.join(" | ")} | total | budget | |`);
  console.log(`|---|${kinds.map(() => "---:").join("|")}|---:|---:|---|`);
  let over = 0;
  for (const row of budgets) {
    const path = row.path ?? lessonPath;
    const totals = await weigh(browser, base + path, row.signedIn ? signedIn : undefined);
    const total = Object.values(totals).reduce((a, b) => a + b, 0);
    const ok = total <= row.budget;
    if (!ok) over += 1;
    const cells = kinds.map((k) => (totals[k] / KB).toFixed(1));
    console.log(`| ${row.page} | ${cells.join(" | ")} | ${(total / KB).toFixed(1)} KB | ${row.budget / KB} KB | ${ok ? "within" : "OVER"} |`);
  }
  console.log(over === 0 ? "\nEvery page is within its budget." : `\n${over} page(s) over budget.`);
} finally {
  await browser.close();
}
