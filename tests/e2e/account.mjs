// Journey: a volunteer signs up, confirms the address from the mail, signs in and out; later
// they read the privacy page, download their data and delete their account.
// Run in steps, because the mail arrives between the first two:
//   node account.mjs BASE sign-up EMAIL PASSWORD
//   node account.mjs BASE confirm-and-sign-in EMAIL PASSWORD LINK
//   node account.mjs BASE export-and-delete EMAIL PASSWORD
import { readFile } from "node:fs/promises";
import { journey, check, checkAccessibility, screenshot, signIn } from "./browser.mjs";

const [base, step, email, password, link] = process.argv.slice(2);
// Refusals the journey provokes on purpose show up as failed responses; nothing else may.
const allowed = [/HTTP 422: .*\/api\/auth\/sign-up$/, /HTTP 401: .*\/api\/auth\/log-in$/, /status of 4(22|01)/];

await journey(`account journey (${step})`, { allowed }, async (page, { browser }) => {
  if (step === "sign-up") {
    // Without JavaScript a refused form comes back with its errors shown.
    const plain = await browser.newContext({ locale: "da-DK", javaScriptEnabled: false });
    const plainPage = await plain.newPage();
    await plainPage.goto(base + "/signup");
    await plainPage.getByLabel("Navn").fill("Freja Frivillig");
    await plainPage.getByLabel("E-mailadresse").fill("freja@");
    await plainPage.getByLabel("Adgangskode").fill("kort");
    await plainPage.locator("form.stack-form").getByRole("button", { name: "Opret konto" }).click();
    await plainPage.waitForLoadState("load");
    check(await plainPage.getByText("Formularen blev ikke sendt.").isVisible(), "no-JS: the form says it was not sent");
    check(await plainPage.getByText("Det ligner ikke en e-mailadresse.").isVisible(), "no-JS: the field says why");
    await plain.close();

    await page.goto(base + "/", { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "Opret konto" }).click();
    await page.waitForURL(base + "/signup");
    await page.getByRole("heading", { name: "Opret en konto" }).waitFor();
    // A too-short password first: the field says why, and nothing typed is lost.
    await page.getByLabel("Navn").fill("Freja Frivillig");
    await page.getByLabel("E-mailadresse").fill(email);
    await page.getByLabel("Adgangskode").fill("kort");
    await page.locator("form.stack-form").getByRole("button", { name: "Opret konto" }).click();
    await page.getByText("Adgangskoden skal have mindst 12 tegn.").waitFor();
    check((await page.getByLabel("Navn").inputValue()) === "Freja Frivillig", "name kept after an error");
    check((await page.getByLabel("Adgangskode").getAttribute("aria-invalid")) === "true", "password marked invalid");
    await screenshot(page, "signup-error");
    // Long but common passwords: the field says what makes each easy to guess.
    await page.getByLabel("Adgangskode").fill("password1234");
    await page.locator("form.stack-form").getByRole("button", { name: "Opret konto" }).click();
    await page.getByText("den er blandt de mest brugte og lækkede adgangskoder").waitFor();
    await page.getByLabel("Adgangskode").fill("Password1234");
    await page.locator("form.stack-form").getByRole("button", { name: "Opret konto" }).click();
    await page.getByText("det er en almindelig adgangskode med et tal tilføjet").waitFor();
    await screenshot(page, "signup-weak-password");
    await page.getByLabel("Adgangskode").fill(password);
    await page.locator("form.stack-form").getByRole("button", { name: "Opret konto" }).click();
    await page.waitForURL(base + "/signup/check-email");
    await page.getByRole("heading", { name: "Tjek din indbakke" }).waitFor();
  } else if (step === "confirm-and-sign-in") {
    await page.goto(link, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Bekræft adressen" }).click();
    await page.waitForURL(/\/login\?verified=1$/);
    await page.getByText("Din adresse er bekræftet.").waitFor();
    await page.getByLabel("E-mailadresse").fill(email);
    await page.getByLabel("Adgangskode").fill(password);
    await page.locator("form.stack-form").getByRole("button", { name: "Log ind" }).click();
    await page.waitForURL(base + "/account");
    await page.getByText("Freja Frivillig").first().waitFor();
    check(await page.getByRole("link", { name: "Min konto" }).isVisible(), "header shows the account link");
    await screenshot(page, "account");
    await page.getByRole("button", { name: "Log ud", exact: true }).click();
    await page.waitForURL(base + "/");
    await page.getByRole("link", { name: "Log ind" }).waitFor();
    // Signed out for real: the account page sends the visitor to sign in.
    await page.goto(base + "/account", { waitUntil: "networkidle" });
    check(page.url().startsWith(base + "/login"), "account page asks for sign-in after signing out: " + page.url());
  } else if (step === "export-and-delete") {
    await signIn(page, base, email, password);
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto(base + "/account", { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "Sådan passer vi på dine oplysninger" }).click();
    await page.waitForURL(base + "/privacy");
    await page.getByRole("heading", { name: "Dine oplysninger i Igang" }).waitFor();
    await checkAccessibility(page, "the privacy page");
    await screenshot(page, "privacy");
    await page.getByRole("link", { name: "Til min konto" }).click();
    await page.waitForURL(/\/account/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Hent mine data" }).click(),
    ]);
    const data = JSON.parse(await readFile(await download.path(), "utf8"));
    check(data.account.email === email, "the download holds the account: " + JSON.stringify(data.account));
    check(data.account.name === "Freja Frivillig", "the download holds the name");
    await page.getByLabel("Nuværende adgangskode").last().fill(password);
    await page.getByLabel(/min konto bliver slettet for altid/).check();
    await screenshot(page, "account-delete");
    await page.getByRole("button", { name: "Slet min konto" }).click();
    await page.waitForURL(/\/\?deleted=1$/);
    await page.goto(base + "/login", { waitUntil: "networkidle" });
    await page.getByLabel("E-mailadresse").fill(email);
    await page.getByLabel("Adgangskode").fill(password);
    await page.locator("form.stack-form").getByRole("button", { name: "Log ind" }).click();
    await page.getByText("E-mailadressen eller adgangskoden er forkert.").waitFor();
  } else {
    throw new Error("unknown step " + step);
  }
});
