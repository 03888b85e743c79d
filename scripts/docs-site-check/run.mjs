// Looks at the typedoc site as a person would: serves docs-site/ on 127.0.0.1, opens it in Debian's
// headless Chromium (playwright-core, no browser download), follows the navigation to an SDK page and
// a class page, and uses the search box. Screenshots go to .tmp/docs-site/. Exits non-zero on failure.
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const root = new URL("../..", import.meta.url).pathname;
const site = join(root, "docs-site");
const shots = join(root, ".tmp", "docs-site");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(join(site, "index.html"))) fail(`no site at ${site}: run \`pnpm docs\` first`);
if (!existsSync(executablePath)) fail(`no Chromium at ${executablePath}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
mkdirSync(shots, { recursive: true });

const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json" };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  let file = join(site, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!file.startsWith(site) || !existsSync(file)) {
    res.writeHead(404).end("not found");
    return;
  }
  res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const failures = [];
const step = async (label, fn) => {
  try {
    await fn();
    console.log(`ok    ${label}`);
  } catch (error) {
    failures.push(label);
    console.log(`FAIL  ${label}: ${String(error?.message ?? error).split("\n")[0]}`);
  }
};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await step("index renders with the root README and the four packages", async () => {
    await page.goto(base, { waitUntil: "load" });
    await page.getByRole("heading", { name: /Research-facility SDKs for TypeScript/ }).first().waitFor({ timeout: 10_000 });
    // The side navigation is built by typedoc's script; collapsed entries are in the DOM but hidden.
    for (const module of ["pyppms-ts", "timesync-ts", "_facility-sdk_http-core", "_facility-sdk_test-cache"]) {
      await page.locator(`.site-menu a[href$="modules/${module}.html"], #tsd-nav-container a[href$="modules/${module}.html"]`).first().waitFor({ state: "attached", timeout: 10_000 });
    }
    await page.screenshot({ path: join(shots, "index.png") });
  });
  await step("navigation leads to the pyppms-ts page and its README", async () => {
    await page.locator(`#tsd-nav-container a[href$="modules/pyppms-ts.html"], .site-menu a[href$="modules/pyppms-ts.html"]`).first().click();
    await page.waitForURL(/modules\/pyppms-ts\.html/);
    await page.getByText("The pyppms examples, in TypeScript").first().waitFor({ timeout: 10_000 });
  });
  await step("the PpmsConnection class page documents connect()", async () => {
    await page.locator(`.col-content a[href$="PpmsConnection.html"]`).first().click();
    await page.waitForURL(/PpmsConnection/);
    await page.getByRole("heading", { name: /connect/ }).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(shots, "ppms-connection.png") });
  });
  for (const term of ["PpmsConnection", "TimeSync", "RecordReplayCache"]) {
    await step(`search finds ${term}`, async () => {
      await page.goto(base, { waitUntil: "load" });
      await page.keyboard.press("/"); // typedoc's shortcut opens the search
      const box = page.locator("#tsd-search-input, #tsd-search input").first();
      await box.waitFor({ state: "visible", timeout: 10_000 });
      await box.fill(term);
      await page.locator("#tsd-search-results li, .results li").filter({ hasText: term }).first().waitFor({ timeout: 10_000 });
      if (term === "TimeSync") await page.screenshot({ path: join(shots, "search.png") });
    });
  }
  await step("no script errors on the pages", async () => {
    if (errors.length > 0) throw new Error(errors.join("; "));
  });
} finally {
  await browser.close();
  server.close();
}
if (failures.length > 0) fail(`${failures.length} check(s) failed; screenshots in ${shots}`);
console.log(`docs-site check: all passed; screenshots in ${shots}`);

function fail(message) {
  console.error(`docs-site check: ${message}`);
  process.exit(1);
}
