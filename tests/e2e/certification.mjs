// Journey: the trainer marks a volunteer present at a workshop on a phone without
// JavaScript; the volunteer, who finished the course, finds their certificate and its PDF;
// an anonymous visitor checks the certificate by typing its code; the volunteer then writes
// their igangsætter profile on a phone, finding their town by its old spelling, and sees the
// card coordinators now see.
//   node certification.mjs BASE TRAINER_EMAIL TOTP_SECRET VOLUNTEER_EMAIL PASSWORD
import { journey, check, checkAccessibility, screenshot, signIn, enterCode, desktop, phone } from "./browser.mjs";

const [base, trainer, secret, volunteer, password] = process.argv.slice(2);

const options = { context: { viewport: desktop }, allowed: [/status of 4\d\d/] };

await journey("certification journey", options, async (page, ctx) => {
  // The trainer, on a phone with JavaScript off, marks who came.
  const trainerPage = await ctx.open({ viewport: phone, javaScriptEnabled: false });
  await signIn(trainerPage, base, trainer, password);
  await enterCode(trainerPage, secret);
  await trainerPage.waitForURL(base + "/account");
  await trainerPage.goto(base + "/teach/workshops");
  await screenshot(trainerPage, "workshops-trainer-phone");
  await trainerPage.getByRole("link", { name: "Fremmødeliste" }).first().click();
  await trainerPage.waitForURL(/\/teach\/workshops\/\d+$/);
  const row = trainerPage.locator(".attendance-row").first();
  check((await row.locator(".state").textContent()).trim() === "Ikke registreret", "not marked yet");
  await screenshot(trainerPage, "workshop-attendance-phone");
  await row.getByRole("button", { name: "Kom", exact: true }).click();
  await trainerPage.locator(".attendance-row .state", { hasText: /^Kom$/ }).waitFor();
  await screenshot(trainerPage, "workshop-attendance-marked-phone");
  // Their course results, on the same phone without JavaScript: a funnel chart with its table.
  await trainerPage.goto(base + "/teach/results");
  await trainerPage.getByRole("heading", { name: "Kursusresultater" }).waitFor();
  await trainerPage.getByRole("heading", { name: "Kommende workshops" }).waitFor();
  await screenshot(trainerPage, "training-results-phone");
  const results = await ctx.open({ viewport: desktop });
  await results.context().addCookies(await trainerPage.context().cookies());
  await results.goto(base + "/teach/results", { waitUntil: "networkidle" });
  await results.getByRole("heading", { name: "Kursusresultater" }).waitFor();
  await checkAccessibility(results, "the course results");

  // The volunteer's certificate is there at once, with its PDF.
  await signIn(page, base, volunteer, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto(base + "/workshops", { waitUntil: "networkidle" });
  await page.getByText("Du har en plads.").waitFor();
  await screenshot(page, "workshops-volunteer");
  await page.goto(base + "/certificates", { waitUntil: "networkidle" });
  await page.locator(".certificate .status", { hasText: "Gyldigt" }).waitFor();
  const code = (await page.locator(".certificate code").first().textContent()).trim();
  check(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/.test(code), `a code, got ${code}`);
  await checkAccessibility(page, "my certificates");
  await screenshot(page, "certificates-mine");
  const pdfHref = await page.getByRole("link", { name: "Hent beviset som PDF" }).getAttribute("href");
  const pdf = await page.request.get(base + pdfHref);
  check(pdf.status() === 200, `the PDF answers ${pdf.status()}`);
  check(pdf.headers()["content-type"] === "application/pdf", "a PDF");
  check((await pdf.body()).subarray(0, 5).toString() === "%PDF-", "PDF bytes");
  const credentialHref = await page.getByRole("link", { name: "Hent digitalt bevis (Open Badges)" }).getAttribute("href");
  const credential = await page.request.get(base + credentialHref);
  check(credential.status() === 200, `the credential answers ${credential.status()}`);
  check(credential.headers()["content-type"] === "application/vc+jwt", "a VC-JWT");
  check((await credential.text()).split(".").length === 3, "a compact JWS");

  // Anyone checks it: a visitor types the code in lower case, on a phone.
  const visitor = await ctx.open({ viewport: phone });
  await visitor.goto(base + "/verify", { waitUntil: "networkidle" });
  await visitor.getByLabel("Kode").fill(code.toLowerCase());
  await visitor.getByRole("button", { name: "Tjek beviset" }).click();
  await visitor.locator(".verified .status", { hasText: "Gyldigt" }).waitFor();
  await visitor.getByText("Certificeret igangsætter").first().waitFor();
  check(!(await visitor.content()).includes(volunteer), "the address is not shown");
  await checkAccessibility(visitor, "the public check");
  await screenshot(visitor, "verify-phone");

  // Certified, the volunteer writes the profile coordinators will see, on a phone.
  await page.setViewportSize(phone);
  await page.goto(base + "/profile", { waitUntil: "networkidle" });
  await page.getByText("Du har ikke udfyldt din profil endnu").waitFor();
  // The town list follows the typing, with no page load; the old spelling finds it.
  await page.locator(".place-picker[data-ready]").waitFor();
  await page.getByLabel("Find din hjemby").pressSequentially("Århus");
  await page.getByRole("radio", { name: /Aarhus/ }).waitFor();
  check(new URL(page.url()).pathname === "/profile" && !page.url().includes("q="), "no page load");
  await page.getByText(/byer passer på søgningen|by passer på søgningen/).waitFor();
  await page.getByRole("radio", { name: /Aarhus/ }).check();
  await page.getByLabel("Hvor langt vil du køre? (km)").fill("40");
  await page.getByLabel("sorg og tab").check();
  await page.getByLabel("tirsdag aften").check();
  await checkAccessibility(page, "the profile form");
  await screenshot(page, "profile-form-phone", { fullPage: true });
  await page.getByRole("button", { name: "Gem profil" }).click();
  await page.waitForURL(/\/profile\?saved=1$/);
  await page.getByText("Koordinatorer kan se din profil").waitFor();
  const card = page.locator(".candidate-card");
  const text = await card.textContent();
  check(text.includes("Aarhus (Region Midtjylland)") && text.includes("kører op til 40 km"), `the card: ${text}`);
  check(text.includes("sorg og tab") && text.includes("tirsdag aften"), `topics and slots: ${text}`);
  await checkAccessibility(page, "the saved profile");
  await page.setViewportSize(desktop);
  await screenshot(page, "profile-saved", { fullPage: true });
});
