// Journey: a coordinator finds their centre's groups from the admin page, posts a new group
// (the meeting town found while typing), and sees the certified igangsætter who may be asked,
// with the reasons; then the same pages on a phone.
//   node groups.mjs BASE COORDINATOR_EMAIL TOTP_SECRET PASSWORD CENTRE_NAME
import { journey, check, checkAccessibility, screenshot, signIn, enterCode, desktop, phone } from "./browser.mjs";

const [base, coordinator, secret, password, centre] = process.argv.slice(2);

const options = { context: { viewport: desktop } };

await journey("groups journey", options, async (page) => {
  await signIn(page, base, coordinator, password);
  await enterCode(page, secret);
  await page.waitForURL(base + "/account");
  await page.goto(base + "/admin", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: centre }).click();
  await page.waitForURL(/\/centres\/[^/]+\/groups$/);
  await page.waitForLoadState("networkidle");
  await page.getByText("Ingen grupper her endnu").waitFor();

  await page.locator(".place-picker[data-ready]").waitFor();
  await page.getByLabel("Find mødestedet").pressSequentially("aarhus");
  await page.getByRole("radio", { name: /Aarhus/ }).check();
  await page.getByLabel("Gruppens navn").fill("Sorggruppe for voksne");
  await page.getByLabel("Emne").selectOption("grief");
  await page.getByLabel("Ugedag").selectOption("tue");
  await page.getByLabel("Klokken").fill("19:00");
  await page.getByLabel("Hvor tit").selectOption("fortnightly");
  const start = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
  await page.getByLabel("Første møde").fill(start);
  await page.getByLabel("Kort beskrivelse").fill("For voksne, der har mistet en nær.");
  await checkAccessibility(page, "a centre's groups and the new group form");
  await screenshot(page, "groups-new");
  await page.getByRole("button", { name: "Opret gruppe" }).click();
  await page.waitForURL(/\/groups\/\d+$/);
  await page.waitForLoadState("networkidle");

  await page.getByRole("heading", { name: "Sorggruppe for voksne" }).waitFor();
  const first = page.locator(".candidates .candidate").first();
  const line = (await first.locator(".reasons").textContent()).trim();
  check(line.includes("km") && line.includes("emne: sorg og tab") && line.includes("tirsdag aften ledig"), `reasons: ${line}`);
  check((await first.locator(".candidate-name").textContent()).includes("ida"), "the certified igangsætter is listed");
  await checkAccessibility(page, "a group and its candidates");
  await screenshot(page, "group-candidates");

  await page.setViewportSize(phone);
  await screenshot(page, "group-candidates-phone");
  await page.getByRole("link", { name: /Tilbage til grupper/ }).click();
  await page.waitForURL(/\/centres\/[^/]+\/groups$/);
  await page.getByRole("link", { name: "Sorggruppe for voksne" }).waitFor();
  await checkAccessibility(page, "the centre's list on a phone");
  await screenshot(page, "groups-list-phone");
});
