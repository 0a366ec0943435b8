// Journey: a trainer creates a course with a module, a lesson (with live preview) and a
// question, publishes it, and a volunteer finds it in the catalogue.
//   node authoring.mjs BASE TRAINER_EMAIL TOTP_SECRET VOLUNTEER_EMAIL PASSWORD
import { journey, check, screenshot, signIn, enterCode, islandsAwake, desktop } from "./browser.mjs";

const [base, trainerEmail, secret, volunteerEmail, password] = process.argv.slice(2);
const title = "Samtaler i gruppen";

await journey("authoring journey", { context: { viewport: desktop } }, async (page, ctx) => {
  await signIn(page, base, trainerEmail, password);
  await enterCode(page, secret);
  await page.waitForURL(base + "/account");

  // The header leads trainers to the course editor, which lists the shipped courses.
  await page.getByRole("link", { name: "Kursusredigering" }).click();
  await page.waitForURL(base + "/authoring");
  await page.getByRole("link", { name: "Igangsætteruddannelse" }).waitFor();
  await screenshot(page, "authoring-list");

  // A new course, then a module in it.
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Opret kursus" }).click();
  await page.waitForURL(/\/authoring\/courses\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { name: title, level: 1 }).waitFor();
  await page.getByText("Kurset har ingen moduler endnu").waitFor();
  await page.getByLabel("Modulets titel").fill("At lytte");
  await page.getByRole("button", { name: "Tilføj modul" }).click();
  await page.getByRole("heading", { name: "At lytte", level: 3 }).waitFor();
  const courseUrl = page.url();

  // A lesson: its editor opens, and the preview follows the text as it is typed.
  await page.getByLabel("Ny lektion").fill("Når én taler meget");
  await page.getByRole("button", { name: "Tilføj lektion" }).click();
  await page.waitForURL(/\/authoring\/lessons\/\d+$/);
  await page.getByRole("heading", { name: "Når én taler meget", level: 1 }).waitFor();
  await islandsAwake(page);
  await page.getByLabel("Tidsforbrug i minutter").fill("8");
  await page.getByLabel("Tekst", { exact: true }).fill("## Fordel ordet\n\nAlle **giver** og alle får.\n\n<script>alert(1)</script>");
  await page.locator(".preview-pane strong", { hasText: "giver" }).waitFor();
  check((await page.locator(".preview-pane script").count()) === 0, "no script in the preview");
  await page.getByLabel("Lektionen slutter med en quiz").check();
  await page.getByLabel("Beståelseskrav i procent").fill("80");
  await page.locator("form.wide").getByRole("button", { name: "Gem", exact: true }).click();
  await page.getByText("Gemt.", { exact: true }).waitFor();
  await screenshot(page, "authoring-lesson");

  // A question with two options, one of them right.
  await page.getByLabel("Spørgsmål", { exact: true }).fill("Hvad gør du, når én taler hele tiden?");
  await page.getByLabel("Svarmulighed 1").fill("Jeg takker og spørger de andre");
  await page.getByLabel("Rigtigt svar").first().check();
  await page.getByLabel("Forklaring").first().fill("Så får alle plads.");
  await page.getByLabel("Svarmulighed 2").fill("Jeg lader det køre");
  await page.getByRole("button", { name: "Gem spørgsmålet" }).click();
  await page.locator(".question-card .question-prompt", { hasText: "Hvad gør du" }).waitFor();

  // Publish, after the confirmation.
  await page.goto(courseUrl, { waitUntil: "networkidle" });
  await page.getByText("Kladden er klar til at blive udgivet.").waitFor();
  await screenshot(page, "authoring-course");
  await page.getByRole("link", { name: "Udgiv version 1" }).click();
  await page.getByText("Det er første gang, kurset udgives.").waitFor();
  await page.getByLabel("Ja, udgiv kladden nu").check();
  await page.getByRole("button", { name: "Udgiv version 1" }).click();
  await page.getByText("Kurset er udgivet.").waitFor();
  await page.getByRole("button", { name: "Ret i en ny kladde (version 2)" }).waitFor();
  await screenshot(page, "authoring-published");

  ctx.checkProblems([/status of 4\d\d/]);
  await page.context().close();

  // A volunteer finds the course in the catalogue and opens it.
  const vpage = await ctx.open();
  await signIn(vpage, base, volunteerEmail, password);
  await vpage.waitForURL((url) => !url.pathname.startsWith("/login"));
  await vpage.getByRole("link", { name: "Kurser", exact: true }).click();
  await vpage.waitForURL(base + "/courses");
  await vpage.getByRole("link", { name: title }).click();
  await vpage.getByRole("heading", { name: title, level: 1 }).waitFor();
  await vpage.getByText("Når én taler meget").waitFor();
  await screenshot(vpage, "catalogue-course");
  await vpage.goto(base + "/courses", { waitUntil: "networkidle" });
  await screenshot(vpage, "catalogue");
});
