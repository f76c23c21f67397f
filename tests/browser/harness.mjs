// Shared set-up for the browser tests: Debian's headless Chromium driven by playwright-core,
// the repo served on 127.0.0.1, and a page wrapper that records everything that must not
// happen (page errors, console errors, CSP violations, requests leaving the machine).
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS as BASE_ARGS } from "../../scripts/chromium.mjs";
import { serve } from "../../scripts/serve.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SHOTS = join(ROOT, "test-output", "screenshots");

/**
 * `path` (relative to the repository) when it is there, else null: for the shared seed
 * articles and corpora beside the crate, which a clone elsewhere does not have. The tests of
 * them skip then, as the Rust tests do (tests/support `beside_crate`).
 */
export function besideCrate(path) {
  const full = join(ROOT, path);
  return existsSync(full) ? full : null;
}

const CHROMIUM_ARGS = [
  ...BASE_ARGS,
  // file:// pages in the offline test load the script beside them.
  "--allow-file-access-from-files",
];

/** Starts the server and the browser; call `stop()` in `after`. */
export async function start() {
  const { server, url } = await serve(ROOT, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  return {
    url,
    browser,
    async stop() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * Opens a page in a fresh context and records trouble in `page.problems`. A test ends with
 * `assertClean(page)` unless it provokes errors on purpose.
 */
export async function openPage(browser, { width = 1280, height = 900, colorScheme = "light", javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, javaScriptEnabled });
  const page = await context.newPage();
  page.problems = [];
  page.consoleErrors = [];
  page.on("pageerror", (error) => page.problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") page.consoleErrors.push(message.text());
  });
  page.on("request", (request) => {
    const url = request.url();
    if (!/^(http:\/\/127\.0\.0\.1:\d+\/|file:|data:|about:|blob:)/.test(url)) {
      page.problems.push(`request left the machine: ${url}`);
    }
  });
  page.on("dialog", (dialog) => {
    page.problems.push(`dialog opened: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  // CSP violations are events in the page; collect them into a global the test reads.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return page;
}

/**
 * Fails with every problem the page recorded, CSP violations and console errors included.
 * `allowMissingImages`: the browser's own notes on resources that 404 are expected (pages
 * under tests/ show the sample index, whose relative image URLs have no files there).
 */
export async function assertClean(page, { allowConsoleErrors = false, allowMissingImages = false } = {}) {
  const csp = await page.evaluate(() => window.__cspViolations || []).catch(() => []);
  const problems = [...page.problems, ...csp.map((v) => `CSP violation: ${v}`)];
  const expected = (text) => allowMissingImages && /^Failed to load resource: .* 404/.test(text);
  if (!allowConsoleErrors) problems.push(...page.consoleErrors.filter((t) => !expected(t)).map((text) => `console error: ${text}`));
  if (problems.length) throw new Error(problems.join("\n"));
}

/** Saves a full-page screenshot under test-output/screenshots/NAME.png. */
export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The cards a widget shows (Playwright's CSS locators pierce open shadow roots). */
export function cards(widget) {
  return widget.locator('[part~="card"]');
}

/** Waits until a widget has painted at least one card or its empty/error state. */
export async function painted(widget) {
  await widget
    .locator('[part~="card"]:visible, [part~="empty"]:visible, [part~="error"]:visible')
    .first()
    .waitFor({ timeout: 15000 });
}
