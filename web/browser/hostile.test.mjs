// An article full of <script>, onerror= and javascript: payloads is ingested
// into a database and served with `dossier serve --db`; no payload may run on
// any page, and the text must show literally.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root, dossierBin, startServer, freePort, launch, watch, ready, outputDir, haveChromium, chromiumPath } from "./helpers.mjs";

let server, context;

before(async () => {
  if (!haveChromium) return;
  const bin = dossierBin();
  const db = join(mkdtempSync(join(tmpdir(), "dossier-hostile-")), "hostile.db");
  execFileSync(bin, ["ingest", "--db", db, join(root, "web/browser/testdata/hostile.txt"), join(root, "web/browser/testdata/hostile.html")], { cwd: root });
  const port = await freePort();
  server = await startServer(bin, ["serve", "--db", db, "--addr", `127.0.0.1:${port}`]);
  context = await launch();
});
after(async () => {
  if (context) await context.close();
  if (server) server.stop();
});

test("hostile article: nothing runs, everything shows as text", { skip: !haveChromium && `no browser at ${chromiumPath}` }, async () => {
  const page = await context.newPage();
  const origin = new URL(server.url).origin;
  const problems = watch(page, origin);
  const pwned = () => page.evaluate(() => window.__pwned);
  const visits = [];
  await page.goto(server.url);
  await ready(page);
  const docs = await page.$$eval(".hit .title a", (as) => as.map((a) => a.getAttribute("href")));
  assert.equal(docs.length, 2, "both hostile documents listed");
  visits.push("#/");
  for (const href of docs) visits.push(href);
  for (const href of visits) {
    await page.goto(server.url + href);
    await ready(page);
    if (href.startsWith("#/doc/")) {
      await page.locator("#article").hover();
      for (const a of await page.$$("#article a.ent")) visits.push(await a.getAttribute("href"));
      // The payloads are on screen as text.
      const text = await page.textContent("#article");
      assert.ok(text.includes("<script>") || text.includes("<img src=x"), "payload shown literally");
      await page.screenshot({ path: join(outputDir, "hostile-" + href.replace(/\W+/g, "_") + ".png") });
    }
    assert.equal(await pwned(), undefined, `payload ran on ${href}`);
  }
  for (const href of [...new Set(visits.filter((h) => h.startsWith("#/entity/")))].slice(0, 8)) {
    await page.goto(server.url + href);
    await ready(page);
    assert.equal(await pwned(), undefined, `payload ran on ${href}`);
  }
  for (const href of ["#/graph", "#/timeline", "#/map", "#/?q=script", "#/?q=onerror"]) {
    await page.goto(server.url + href);
    await ready(page);
    assert.equal(await pwned(), undefined, `payload ran on ${href}`);
  }
  // No element built from the article carries an event handler or a javascript: link.
  const bad = await page.evaluate(() => [...document.querySelectorAll("*")].filter((e) =>
    [...e.attributes].some((a) => a.name.startsWith("on") || /^\s*javascript:/i.test(a.value))).length);
  assert.equal(bad, 0);
  for (const href of docs) {
    await page.goto(server.url + href);
    await ready(page);
    assert.equal(await page.locator("a[href^='javascript']").count(), 0, "no javascript: link");
    assert.equal(await page.locator("#article script, #article img, #article svg, #article iframe").count(), 0, "no markup from the text");
  }
  assert.deepEqual(problems.filter((p) => !p.includes("favicon")), []);
});

test("a request without the token is refused beyond loopback", { skip: !haveChromium && `no browser at ${chromiumPath}` }, async () => {
  const port = await freePort();
  const guarded = await startServer(dossierBin(), ["demo", "--no-open", "--addr", `0.0.0.0:${port}`, "--token", "browser-test-token"]);
  try {
    const page = await context.newPage();
    const bare = await page.goto(`http://127.0.0.1:${port}/`);
    assert.equal(bare.status(), 401);
    const api = await page.goto(`http://127.0.0.1:${port}/api/stats`);
    assert.equal(api.status(), 401);
    assert.match(await page.textContent("body"), /"error"/);
    await page.goto(`http://127.0.0.1:${port}/?token=browser-test-token`);
    await ready(page);
    assert.match(await page.textContent("#corpus-stats"), /32 documents/);
  } finally {
    guarded.stop();
  }
});
