// How every browser run here starts Debian's headless Chromium (tests and bench alike): as
// root without a sandbox, and with the background services off, since this machine has no
// network beyond the package registries and Chromium's own calls home would only fail.

/**
 * Chromium 156 loads two omnibox popup pages (chrome://omnibox-popup.top-chrome, in a
 * renderer of their own) for every new window, about 0.5 s of CPU, while the window's first
 * page loads. Each test and each cold load of the bench opens a new window (a browser
 * context), so on a 2-core machine that work took CPU from the very page being timed. A
 * person's browser pays it when a window opens, not when a page loads.
 */
const OURS_DISABLED = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

/**
 * Chromium honours only the last `--disable-features` it is given, and Playwright passes a
 * list of its own first, so ours repeats playwright-core's (1.65). The test
 * tests/browser/chromium-flags.test.mjs fails when a Playwright update adds one that this
 * list lacks.
 */
const PLAYWRIGHT_DISABLED = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  `--disable-features=${[...PLAYWRIGHT_DISABLED, ...OURS_DISABLED].join(",")}`,
];
