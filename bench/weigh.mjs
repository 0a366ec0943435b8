// A first load with an empty cache in headless Chromium: compressed bytes on the wire per
// kind, and when the page became interactive. Shared by the page-weight benchmarks.
import { chromium } from "../tests/node_modules/playwright-core/index.mjs";

/// Headless Debian Chromium with a fresh profile, kept off the network.
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/// Records when every island on the page is awake (each marks an element `data-ready`).
function watchIslands() {
  const mark = () => {
    const islands = [...document.querySelectorAll("leptos-island")];
    if (islands.length && islands.every((i) => i.querySelector("[data-ready]"))) {
      window.__awakeAt ??= performance.now();
    }
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"] });
}

function kind(contentType, url) {
  if (url.endsWith(".wasm") || contentType.includes("wasm")) return "wasm";
  if (contentType.includes("html")) return "html";
  if (contentType.includes("css")) return "css";
  if (contentType.includes("javascript")) return "js";
  if (contentType.includes("font")) return "font";
  return "other";
}

/// Loads `url` in a fresh context (empty cache) and sums the bytes received per kind.
export async function weigh(browser, url, storageState) {
  const context = await browser.newContext({ storageState, locale: "da-DK" });
  await context.addInitScript(watchIslands);
  const page = await context.newPage();
  const responses = [];
  page.on("response", (r) => responses.push(r));
  await page.goto(url, { waitUntil: "networkidle" });
  const totals = { html: 0, css: 0, js: 0, wasm: 0, font: 0, other: 0 };
  for (const response of responses) {
    const sizes = await response.request().sizes().catch(() => null);
    if (!sizes) continue;
    const type = response.headers()["content-type"] || "";
    totals[kind(type, response.url())] += sizes.responseBodySize + sizes.responseHeadersSize;
  }
  // Interactive: every island awake, or, on a page without one, the document parsed.
  const timing = await page.evaluate(() => ({
    islands: document.querySelectorAll("leptos-island").length,
    awake: window.__awakeAt ?? null,
    parsed: performance.getEntriesByType("navigation")[0].domInteractive,
  }));
  await context.close();
  totals.islands = timing.islands;
  totals.interactive = timing.islands ? timing.awake : timing.parsed;
  return totals;
}

