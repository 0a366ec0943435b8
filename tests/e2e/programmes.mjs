// Journey: an administrator opens the shipped programme from the admin pages, asks for two
// workshops instead of one, and saves; a text naming a course that does not exist comes
// back with the problem in words and the text kept to fix. Both with JavaScript, and the
// fix without it on a phone. Then the national figures, still empty here: per region,
// month by month as a chart beside its table, and as CSV. Last, an invitation sent to a new
// trainer and withdrawn again, and the password given again before handing out a role.
//   node programmes.mjs BASE ADMIN_EMAIL TOTP_SECRET PASSWORD
import { readFile } from "node:fs/promises";
import { journey, check, checkAccessibility, screenshot, signIn, enterCode, desktop, phone } from "./browser.mjs";

const [base, admin, secret, password] = process.argv.slice(2);

const options = { context: { viewport: desktop }, allowed: [/status of 422/, /HTTP 422/] };

await journey("programmes journey", options, async (page, ctx) => {
  await signIn(page, base, admin, password);
  await enterCode(page, secret);
  await page.waitForURL(base + "/account");
  await page.goto(base + "/admin", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "Certificeringsprogrammer" }).click();
  await page.waitForURL(base + "/admin/programmes");
  await checkAccessibility(page, "the programmes");
  await screenshot(page, "programmes");
  await page.getByRole("link", { name: "Certificeret igangsætter" }).click();
  await page.waitForURL(/\/admin\/programmes\/certificeret-igangsaetter$/);
  await page.waitForLoadState("networkidle");

  const box = page.getByLabel("Programmet (programme.yaml)");
  const text = await box.inputValue();
  check(text.includes("workshops: 1"), "the shipped programme asks for one workshop");
  await box.fill(text.replace("workshops: 1", "workshops: 2"));
  await page.getByRole("button", { name: "Gem programmet" }).click();
  await page.getByText("Programmet er gemt.").waitFor();
  check((await box.inputValue()).includes("workshops: 2"), "the saved text is shown");
  await checkAccessibility(page, "a saved programme");
  await screenshot(page, "programme-saved");

  // A course that does not exist: the problem in words, the text kept.
  await box.fill((await box.inputValue()).replace("course: igangsaetteruddannelse", "course: findes-ikke"));
  await page.getByRole("button", { name: "Gem programmet" }).click();
  await page.getByText("Der er intet kursus med det korte navn findes-ikke.").waitFor();
  check((await box.inputValue()).includes("course: findes-ikke"), "the typed text stays");
  check((await page.getByText("Programmet er gemt.").count()) === 0, "no word of a save that did not happen");
  await checkAccessibility(page, "a refused programme");
  await screenshot(page, "programme-refused");

  // Without JavaScript on a phone (the same session: an authenticator code is taken once),
  // the same refusal, then the fix.
  const plain = await ctx.open({ viewport: phone, javaScriptEnabled: false });
  await plain.context().addCookies(await page.context().cookies());
  await plain.goto(base + "/admin/programmes/certificeret-igangsaetter");
  const plainBox = plain.getByLabel("Programmet (programme.yaml)");
  const saved = await plainBox.inputValue();
  await plainBox.fill(saved.replace("validity_months: 24", "validity_months: 0"));
  await plain.getByRole("button", { name: "Gem programmet" }).click();
  await plain.getByText("validity_months skal være mellem 1 og 120, eller udelades.").waitFor();
  await screenshot(plain, "programme-refused-phone");
  await plain.getByLabel("Programmet (programme.yaml)").fill(saved.replace("validity_months: 24", "validity_months: 36"));
  await plain.getByRole("button", { name: "Gem programmet" }).click();
  await plain.getByText("Programmet er gemt.").waitFor();
  check((await plain.getByLabel("Programmet (programme.yaml)").inputValue()).includes("validity_months: 36"), "saved without JavaScript");

  // The national figures.
  await page.goto(base + "/admin", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "Landstal" }).click();
  await page.waitForURL(base + "/admin/results");
  await page.getByRole("img", { name: "Grupper måned for måned" }).waitFor();
  await page.getByRole("link", { name: "Region", exact: true }).click();
  await page.waitForURL(/level=region/);
  // No centre has posted a group here yet: the areas say so; the months still show.
  await page.getByText("Ingen grupper eller igangsættere endnu.").waitFor();
  await checkAccessibility(page, "the national figures by region");
  await screenshot(page, "national-results");
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Hent tallene som CSV" }).click(),
  ]);
  const figures = await readFile(await csv.path(), "utf8");
  check(figures.startsWith("kind,level,area,month,") && figures.includes("month,region,"), "the CSV holds the figures: " + figures);

  // An invitation to a new trainer, then taken back before it is used.
  await page.goto(base + "/admin", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "Invitationer" }).click();
  await page.waitForURL(base + "/admin/invitations");
  await page.getByLabel("E-mailadresse").fill("ny.underviser@x.test");
  await page.getByLabel("Rolle").selectOption("trainer");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await page.getByText("Invitationen er sendt.").waitFor();
  const withdraw = page.getByRole("button", { name: "Træk tilbage (ny.underviser@x.test)" });
  await withdraw.waitFor();
  await checkAccessibility(page, "the invitations");
  await screenshot(page, "invitations");
  await withdraw.click();
  await page.getByText("Invitationen er trukket tilbage.").waitFor();
  check((await page.getByText("ny.underviser@x.test").count()) === 0, "the withdrawn invitation is gone from the list");

  // The password again, then back to the page that asked.
  await page.goto(base + "/account/confirm?next=%2Fadmin%2Fusers", { waitUntil: "networkidle" });
  await checkAccessibility(page, "giving the password again");
  await screenshot(page, "confirm-password");
  await page.getByLabel("Nuværende adgangskode").fill(password);
  await page.getByRole("button", { name: "Bekræft og fortsæt" }).click();
  await page.waitForURL(base + "/admin/users");
});
