// Shared set-up of the browser tests: a dossier server and Debian's chromium
// driven by playwright-core (no browser download).
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const outputDir = process.env.BROWSER_TEST_OUTPUT || join(root, "web", "browser", "output");
mkdirSync(outputDir, { recursive: true });

// dossierBin is the binary under test: $DOSSIER_BIN, or one built now.
export function dossierBin() {
  if (process.env.DOSSIER_BIN) return resolve(root, process.env.DOSSIER_BIN);
  const bin = join(mkdtempSync(join(tmpdir(), "dossier-bin-")), "dossier");
  execFileSync("go", ["build", "-o", bin, "./cmd/dossier"], { cwd: root, stdio: "inherit" });
  return bin;
}

// startServer runs `dossier ARGS --addr 127.0.0.1:0`-like commands and
// resolves with the URL it prints.
export function startServer(bin, args) {
  return new Promise((ok, fail) => {
    const proc = spawn(bin, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "";
    const timer = setTimeout(() => { proc.kill(); fail(new Error("server did not start: " + out + err)); }, 60000);
    proc.stdout.on("data", (b) => {
      out += b;
      const m = out.match(/dossier workbench: (\S+)/);
      if (m) { clearTimeout(timer); ok({ url: m[1], stop: () => proc.kill("SIGTERM") }); }
    });
    proc.stderr.on("data", (b) => { err += b; });
    proc.on("exit", (code) => { clearTimeout(timer); fail(new Error(`server exited ${code}: ${err}`)); });
  });
}

export async function freePort() {
  const net = await import("node:net");
  return new Promise((ok) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); });
  });
}

export const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
export const haveChromium = existsSync(chromiumPath);

// launch opens chromium headless with a fresh profile and no network beyond
// what the page asks of our server.
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "dossier-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return context;
}

// watch records what a page must never do: errors, CSP violations, dialogs,
// requests leaving the server.
export function watch(page, origin) {
  const problems = [];
  page.on("pageerror", (e) => problems.push("page error: " + e.message));
  page.on("console", (m) => { if (m.type() === "error") problems.push("console: " + m.text()); });
  page.on("dialog", (d) => { problems.push("dialog: " + d.message()); d.dismiss().catch(() => {}); });
  page.on("request", (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) problems.push("off-site request: " + r.url()); });
  return problems;
}

// ready waits until the page the address names is drawn: "ready" alone may
// still be the previous page's, set before the hashchange event ran.
export async function ready(page) {
  await page.waitForFunction(() => document.body.dataset.ready === "1" && document.body.dataset.route === location.hash, null, { timeout: 20000 });
}
