// Journey: a trainer signs in, is taken to set up an authenticator, enrols with a code,
// keeps the recovery codes, signs out, and signs in again with a fresh code.
//   node two_factor.mjs BASE EMAIL PASSWORD
import { journey, check, screenshot, totp, signIn as signInAt } from "./browser.mjs";

const [base, email, password] = process.argv.slice(2);

await journey("two-factor journey", { allowed: [/status of 422/] }, async (page) => {
  const signIn = () => signInAt(page, base, email, password);

  await signIn();
  await page.waitForURL(base + "/account/two-factor");
  await page.getByRole("button", { name: "Kom i gang" }).click();
  const secret = (await page.locator("code.secret").textContent()).trim();
  check(await page.getByRole("img", { name: "QR-kode til godkendelsesappen" }).isVisible(), "QR code shown");
  await screenshot(page, "two-factor-setup");
  const now = Date.now() / 1000;
  await page.getByRole("textbox", { name: "Kode" }).fill(totp(secret, now));
  await page.getByRole("button", { name: "Slå til" }).click();
  await page.getByRole("heading", { name: "Dine gendannelseskoder" }).waitFor();
  const codes = await page.locator(".recovery-codes code").allTextContents();
  check(codes.length === 10, "ten recovery codes shown");
  await screenshot(page, "two-factor-codes");
  await page.getByRole("link", { name: "Jeg har gemt koderne" }).click();
  await page.waitForURL(base + "/account");
  await page.getByText("Slået til").waitFor();
  await page.getByRole("button", { name: "Log ud", exact: true }).click();
  await page.waitForURL(base + "/");

  // Signing in again asks for a code; the next one from the app works.
  await signIn();
  await page.waitForURL(/\/login\/two-factor/);
  await page.getByRole("textbox", { name: "Kode" }).fill(totp(secret, now + 30));
  await page.locator("form.stack-form").getByRole("button", { name: "Bekræft" }).click();
  await page.waitForURL(base + "/account");
  await page.getByText(email).first().waitFor();
});
