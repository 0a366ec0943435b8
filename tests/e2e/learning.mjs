// Journey: a volunteer starts the shipped course, reads the first module's lessons, fails
// and then passes its quiz, writes a reflection (saved as a draft while typing), and sees
// the progress bar move; reloading resumes where they left off. The course's trainer then
// finds the learner in the overview and accepts the reflection.
//   node learning.mjs BASE EMAIL PASSWORD QUIZ_LESSON WRONG_IDS RIGHT_IDS TRAINER SECRET
import { journey, check, checkAccessibility, screenshot, signIn, enterCode, islandsAwake, loadedScripts, desktop, phone } from "./browser.mjs";

const [base, email, password, quizLesson, wrongIds, rightIds, trainer, secret] = process.argv.slice(2);
const slug = "igangsaetteruddannelse";

async function progressValue(page) {
  return Number(await page.locator(".player-nav .progress-line progress").getAttribute("value"));
}

async function tick(page, ids) {
  for (const id of ids.split(",")) {
    await page.locator("#" + id).check();
  }
}

/// Runs the accessibility audit at desktop and at phone width.
async function audit(page, where) {
  await checkAccessibility(page, where + " at desktop width");
  await page.setViewportSize(phone);
  await checkAccessibility(page, where + " at phone width");
  await page.setViewportSize(desktop);
}

/// Space between the lesson text's first list and the block after it.
async function spaceAfterList(page) {
  return page.evaluate(() => {
    const list = document.querySelector(".prose ul, .prose ol");
    const next = list?.nextElementSibling;
    return next ? next.getBoundingClientRect().top - list.getBoundingClientRect().bottom : -1;
  });
}

// A refused request (4xx) logged to the console is allowed; nothing else may go wrong.
const options = { context: { viewport: desktop }, allowed: [/status of 4\d\d/] };

await journey("learning journey", options, async (page, ctx) => {
  // Scripts and wasm the pages load: only a page with an island (the reflection's draft
  // saving) may load any.
  const scripts = loadedScripts(page);
  const loadsNoScript = (where) => {
    check(scripts.length === 0, `${where} loads no JavaScript or wasm, got:\n${scripts.join("\n")}`);
  };

  await signIn(page, base, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));

  // Start the course from its overview, naming no centre.
  await page.goto(base + "/courses/" + slug, { waitUntil: "networkidle" });
  await audit(page, "the course overview");
  await page.getByRole("button", { name: "Start kurset" }).click();
  await page.waitForURL(/\/learn\/lessons\/\d+$/);
  await page.locator(".player-main h1").waitFor();
  check((await progressValue(page)) === 0, "nothing done yet");
  await page.getByText(/Modulet åbner, når du har gennemført/).first().waitFor();
  await screenshot(page, "player-first-lesson");

  // Wide: the outline stays open beside the lesson. Phone: it folds into one line naming
  // the module and the progress, and the lesson's title is on the first screen.
  check(await page.locator(".player-nav .player-modules").isVisible(), "the outline is open on a wide screen");
  check(await page.locator(".outline-fold > summary").isHidden(), "no fold's line on a wide screen");
  check((await spaceAfterList(page)) >= 12, "a list in the lesson text is followed by space (desktop)");
  await page.setViewportSize(phone);
  check(await page.locator(".outline-fold > summary").isVisible(), "the outline is one line on a phone");
  check(await page.locator(".player-nav .player-modules").isHidden(), "the outline is folded on a phone");
  const fold = page.locator(".outline-fold > summary");
  check(/Modul 1 af \d+: .+/.test(await fold.innerText()) && /0 %/.test(await fold.innerText()), "the folded outline names the module and the progress");
  await screenshot(page, "player-phone-folded");
  // The title and the start of the text are on the first screen.
  const top = (selector) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const titleTop = await top(".player-main h1");
  const textTop = await top(".player-main .prose");
  check(textTop < phone.height - 120, `the lesson text starts on the first screen of a phone (title at ${titleTop} px, text at ${textTop} px)`);
  check((await spaceAfterList(page)) >= 12, "a list in the lesson text is followed by space (phone)");
  await fold.click();
  check(await page.locator(".player-nav .player-modules").isVisible(), "the folded outline opens with a tap");
  await screenshot(page, "player-phone-open");
  await fold.press("Enter");
  check(await page.locator(".player-nav .player-modules").isHidden(), "and closes from the keyboard");
  await page.setViewportSize(desktop);
  await audit(page, "a reading lesson");
  loadsNoScript("the course overview and a reading lesson");

  // Three reading lessons: mark each as done; the bar moves each time.
  let last = 0;
  for (let i = 0; i < 3; i++) {
    await page.getByRole("button", { name: "Markér som læst" }).click();
    await page.getByText("Du har gennemført denne lektion.").waitFor();
    await page.waitForFunction((before) => Number(document.querySelector(".player-nav .progress-line progress").value) > before, last);
    last = await progressValue(page);
    if (i === 1) {
      // Leaving and coming back resumes: the reloaded page knows the lesson is done.
      await page.reload({ waitUntil: "networkidle" });
      await page.getByText("Du har gennemført denne lektion.").waitFor();
      check((await progressValue(page)) === last, "progress survives a reload");
    }
    loadsNoScript(`reading lesson ${i + 1}, marked as read`);
    await page.getByRole("link", { name: "Næste lektion" }).click();
    await page.waitForURL(/\/learn\/lessons\/\d+$/);
    await page.locator(".player-main h1").waitFor();
  }
  check(page.url().endsWith("/learn/lessons/" + quizLesson), "the fourth lesson holds the quiz");

  // The quiz: a failed attempt with feedback, then a pass.
  await audit(page, "a lesson with a quiz");
  await tick(page, wrongIds);
  await page.getByRole("button", { name: "Send svar" }).click();
  await page.getByText("Ikke bestået endnu").waitFor();
  await page.getByText("De rigtige svar og forklaringerne kommer, når du har bestået quizzen.").waitFor();
  await audit(page, "quiz feedback");
  check((await page.locator(".explanation").count()) === 0, "no explanations before the quiz is passed");
  await screenshot(page, "player-quiz-feedback");
  await page.getByRole("heading", { name: "Prøv igen" }).waitFor();
  await tick(page, rightIds);
  await page.getByRole("button", { name: "Send svar" }).click();
  await page.getByText("Bestået", { exact: true }).waitFor();
  await page.locator(".explanation").first().waitFor();
  check((await page.getByText("Du har gennemført denne lektion.").count()) === 0, "the reflection is still to come");

  // The reflection is saved as a draft while typing, and kept over a reload.
  const answer = page.locator(".reflection textarea");
  await islandsAwake(page);
  await answer.fill("Jeg fortæller min familie, at jeg ikke kan tale om gruppen.");
  await page.getByText("Kladde gemt.").waitFor();
  check(scripts.some((u) => u.endsWith(".wasm")), "the lesson with a reflection wakes its island");
  await page.reload({ waitUntil: "networkidle" });
  check((await answer.inputValue()).includes("ikke kan tale om gruppen"), "the draft was kept");
  await page.getByRole("button", { name: "Send til din underviser" }).click();
  await page.getByText("Du har gennemført denne lektion.").waitFor();
  await page.getByText("Sendt – venter på din underviser").waitFor();
  await page.locator(".player-nav .player-module").first().locator(".meta", { hasText: "4/4" }).waitFor();
  check((await progressValue(page)) > last, "the bar moved with the quiz");
  await screenshot(page, "player-module-done");

  // The dashboard continues with the second module.
  await page.getByRole("link", { name: "Min læring" }).click();
  await page.waitForURL(base + "/learn");
  await page.getByRole("link", { name: "Fortsæt" }).waitFor();
  await page.getByText("Sendt – venter på din underviser").waitFor();
  await audit(page, "the dashboard");
  await screenshot(page, "learn-dashboard");
  await page.getByRole("link", { name: "Fortsæt" }).click();
  await page.waitForURL(/\/learn\/lessons\/\d+$/);
  check(!page.url().endsWith("/" + quizLesson), "resumes past the first module");

  // Without JavaScript the learner reads on the same way: the lesson is a plain page and
  // marking it read is a plain form.
  const context = page.context();
  const plain = await ctx.browser.newContext({ locale: "da-DK", javaScriptEnabled: false, storageState: await context.storageState() });
  const plainPage = await plain.newPage();
  await plainPage.goto(page.url());
  check(await plainPage.locator(".player-main h1").isVisible(), "no-JS: the lesson is shown");
  const before = Number(await plainPage.locator(".player-nav .progress-line progress").getAttribute("value"));
  await plainPage.getByRole("button", { name: "Markér som læst" }).click();
  await plainPage.waitForLoadState("load");
  check(await plainPage.getByText("Du har gennemført denne lektion.").isVisible(), "no-JS: the lesson is marked as read");
  check(Number(await plainPage.locator(".player-nav .progress-line progress").getAttribute("value")) > before, "no-JS: the bar moved");
  await plain.close();

  await context.close();

  // The trainer follows the learner and reads the reflection.
  const tpage = await ctx.open({ viewport: desktop });
  await signIn(tpage, base, trainer, password);
  await enterCode(tpage, secret);
  await tpage.waitForURL((url) => !url.pathname.startsWith("/login"));
  await tpage.getByRole("link", { name: "Undervisning" }).click();
  await tpage.waitForURL(base + "/teach");
  await tpage.getByRole("link", { name: "Igangsætteruddannelse" }).click();
  await tpage.waitForURL(/\/teach\/courses\/[0-9a-f-]{36}$/);
  await tpage.getByRole("cell", { name: /frida/ }).waitFor();
  await tpage.getByLabel("Status").selectOption("not_started");
  await tpage.getByRole("button", { name: "Vis", exact: true }).click();
  await tpage.getByText("Ingen deltagere passer til filtret.").waitFor();
  await tpage.getByLabel("Status").selectOption("in_progress");
  await tpage.getByRole("button", { name: "Vis", exact: true }).click();
  await tpage.getByRole("cell", { name: /frida/ }).waitFor();
  await screenshot(tpage, "teach-learners");
  await tpage.goto(base + "/teach/reviews", { waitUntil: "networkidle" });
  await tpage.locator("blockquote.answer", { hasText: "ikke kan tale om gruppen" }).waitFor();
  await screenshot(tpage, "teach-reviews");
  await tpage.getByRole("button", { name: "Gem vurdering" }).click();
  await tpage.getByText("Der er ingen refleksioner at læse lige nu.").waitFor();
  await tpage.context().close();
});
