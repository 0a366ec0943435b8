// Journey: a coordinator finds their centre's groups from the admin page, posts a new group
// (the meeting town found while typing), sees the certified igangsætter who may be asked,
// with the reasons, and sends them a request; the igangsætter accepts it on a phone, and the
// group shows as matched; the centre's list on a phone.
//   node groups.mjs BASE COORDINATOR_EMAIL TOTP_SECRET PASSWORD CENTRE_NAME VOLUNTEER_EMAIL
import { journey, check, checkAccessibility, screenshot, signIn, enterCode, desktop, phone } from "./browser.mjs";

const [base, coordinator, secret, password, centre, volunteer] = process.argv.slice(2);

const options = { context: { viewport: desktop } };

await journey("groups journey", options, async (page, ctx) => {
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

  // The request, with a personal message.
  await first.getByText("Spørg ida").click();
  await first.getByLabel("Personlig besked").fill("Vi tænkte straks på dig, da gruppen kom i stand.");
  await first.getByRole("button", { name: "Send forespørgsel" }).click();
  await page.getByText("Forespørgslen er sendt.").waitFor();
  await page.getByText("Spurgt – venter på svar.").waitFor();
  const groupUrl = page.url().replace(/\?.*$/, "");

  // The igangsætter answers on a phone.
  const phonePage = await ctx.open({ viewport: phone });
  await signIn(phonePage, base, volunteer, password);
  await phonePage.waitForURL((url) => !url.pathname.startsWith("/login"));
  await phonePage.goto(base + "/requests", { waitUntil: "networkidle" });
  await phonePage.getByText("Vi tænkte straks på dig").waitFor();
  await phonePage.getByText("Venter på dit svar").waitFor();
  await checkAccessibility(phonePage, "the requests");
  await screenshot(phonePage, "requests-phone");
  await phonePage.getByRole("button", { name: "Ja, jeg vil gerne" }).click();
  await phonePage.getByText("Tak! Centret kan nu se, at du starter gruppen.").waitFor();
  await phonePage.getByText("Du sagde ja").waitFor();

  await page.goto(groupUrl, { waitUntil: "networkidle" });
  await page.locator(".status", { hasText: "Igangsætter fundet" }).waitFor();
  await page.setViewportSize(phone);
  await screenshot(page, "group-matched-phone");
  await page.getByRole("link", { name: /Tilbage til grupper/ }).click();
  await page.waitForURL(/\/centres\/[^/]+\/groups$/);
  await page.getByRole("link", { name: "Sorggruppe for voksne" }).waitFor();
  await checkAccessibility(page, "the centre's list on a phone");
  await screenshot(page, "groups-list-phone");
});
