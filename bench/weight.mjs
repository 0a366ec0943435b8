// Page weight on a first load with an empty cache: compressed bytes on the wire per kind
// (HTML, CSS, JS, WASM, fonts, other) for each page of the budget table, against its budget.
// Loopback only.   node bench/weight.mjs BASE EMAIL PASSWORD
import { signIn, totp } from "../tests/e2e/browser.mjs";
import { launch, weigh } from "./weigh.mjs";

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

const browser = await launch();
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
