// Journey: a coordinator finds their centre's groups from the admin page, posts a new group
// (the meeting town found while typing), sees the certified igangsætter who may be asked,
// with the reasons, and sends them a request; the igangsætter accepts it on a phone, and the
// group shows as matched in both their lists; the igangsætter marks the first meeting held
// and steps out; the coordinator opens the outcome survey, a participant answers it on a
// phone without signing in, and the coordinator ends the group with a reason; then opens
// the centre's dashboard and downloads its figures as CSV.
//   node groups.mjs BASE COORDINATOR_EMAIL TOTP_SECRET PASSWORD CENTRE_NAME VOLUNTEER_EMAIL
import { readFile } from "node:fs/promises";
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

  // The igangsætter finds the group in their own list, and follows it to its end.
  await phonePage.goto(base + "/my-groups", { waitUntil: "networkidle" });
  const mine = phonePage.locator(".request", { hasText: "Sorggruppe for voksne" });
  await mine.locator(".status", { hasText: "Igangsætter fundet" }).waitFor();
  await checkAccessibility(phonePage, "my groups");
  await screenshot(phonePage, "my-groups-phone");
  await mine.getByRole("button", { name: "Første møde er holdt" }).click();
  await phonePage.getByText("Gruppen er nu: I gang.").waitFor();
  await mine.getByText("Træd ud af gruppen").click();
  await mine.getByLabel(/mine aftalte møder er holdt/).check();
  await mine.getByRole("button", { name: /Træd ud – gruppen kører videre selv/ }).click();
  await phonePage.getByText("Gruppen er nu: Kører selv.").waitFor();

  // The coordinator sees who started it and hands out the survey.
  await page.setViewportSize(desktop);
  await page.goto(groupUrl, { waitUntil: "networkidle" });
  await page.locator(".status", { hasText: "Kører selv" }).first().waitFor();
  check((await page.locator(".igangsaetter").textContent()).includes("ida"), "the group names its igangsætter");
  await page.getByRole("button", { name: "Lav et link til spørgeskemaet" }).click();
  await page.locator(".survey-link").waitFor();
  const link = await page.locator(".survey-link").inputValue();
  check(link.includes("/survey/"), `survey link: ${link}`);
  await checkAccessibility(page, "a self-led group with its survey");
  await screenshot(page, "group-survey");

  const participant = await ctx.open({ viewport: phone });
  await participant.goto(link, { waitUntil: "networkidle" });
  await participant.getByRole("heading", { name: /Hvad har Sorggruppe for voksne givet dig/ }).waitFor();
  await checkAccessibility(participant, "the survey");
  await screenshot(participant, "survey-phone");
  for (const [n, points] of [[0, "5"], [1, "4"], [2, "4"], [3, "3"], [4, "4"]]) {
    await participant.locator("fieldset.scale").nth(n).getByLabel(points, { exact: false }).first().check();
  }
  await participant.getByRole("button", { name: "Send mine svar" }).click();
  await participant.getByRole("heading", { name: "Tak for dine svar" }).waitFor();

  await page.reload({ waitUntil: "networkidle" });
  await page.getByText(/1 har svaret/).waitFor();
  await page.getByText("Afslut gruppen …").click();
  await page.getByLabel(/Hvorfor slutter gruppen/).fill("Deltagerne ses nu privat.");
  await page.getByLabel(/gruppen mødes ikke længere/).check();
  await page.getByRole("button", { name: "Afslut gruppen", exact: true }).click();
  await page.getByText("Gruppen er nu: Afsluttet.").waitFor();
  await page.getByText("Deltagerne ses nu privat.").waitFor();
  await screenshot(page, "group-ended");

  // The centre's results: figures, the chart with its table, and the CSV.
  await page.getByRole("link", { name: /Tilbage til grupper/ }).click();
  await page.waitForURL(/\/centres\/[^/]+\/groups$/);
  await page.getByRole("link", { name: "Se resultater" }).click();
  await page.waitForURL(/\/centres\/[^/]+\/dashboard$/);
  await page.getByRole("heading", { name: /Resultater for/ }).waitFor();
  await page.getByRole("img", { name: "Grupper efter status" }).waitFor();
  const ended = page.locator("table.compact tr", { hasText: "Afsluttet" });
  check((await ended.locator("td").textContent()).trim() === "1", "the table counts the ended group");
  await checkAccessibility(page, "the centre's dashboard");
  await screenshot(page, "centre-dashboard");
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Hent tallene som CSV" }).click(),
  ]);
  const text = await readFile(await csv.path(), "utf8");
  check(text.includes("groups_ended,1") && text.includes("survey_answers,1"), "the CSV holds the figures: " + text);
});
