// Shared Playwright set-up: Debian's Chromium, headless, fresh profile, console errors collected,
// and the frame every journey runs in.
import { createHmac } from "node:crypto";
import { chromium } from "playwright-core";

/// The window sizes the journeys look at.
export const desktop = { width: 1280, height: 900 };
export const phone = { width: 390, height: 844 };

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/// A page that records console errors and uncaught exceptions into `problems`.
export async function watchedPage(context, problems) {
  const page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  // A request the browser cancelled because the page moved on is not a fault.
  page.on("requestfailed", (req) => {
    const reason = req.failure()?.errorText ?? "";
    if (!reason.includes("ERR_ABORTED")) problems.push(`request failed: ${req.url()} (${reason})`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return page;
}

/// Runs one journey in a fresh browser, then ends the process: exit code 0 when every check
/// passed, 1 otherwise.
///
/// `steps(page, ctx)` gets a watched page in a new context (`options.context`, Danish unless
/// it says otherwise) and `ctx`:
/// - `ctx.browser`: the browser, for contexts whose page is not watched;
/// - `ctx.problems`: what the watched pages recorded (see `watchedPage`);
/// - `ctx.open(contextOptions)`: a further watched page in a context of its own, recording
///   into the same `problems`;
/// - `ctx.checkProblems(allowed, where)`: fails on any recorded problem none of `allowed` matches.
///
/// After the steps, the recorded problems are checked against `options.allowed` and
/// "`name`: all checks passed" is printed. A failure prints its stack and, with SCREENSHOT_DIR
/// set, saves the page last opened and still open as `<name>-failed.png`.
export async function journey(name, options, steps) {
  const browser = await launch();
  const problems = [];
  const pages = [];
  const ctx = {
    browser,
    problems,
    async open(contextOptions = {}) {
      const context = await browser.newContext({ locale: "da-DK", ...contextOptions });
      const page = await watchedPage(context, problems);
      pages.push(page);
      return page;
    },
    checkProblems: (allowed, where) => checkProblems(problems, allowed, where),
  };
  let failed = false;
  try {
    await steps(await ctx.open(options.context), ctx);
    ctx.checkProblems(options.allowed);
    console.log(`${name}: all checks passed`);
  } catch (error) {
    failed = true;
    console.error(error.stack || String(error));
    await screenshotFailure(pages, name);
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
}

/// Fails on any entry of `problems` that none of the `allowed` patterns matches.
export function checkProblems(problems, allowed = [], where = "") {
  const unexpected = problems.filter((p) => !allowed.some((re) => re.test(p)));
  const what = allowed.length > 0 ? "no unexpected console errors or failed requests" : "no console errors or failed requests";
  check(unexpected.length === 0, `${what}${where ? " " + where : ""}:\n` + unexpected.join("\n"));
}

/// Saves what the failing journey's latest open page showed; a page that cannot be
/// captured is only reported, so the failure itself stays the reason given.
async function screenshotFailure(pages, name) {
  const page = pages.findLast((p) => !p.isClosed());
  if (!page) return;
  try {
    await screenshot(page, name.replace(/[^\w]+/g, "-") + "-failed", { timeout: 10_000 });
  } catch (error) {
    console.error(`no screenshot of the failure: ${error.message}`);
  }
}

/// Collects the URLs of the site's scripts and wasm (under /pkg/) that `page` requests from now on.
export function loadedScripts(page) {
  const scripts = [];
  page.on("request", (r) => {
    if (/\/pkg\/.*\.(js|wasm)$/.test(new URL(r.url()).pathname)) scripts.push(r.url());
  });
  return scripts;
}

/// Signs in with email and password on the Danish sign-in page.
export async function signIn(page, base, email, password) {
  await page.goto(base + "/login", { waitUntil: "networkidle" });
  await page.getByLabel("E-mailadresse").fill(email);
  await page.getByLabel("Adgangskode").fill(password);
  await page.locator("form.stack-form").getByRole("button", { name: "Log ind" }).click();
}

/// Completes the second sign-in step with the authenticator code for `secret`.
export async function enterCode(page, secret) {
  await page.waitForURL(/\/login\/two-factor/);
  await page.getByRole("textbox", { name: "Kode" }).fill(totp(secret, Date.now() / 1000 + 30));
  await page.locator("form.stack-form").getByRole("button", { name: "Bekræft" }).click();
}

/// Waits until every island on the page is awake (each marks an element `data-ready`).
export async function islandsAwake(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("leptos-island")].every((island) => island.querySelector("[data-ready]")),
  );
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/// Saves a full-page screenshot as SCREENSHOT_DIR/`name`.png; nothing without SCREENSHOT_DIR.
export async function screenshot(page, name, options = {}) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  const fs = await import("node:fs");
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true, ...options });
}

const AXE_SOURCE = (await import("node:fs")).readFileSync(
  new URL("../node_modules/axe-core/axe.min.js", import.meta.url),
  "utf8",
);

/// Runs axe-core's WCAG 2.1 A and AA rules on the page as it is now, and fails on any
/// violation, naming each rule, its impact and the first nodes it found.
export async function checkAccessibility(page, where) {
  // Evaluated through the browser's debugging channel, so the page's script policy is kept.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      count: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  const lines = violations.map((v) => `${v.id} (${v.impact}) on ${v.count} nodes: ${v.targets.join(" | ")}`);
  check(violations.length === 0, `accessibility violations on ${where}:\n` + lines.join("\n"));
}

function base32(text) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const ch of text.replace(/[\s=]/g, "").toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, "0");
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/// The RFC 6238 code for `secret` at `seconds` (SHA-1, 6 digits, 30-second steps).
export function totp(secret, seconds) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(seconds / 30)));
  const mac = createHmac("sha1", base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, "0");
}

