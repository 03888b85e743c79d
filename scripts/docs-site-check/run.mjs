// Looks at the typedoc site as a person would: serves docs-site/ on 127.0.0.1, opens it in Debian's
// headless Chromium (playwright-core, no browser download), checks the landing page (docs/index.md),
// follows its links to every guide (docs/guides/*.md) and checks a heading and a line of each (a table
// row of the two migration tables, with its link to the reference), follows the navigation to an SDK
// page and a class page, and uses the search box. Any page that is missing, any request for a file of
// the site that fails, and any script error is a failure. Screenshots go to .tmp/docs-site/. Exits
// non-zero on failure.
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
// The guides, as the landing page lists them: the link text, the page's title, and what the page must
// show. For the two migration tables, a row (a call of the Python package and its counterpart) and the
// reference page its link must lead to.
const guides = [
  { title: "Getting started with pyppms-ts", text: "Booking rights" },
  { title: "Getting started with timesync-ts", text: "Record time" },
  {
    title: "Migrating from pyppms",
    text: "Where pyppms-ts differs on purpose",
    row: { cells: ["get_users_emails(users=None, active=False)", "ppms.getUsersEmails({ users, active })"], link: /classes\/pyppms-ts\.PpmsConnection\.html#getusersemails$/ },
  },
  {
    title: "Migrating from pymesync",
    text: "Test mode becomes the fake server",
    row: { cells: ["update_time(time, uuid)", "ts.updateTime(uuid, patch)"], link: /classes\/timesync-ts\.TimeSync\.html#updatetime$/ },
  },
  { title: "Testing your code", text: "What is never recorded, and why" },
  { title: "Errors, retries, timeouts and cancellation", text: "Status classes match by status" },
  { title: "Logging and tracing", text: "OpenTelemetry spans" },
];
const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // A file of the site that is missing (a page, a script, a stylesheet, an image) is a failure too.
  page.on("response", (res) => {
    if (res.url().startsWith(base) && res.status() >= 400) errors.push(`${res.status()} for ${res.url().slice(base.length - 1)}`);
  });
  page.on("requestfailed", (req) => {
    // ERR_ABORTED is a navigation superseded by the next one (a click, then a goto), not a missing file.
    const why = req.failure()?.errorText ?? "";
    if (req.url().startsWith(base) && why !== "net::ERR_ABORTED") errors.push(`request failed: ${req.url().slice(base.length - 1)} (${why})`);
  });
  await step("the landing page is docs/index.md: the two SDKs, how to install one, a first call, the four packages in the menu", async () => {
    const res = await page.goto(base, { waitUntil: "load" });
    if (res?.status() !== 200) throw new Error(`landing page answered ${res?.status()}`);
    await page.getByRole("heading", { level: 1, name: /Research-facility SDKs for TypeScript/ }).first().waitFor({ timeout: 10_000 });
    await page.getByRole("heading", { name: /A first call to PPMS/ }).first().waitFor({ timeout: 10_000 });
    await page.locator(".col-content table tr", { hasText: "pyppms" }).filter({ hasText: "PPMS" }).first().waitFor({ timeout: 10_000 });
    await page.locator(".col-content table tr", { hasText: "pymesync" }).filter({ hasText: "TimeSync" }).first().waitFor({ timeout: 10_000 });
    // Until the first release the packages are not on the registry: the page says how to install from tarballs.
    await page.locator(".col-content pre", { hasText: "pack:tarballs" }).first().waitFor({ timeout: 10_000 });
    // The contributors' set-up stays in the repository README: it is not the site's front page.
    if ((await page.getByText("pnpm test:all").count()) > 0) throw new Error("the front page shows the contributors' set-up (the repo README)");
    // The side navigation is built by typedoc's script; collapsed entries are in the DOM but hidden.
    for (const module of ["pyppms-ts", "timesync-ts", "_facility-sdk_http-core", "_facility-sdk_test-cache"]) {
      await page.locator(`.site-menu a[href$="modules/${module}.html"], #tsd-nav-container a[href$="modules/${module}.html"]`).first().waitFor({ state: "attached", timeout: 10_000 });
    }
    await page.screenshot({ path: join(shots, "index.png"), fullPage: true });
  });
  for (const [index, guide] of guides.entries()) {
    await step(`the landing page links to "${guide.title}", which shows its heading${guide.row ? ", its table and the row's reference link" : ""}`, async () => {
      await page.goto(base, { waitUntil: "load" });
      const link = page.locator(".col-content table a", { hasText: new RegExp(`^${escapeRe(guide.title)}$`) }).first();
      await link.waitFor({ timeout: 10_000 });
      const href = await link.getAttribute("href");
      const res = await page.goto(new URL(href ?? "", base).href, { waitUntil: "load" });
      if (res?.status() !== 200) throw new Error(`${href} answered ${res?.status()}`);
      await page.getByRole("heading", { level: 1, name: new RegExp(`^${escapeRe(guide.title)}`) }).first().waitFor({ timeout: 10_000 });
      await page.getByRole("heading", { name: new RegExp(escapeRe(guide.text)) }).first().waitFor({ timeout: 10_000 });
      // Each guide is also in the side navigation.
      await page.locator(`#tsd-nav-container a[href$="${href?.split("/").pop()}"], .site-menu a[href$="${href?.split("/").pop()}"]`).first().waitFor({ state: "attached", timeout: 10_000 });
      await page.screenshot({ path: join(shots, `guide-${index + 1}.png`) });
      if (guide.row) {
        const row = page.locator(".col-content table tr", { hasText: guide.row.cells[0] }).filter({ hasText: guide.row.cells[1] }).first();
        await row.waitFor({ timeout: 10_000 });
        await row.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(shots, `guide-${index + 1}-table.png`) });
        const target = await row.locator("a").first().getAttribute("href");
        if (!guide.row.link.test(target ?? "")) throw new Error(`the row's link goes to ${target}`);
        const api = await page.goto(new URL(target ?? "", page.url()).href, { waitUntil: "load" });
        if (api?.status() !== 200) throw new Error(`${target} answered ${api?.status()}`);
      }
    });
  }
  await step("navigation leads to the pyppms-ts page and its README", async () => {
    // The menu groups the packages under "Modules" (and the guides under "Guides"); open it as a reader would.
    const moduleLink = page.locator(`#tsd-nav-container a[href$="modules/pyppms-ts.html"]`).first();
    if (!(await moduleLink.isVisible())) await page.locator("#tsd-nav-container summary", { hasText: /^\s*Modules\s*$/ }).first().click();
    await moduleLink.click();
    await page.waitForURL(/modules\/pyppms-ts\.html/);
    await page.getByText("The pyppms examples, in TypeScript").first().waitFor({ timeout: 10_000 });
  });
  await step("the PpmsConnection class page documents connect()", async () => {
    await page.locator(`.col-content a[href$="PpmsConnection.html"]`).first().click();
    await page.waitForURL(/PpmsConnection/);
    await page.getByRole("heading", { name: /connect/ }).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(shots, "ppms-connection.png") });
  });
  await step("the pyppms-ts and timesync-ts menus start with the connection; the errors are a group of their own", async () => {
    await page.goto(base, { waitUntil: "load" });
    for (const [module, connection] of [["pyppms-ts", "PpmsConnection"], ["timesync-ts", "TimeSync"]]) {
      await page.locator(`#tsd-nav-container a[href$="modules/${module}.html"]`).first().waitFor({ state: "attached", timeout: 10_000 });
      // The module's entries in menu order: group headings (summary) and links, hidden ones included.
      const entries = await page.evaluate((m) => {
        const link = document.querySelector(`#tsd-nav-container a[href$="modules/${m}.html"]`);
        const item = link?.closest("li");
        const own = link?.textContent?.trim();
        return item ? [...item.querySelectorAll("ul summary, ul a")].map((e) => e.textContent?.trim() ?? "").filter((t) => t !== own) : [];
      }, module);
      if (entries[0] !== "Connection" || entries[1] !== connection) throw new Error(`${module}'s menu starts with ${entries.slice(0, 3).join(", ")}`);
      const errors = entries.indexOf("Errors");
      const core = entries.indexOf("HttpCoreError");
      if (errors < 0 || core < errors || entries.indexOf("Classes") > errors) throw new Error(`${module}: the re-exported http-core errors are not under "Errors" (${entries.slice(0, 12).join(", ")} …)`);
    }
  });
  await step("the PpmsConnection page does not draw its method families as superclasses; an error page keeps its hierarchy", async () => {
    await page.goto(new URL("classes/pyppms-ts.PpmsConnection.html", base).href, { waitUntil: "load" });
    await page.getByRole("heading", { name: /connect/ }).first().waitFor({ timeout: 10_000 });
    if (await page.locator("section.tsd-hierarchy").first().isVisible()) throw new Error("the Hierarchy panel lists the method families as superclasses");
    await page.locator(".col-content a", { hasText: "PpmsUsersApi" }).first().waitFor({ timeout: 10_000 });
    await page.goto(new URL("classes/pyppms-ts.PpmsUserNotFoundError.html", base).href, { waitUntil: "load" });
    await page.locator("section.tsd-hierarchy").first().waitFor({ state: "visible", timeout: 10_000 });
  });
  await step("the @facility-sdk/test-cache/msw subpath has its page, with createMswDispatcher", async () => {
    const res = await page.goto(new URL("modules/_facility-sdk_test-cache.msw.html", base).href, { waitUntil: "load" });
    if (res?.status() !== 200) throw new Error(`the msw page answered ${res?.status()}`);
    await page.getByText("@facility-sdk/test-cache/msw").first().waitFor({ timeout: 10_000 });
    await page.locator(".col-content a", { hasText: "createMswDispatcher" }).first().waitFor({ timeout: 10_000 });
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
  await step("no script errors and no missing files on the pages", async () => {
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
