// Journey: a volunteer starts the shipped course, reads the first module's lessons, fails
// and then passes its quiz, writes a reflection (saved as a draft while typing), and sees
// the progress bar move; reloading resumes where they left off. The course's trainer then
// finds the learner in the overview and accepts the reflection.
//   node learning.mjs BASE EMAIL PASSWORD QUIZ_LESSON WRONG_IDS RIGHT_IDS TRAINER SECRET
import { launch, watchedPage, check, screenshot, signIn, enterCode } from "./browser.mjs";

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

const browser = await launch();
let failed = false;
try {
  const problems = [];
  const context = await browser.newContext({ locale: "da-DK", viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context, problems);

  await signIn(page, base, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));

  // Start the course from its overview, naming no centre.
  await page.goto(base + "/courses/" + slug, { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "Start kurset" }).click();
  await page.waitForURL(/\/learn\/lessons\/\d+$/);
  await page.locator(".player-main h1").waitFor();
  check((await progressValue(page)) === 0, "nothing done yet");
  await page.getByText(/Modulet åbner, når du har gennemført/).first().waitFor();
  await screenshot(page, "player-first-lesson");

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
    await page.getByRole("link", { name: "Næste lektion" }).click();
    await page.waitForURL(/\/learn\/lessons\/\d+$/);
    await page.locator(".player-main h1").waitFor();
  }
  check(page.url().endsWith("/learn/lessons/" + quizLesson), "the fourth lesson holds the quiz");

  // The quiz: a failed attempt with feedback, then a pass.
  await tick(page, wrongIds);
  await page.getByRole("button", { name: "Send svar" }).click();
  await page.getByText("Ikke bestået endnu").waitFor();
  await page.getByText("De rigtige svar og forklaringerne kommer, når du har bestået quizzen.").waitFor();
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
  await answer.fill("Jeg fortæller min familie, at jeg ikke kan tale om gruppen.");
  await page.getByText("Kladde gemt.").waitFor();
  await page.reload({ waitUntil: "networkidle" });
  check((await answer.inputValue()).includes("ikke kan tale om gruppen"), "the draft was kept");
  await page.getByRole("button", { name: "Send til din underviser" }).click();
  await page.getByText("Du har gennemført denne lektion.").waitFor();
  await page.getByText("Sendt – venter på din underviser").waitFor();
  await page.locator(".player-module").first().locator(".meta", { hasText: "4/4" }).waitFor();
  check((await progressValue(page)) > last, "the bar moved with the quiz");
  await screenshot(page, "player-module-done");

  // The dashboard continues with the second module.
  await page.getByRole("link", { name: "Min læring" }).click();
  await page.waitForURL(base + "/learn");
  await page.getByRole("link", { name: "Fortsæt" }).waitFor();
  await page.getByText("Sendt – venter på din underviser").waitFor();
  await screenshot(page, "learn-dashboard");
  await page.getByRole("link", { name: "Fortsæt" }).click();
  await page.waitForURL(/\/learn\/lessons\/\d+$/);
  check(!page.url().endsWith("/" + quizLesson), "resumes past the first module");

  await context.close();

  // The trainer follows the learner and reads the reflection.
  const staff = await browser.newContext({ locale: "da-DK", viewport: { width: 1280, height: 900 } });
  const tpage = await watchedPage(staff, problems);
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
  await staff.close();

  const unexpected = problems.filter((p) => !/status of 4\d\d/.test(p));
  check(unexpected.length === 0, "no unexpected console errors or failed requests:\n" + unexpected.join("\n"));
  console.log("learning journey: all checks passed");
} catch (error) {
  failed = true;
  console.error(error.stack || String(error));
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
