// How every browser run here starts Debian's headless Chromium (tests and bench alike): as
// root without a sandbox, and with the background services off, since this machine has no
// network beyond the package registries and Chromium's own calls home would only fail.
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
];
