// One page's first load with an empty cache, for a signed-in person whose session cookie is
// given: compressed bytes per kind and time until interactive, against the lesson page's
// budgets (100 KB, 1 s). Loopback only.   node bench/first-load.mjs BASE PATH "igang_session=..."
import { launch, weigh } from "./weigh.mjs";

const [base, path, cookie] = process.argv.slice(2);
const KB = 1000;
const BUDGET_BYTES = 100 * KB;
const BUDGET_MS = 1000;
const [name, ...rest] = cookie.split("=");
const { hostname } = new URL(base);
const state = {
  cookies: [{ name, value: rest.join("="), domain: hostname, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" }],
  origins: [],
};
const browser = await launch();
try {
  const totals = await weigh(browser, base + path, state);
  const kinds = ["html", "css", "js", "wasm", "font", "other"];
  const total = kinds.reduce((sum, k) => sum + totals[k], 0);
  const interactive = totals.interactive == null ? null : Math.round(totals.interactive);
  console.log(JSON.stringify({
    path,
    kb: Object.fromEntries(kinds.map((k) => [k, +(totals[k] / KB).toFixed(1)])),
    total_kb: +(total / KB).toFixed(1),
    islands: totals.islands,
    interactive_ms: interactive,
    within_budget: total <= BUDGET_BYTES && interactive != null && interactive <= BUDGET_MS,
  }));
} finally {
  await browser.close();
}
