// dossier workbench: a single page over the JSON API (docs/API.md).
//
// Article text is untrusted. Every string from the API reaches the page
// through textContent or setAttribute on a fixed list of attributes, never
// through innerHTML; links are built from ids, and a source URL is shown as a
// link only when it is http(s). The Content-Security-Policy forbids inline
// script, so this file is the only code that runs.
"use strict";

(() => {
  const main = document.getElementById("main");
  const SAFE_ATTRS = new Set(["class", "href", "title", "id", "type", "name", "value", "placeholder", "for",
    "checked", "selected", "disabled", "open", "min", "max", "data-start", "data-end", "data-id", "aria-label",
    "role", "tabindex", "autocomplete", "list", "viewBox", "cx", "cy", "r", "x", "y", "x1", "x2", "y1", "y2",
    "width", "height", "d", "transform", "text-anchor", "rel", "target"]);
  const SVG_NS = "http://www.w3.org/2000/svg";
  const PREDICATES = ["leads", "member_of", "part_of", "affiliated_with", "allied_with", "opposes", "located_in", "attacked"];
  const MODALITIES = ["asserted", "reported", "hedged", "denied"];
  const TYPES = ["PER", "ORG", "LOC"];

  // safeHref keeps in-app links and http(s) URLs; anything else (javascript:, data:) is dropped.
  function safeHref(v) {
    const s = String(v);
    if (s.startsWith("#/") || s.startsWith("/assets/")) return s;
    if (/^https?:\/\//i.test(s)) return s;
    return null;
  }

  // el builds an element; children are nodes or strings (always text).
  function el(tag, attrs, ...children) {
    const node = tag.startsWith("svg:") ? document.createElementNS(SVG_NS, tag.slice(4)) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (!SAFE_ATTRS.has(k)) throw new Error("attribute not allowed: " + k);
      if (k === "href") {
        const h = safeHref(v);
        if (h === null) continue;
        node.setAttribute("href", h);
        if (!h.startsWith("#") && !h.startsWith("/")) node.setAttribute("rel", "noopener noreferrer nofollow");
        continue;
      }
      node.setAttribute(k, v === true ? "" : String(v));
    }
    append(node, children);
    return node;
  }
  function append(node, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function show(...children) { clear(main); append(main, children); window.scrollTo(0, 0); }

  // Routing: #/page/arg?query
  function parseHash() {
    const h = location.hash.replace(/^#\/?/, "");
    const [path, query] = h.split("?", 2);
    const parts = path.split("/").map(decodeURIComponent);
    return { page: parts[0] || "search", arg: parts.slice(1).join("/"), params: new URLSearchParams(query || "") };
  }
  function link(page, arg, params) {
    let h = "#/" + page;
    if (arg !== undefined && arg !== null && arg !== "") h += "/" + encodeURIComponent(arg);
    const q = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v !== undefined && v !== null)).toString() : "";
    return q ? h + "?" + q : h;
  }
  const entityLink = (id, name, type) => el("a", { href: link("entity", id), class: "entity-link", title: type || "" }, name);
  const docLink = (id, title, at) => el("a", { href: link("doc", id, at !== undefined ? { at } : null), class: "doc-link" }, title || ("document " + id));
  const chip = (type) => el("span", { class: "chip " + type }, type);

  async function api(path, params) {
    const q = params ? "?" + new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v !== undefined && v !== null)).toString() : "";
    const res = await fetch("/api/" + path + (q === "?" ? "" : q), { credentials: "same-origin", headers: { Accept: "application/json" } });
    let body;
    try { body = await res.json(); } catch { throw new Error("the server answered " + res.status + " without JSON"); }
    if (!res.ok) throw new Error(body && body.error ? body.error : "error " + res.status);
    return body;
  }
  function errorBox(err) { return el("div", { class: "error", role: "alert" }, String(err && err.message ? err.message : err)); }

  // Byte offsets: spans index the UTF-8 text, so pages slice its bytes.
  function byteText(text) {
    const bytes = new TextEncoder().encode(text);
    const dec = new TextDecoder();
    return { len: bytes.length, sub: (a, b) => dec.decode(bytes.subarray(a, b)) };
  }

  // ---------- search ----------
  async function searchPage(params) {
    const q = Object.fromEntries(params.entries());
    const form = el("form", { class: "searchbar", role: "search" },
      el("input", { type: "search", name: "q", value: q.q || "", placeholder: "Search the corpus: words, \"a phrase\", a OR b, -word, prefix*", "aria-label": "query", id: "q" }),
      el("input", { type: "text", name: "since", value: q.since || "", placeholder: "since YYYY-MM-DD", "aria-label": "since" }),
      el("input", { type: "text", name: "until", value: q.until || "", placeholder: "until YYYY-MM-DD", "aria-label": "until" }),
      el("button", { type: "submit", class: "primary" }, "Search"),
      el("p", { class: "muted hint", id: "search-hint" },
        "All words must occur; \"a phrase\" in quotes; a OR b for either; -word or -\"a phrase\" to exclude; prefix* for word starts. Case and accents do not matter. The entity type facet keeps the documents that name an entity of that type."));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const fd = new FormData(form);
      location.hash = link("search", "", { ...q, q: fd.get("q"), since: fd.get("since"), until: fd.get("until"), page: "" });
    });
    const facets = el("aside", { class: "facets" });
    const results = el("section", { class: "results" }, el("p", { class: "muted" }, "Searching…"));
    show(form, el("div", { class: "layout" }, facets, results));
    let res;
    try { res = await api("search", q); } catch (err) { clear(results).appendChild(errorBox(err)); return; }
    const facet = (title, key, values, label) => {
      if (!values || !values.length) return null;
      return el("div", { class: "facet panel", id: "facet-" + key },
        el("h3", {}, title),
        el("ul", {}, values.map((v) => el("li", { class: q[key] === v.value ? "selected" : "" },
          el("a", { href: link("search", "", { ...q, [key]: q[key] === v.value ? "" : v.value, page: "" }) },
            v.type ? chip(v.type) : null, " ", label ? label(v) : v.value),
          el("span", { class: "count" }, String(v.count))))));
    };
    const years = (res.facets.year || []).map((y) => ({ ...y, value: y.value }));
    append(facets, [
      facet("Entity", "entity", res.facets.entity, (v) => v.label),
      facet("Entity type", "type", res.facets.type),
      facet("Language", "lang", res.facets.lang),
      facet("Outlet", "outlet", res.facets.outlet),
      years.length ? el("div", { class: "facet panel" }, el("h3", {}, "Year"),
        el("ul", {}, years.map((y) => el("li", {}, el("a", { href: link("search", "", { ...q, since: y.value, until: y.value, page: "" }) }, y.value), el("span", { class: "count" }, String(y.count)))))) : null,
    ]);
    clear(results);
    const active = ["entity", "type", "lang", "outlet", "since", "until"].filter((k) => q[k]);
    append(results, [el("p", { class: "muted", id: "result-count" }, res.total_capped ? `more than ${res.total.toLocaleString("en")} documents` : `${res.total} document${res.total === 1 ? "" : "s"}`,
      active.length ? [" · filters: ", active.map((k) => [el("a", { href: link("search", "", { ...q, [k]: "", page: "" }), title: "remove" }, `${k}=${q[k]} ✕`), " "])] : null)]);
    for (const h of res.hits) {
      const d = h.doc;
      results.appendChild(el("article", { class: "hit" },
        el("div", { class: "title" }, docLink(d.id, d.title)),
        el("div", { class: "meta" }, [d.published || (d.ingested && "undated, ingested " + d.ingested), d.outlet, d.lang, d.name].filter(Boolean).join(" · ")),
        el("div", { class: "snippet" }, h.snippet.map((p) => p.hit ? el("mark", {}, p.text) : p.text))));
    }
    const pages = Math.ceil(res.total / res.size);
    if (pages > 1) {
      const pager = el("nav", { class: "pager", "aria-label": "pages" });
      const go = (p, text) => el("a", { href: link("search", "", { ...q, page: p }) }, text || String(p));
      if (res.page > 1) pager.appendChild(go(res.page - 1, "‹ Previous"));
      for (let p = Math.max(1, res.page - 4); p <= Math.min(pages, res.page + 4); p++) {
        pager.appendChild(p === res.page ? el("span", { class: "current" }, String(p)) : go(p));
      }
      if (res.page < pages) pager.appendChild(go(res.page + 1, "Next ›"));
      results.appendChild(pager);
    }
  }

  // ---------- document ----------
  const tooltip = el("div", { class: "tooltip", role: "tooltip" });
  tooltip.hidden = true;
  document.body.appendChild(tooltip);

  async function docPage(id, params) {
    let d;
    try { d = await api("documents/" + encodeURIComponent(id)); } catch (err) { show(errorBox(err)); return; }
    const bt = byteText(d.text);
    // Every annotation becomes an interval; the text is cut at every boundary
    // and each piece carries the classes of the intervals covering it.
    const iv = [];
    d.boilerplate.forEach((s) => iv.push({ s: s.start, e: s.end, kind: "boiler" }));
    d.claims.forEach((c, i) => iv.push({ s: c.evidence.start, e: c.evidence.end, kind: "claim", i }));
    d.quotes.forEach((q, i) => (q.parts && q.parts.length ? q.parts : [q]).forEach((p) => iv.push({ s: p.start, e: p.end, kind: "quote", i })));
    d.quotes.forEach((q, i) => { if (q.speaker && q.speaker.span.end > q.speaker.span.start) iv.push({ s: q.speaker.span.start, e: q.speaker.span.end, kind: "speaker", i }); });
    d.timexes.forEach((t, i) => iv.push({ s: t.start, e: t.end, kind: "timex", i }));
    d.figures.forEach((f, i) => iv.push({ s: f.start, e: f.end, kind: "figure", i }));
    d.mentions.forEach((m, i) => iv.push({ s: m.start, e: m.end, kind: "mention", i }));
    const cuts = new Set([0, bt.len]);
    iv.forEach((x) => { if (x.s >= 0 && x.e <= bt.len && x.s < x.e) { cuts.add(x.s); cuts.add(x.e); } });
    const bounds = [...cuts].sort((a, b) => a - b);
    const starts = new Map();
    iv.forEach((x) => { if (x.s < x.e) { if (!starts.has(x.s)) starts.set(x.s, []); starts.get(x.s).push(x); } });
    const article = el("div", { class: "article", id: "article" });
    let open = [];
    const describeClaim = (c) => {
      const s = d.entities[c.subject], o = d.entities[c.object];
      return `${s ? s.name : "?"} —${c.predicate}→ ${o ? o.name : "?"}\nmodality: ${c.modality}\nattribution: ${c.attribution ? c.attribution.name : "the article"}\nconfidence: ${Number(c.confidence).toFixed(2)}`;
    };
    for (let k = 0; k + 1 < bounds.length; k++) {
      const a = bounds[k], b = bounds[k + 1];
      open = open.filter((x) => x.e > a);
      if (starts.has(a)) open.push(...starts.get(a));
      const classes = [];
      const titles = [];
      let mention = null;
      for (const x of open) {
        if (x.kind === "mention") { mention = d.mentions[x.i]; continue; }
        classes.push(x.kind);
        if (x.kind === "claim") titles.push(describeClaim(d.claims[x.i]));
        if (x.kind === "quote") { const q = d.quotes[x.i]; titles.push("quote" + (q.speaker ? " by " + q.speaker.name : "")); }
        if (x.kind === "figure") { const f = d.figures[x.i]; titles.push(`figure: ${f.value} ${f.unit} (${f.qualifier})`); }
        if (x.kind === "timex") { const t = d.timexes[x.i]; titles.push(`date: ${t.value} (${t.precision}${t.relative ? ", relative" : ""})`); }
      }
      const piece = bt.sub(a, b);
      let node;
      if (mention) {
        const ent = mention.entity >= 0 ? d.entities[mention.entity] : null;
        classes.push("ent", mention.type);
        titles.unshift(`${mention.type}: ${ent ? ent.name : piece}`);
        node = ent && ent.id ? el("a", { href: link("entity", ent.id), class: classes.join(" ") }, piece) : el("span", { class: classes.join(" ") }, piece);
      } else if (classes.length) {
        node = el("span", { class: classes.join(" ") }, piece);
      } else {
        node = document.createTextNode(piece);
      }
      if (node.nodeType === 1) {
        node.setAttribute("data-start", String(a));
        if (titles.length) node.setAttribute("title", titles.join("\n"));
        const claimIx = open.filter((x) => x.kind === "claim").map((x) => x.i);
        if (claimIx.length) node.dataset.claims = claimIx.join(",");
      }
      article.appendChild(node);
    }
    article.addEventListener("mouseover", (ev) => {
      const t = ev.target.closest && ev.target.closest("[data-claims]");
      if (!t) { tooltip.hidden = true; return; }
      clear(tooltip);
      t.dataset.claims.split(",").forEach((i) => {
        const c = d.claims[+i];
        tooltip.appendChild(el("div", { class: "claim-tip" }, describeClaim(c).split("\n").map((l) => el("div", {}, l))));
      });
      tooltip.hidden = false;
    });
    article.addEventListener("mousemove", (ev) => { tooltip.style.left = ev.clientX + 14 + "px"; tooltip.style.top = ev.clientY + 14 + "px"; });
    article.addEventListener("mouseleave", () => { tooltip.hidden = true; });

    const jump = (start) => {
      const target = [...article.querySelectorAll("[data-start]")].find((n) => +n.getAttribute("data-start") >= start);
      if (target) { target.scrollIntoView({ block: "center" }); target.classList.remove("flash"); void target.offsetWidth; target.classList.add("flash"); }
    };
    const item = (start, ...children) => { const li = el("li", { class: "clickable", title: "show in the text" }, children); li.addEventListener("click", (ev) => { if (ev.target.tagName !== "A") jump(start); }); return li; };
    const sourceURL = d.url && safeHref(d.url) && !d.url.startsWith("#") ? d.url : null;
    const foldBtn = el("button", { type: "button", id: "fold-boilerplate" }, "Hide boilerplate");
    foldBtn.addEventListener("click", () => { article.classList.toggle("fold"); foldBtn.textContent = article.classList.contains("fold") ? "Show boilerplate" : "Hide boilerplate"; });
    const firstMention = (i) => { const m = d.mentions.find((m) => m.entity === i); return m ? m.start : 0; };
    const byType = TYPES.map((t) => [t, d.entities.map((e, i) => ({ e, i })).filter((x) => x.e.type === t)]);
    const side = el("aside", { class: "side" },
      el("div", { class: "panel" }, el("h3", {}, "Document"),
        el("table", { class: "meta-table" }, el("tbody", {},
          [["Title", d.title], ["Outlet", d.outlet], ["Author", d.author], ["Published", d.published || (d.ingested ? "– (ingested " + d.ingested + ")" : "")], ["Language", d.lang], ["Format", d.format], ["Input", d.name]]
            .filter(([, v]) => v).map(([k, v]) => el("tr", {}, el("td", {}, k), el("td", {}, v))),
          el("tr", {}, el("td", {}, "Source"), el("td", {}, sourceURL ? el("a", { href: sourceURL, id: "source-link" }, sourceURL) : (d.url ? el("span", { class: "muted" }, d.url) : "–"))))),
        d.warnings && d.warnings.length ? el("ul", {}, d.warnings.map((w) => el("li", { class: "muted" }, w))) : null,
        el("div", { class: "legend" }, TYPES.map((t) => chip(t)), " ", el("span", { class: "quote" }, "quote"), el("span", { class: "figure" }, "figure"), el("span", { class: "timex" }, "date"), el("span", { class: "claim" }, "claim")),
        foldBtn),
      el("div", { class: "panel", id: "side-entities" }, el("h3", {}, "Entities", el("span", { class: "muted" }, String(d.entities.length))),
        byType.map(([t, list]) => list.length ? [el("div", {}, chip(t)), el("ul", {}, list.map(({ e, i }) => item(firstMention(i), e.id ? entityLink(e.id, e.name, e.type) : e.name, el("span", { class: "muted" }, ` ×${e.mentions}`))))] : null)),
      el("div", { class: "panel", id: "side-quotes" }, el("h3", {}, "Quotes", el("span", { class: "muted" }, String(d.quotes.length))),
        el("ul", {}, d.quotes.map((q) => item(q.start, q.speaker ? (q.speaker.id ? entityLink(q.speaker.id, q.speaker.name) : el("span", {}, q.speaker.name, q.speaker.affiliation_id ? [" (", entityLink(q.speaker.affiliation_id, q.speaker.affiliation_name), ")"] : null)) : el("span", { class: "muted" }, "unattributed"), ": “", bt.sub(q.start, Math.min(q.end, q.start + 160)), q.end - q.start > 160 ? "…" : "", "”")))),
      el("div", { class: "panel", id: "side-claims" }, el("h3", {}, "Claims", el("span", { class: "muted" }, String(d.claims.length))),
        el("ul", {}, d.claims.map((c) => item(c.evidence.start,
          entityLink(d.entities[c.subject].id, d.entities[c.subject].name), " ", el("strong", {}, c.predicate), " ", entityLink(d.entities[c.object].id, d.entities[c.object].name), " ",
          el("span", { class: "chip modality " + c.modality }, c.modality), c.attribution ? el("span", { class: "muted" }, " per " + c.attribution.name) : null)))),
      el("div", { class: "panel", id: "side-figures" }, el("h3", {}, "Figures", el("span", { class: "muted" }, String(d.figures.length))),
        el("ul", {}, d.figures.map((f) => item(f.start, bt.sub(f.start, f.end), el("span", { class: "muted" }, ` = ${f.value} ${f.unit}${f.qualifier !== "exact" ? " (" + f.qualifier + ")" : ""}`))))),
      el("div", { class: "panel", id: "side-dates" }, el("h3", {}, "Dates", el("span", { class: "muted" }, String(d.timexes.length))),
        el("ul", {}, d.timexes.map((t) => item(t.start, bt.sub(t.start, t.end), el("span", { class: "muted" }, " → " + t.value))))));
    show(el("h1", { id: "doc-title" }, d.title), el("div", { class: "layout doc" }, article, side));
    const at = params.get("at");
    if (at !== null && /^\d+$/.test(at)) jump(+at);
  }

  // ---------- entity ----------
  function miniTimeline(points) {
    if (!points.length) return el("p", { class: "muted" }, "No dated documents.");
    const w = 600, h = 70, max = Math.max(...points.map((p) => p.count));
    const bw = Math.max(2, Math.min(30, (w - 20) / points.length - 2));
    const svg = el("svg:svg", { class: "mini", viewBox: `0 0 ${w} ${h}`, role: "img", "aria-label": "mentions per month" });
    points.forEach((p, i) => {
      const bh = Math.max(2, (h - 18) * p.count / max);
      const x = 10 + i * (w - 20) / points.length;
      svg.appendChild(el("svg:rect", { class: "bar", x, y: h - 14 - bh, width: bw, height: bh }, el("svg:title", {}, `${p.date}: ${p.count} document(s)`)));
    });
    svg.appendChild(el("svg:text", { x: 10, y: h - 2 }, points[0].date));
    svg.appendChild(el("svg:text", { x: w - 10, y: h - 2, "text-anchor": "end" }, points[points.length - 1].date));
    return svg;
  }
  function evidenceLine(ev) {
    return el("div", { class: "evidence-line" }, el("span", { class: "evidence" }, ev.text), " ",
      el("span", { class: "muted" }, "— "), docLink(ev.doc, ev.title, ev.start), ev.published ? el("span", { class: "muted" }, " " + ev.published) : null);
  }
  function relationBlock(r) {
    return el("div", { class: "relation" },
      el("div", {}, entityLink(r.subject.id, r.subject.name), " ", el("strong", {}, r.predicate), " ", entityLink(r.object.id, r.object.name), " ",
        el("span", { class: "chip modality " + r.modality }, r.modality), " ",
        el("span", { class: "muted" }, `confidence ${Number(r.confidence).toFixed(2)}`),
        r.attribution ? el("span", { class: "muted" }, " · according to ", r.attribution.id ? entityLink(r.attribution.id, r.attribution.name) : r.attribution.name) : null),
      evidenceLine(r.evidence));
  }
  function quoteBlock(q) {
    return el("div", { class: "quote-block" }, "“", q.quote.text, "” ",
      q.speaker ? el("span", { class: "muted" }, "— ", q.speaker.id ? entityLink(q.speaker.id, q.speaker.name) : q.speaker.name, ", ") : null,
      docLink(q.quote.doc, q.quote.title, q.quote.start));
  }
  async function entityPage(id) {
    let e;
    try { e = await api("entities/" + encodeURIComponent(id)); } catch (err) { show(errorBox(err)); return; }
    show(
      el("h1", { id: "entity-name" }, chip(e.type), " ", e.name),
      el("p", { class: "muted" }, `${e.mentions} mentions in ${e.documents} documents`, e.first_seen ? ` · first seen ${e.first_seen}` : "", e.last_seen ? ` · last seen ${e.last_seen}` : "", e.seen_ingested ? " (ingestion dates: no dated document)" : "",
        e.kb ? ` · knowledge base: ${e.kb}` : "", e.lat !== undefined ? ` · ${e.lat.toFixed(2)}, ${e.lon.toFixed(2)}` : "", " · ",
        el("a", { href: link("graph", "", { entity: e.id }), id: "entity-graph-link" }, "show in graph"), " · ",
        el("a", { href: link("search", "", { entity: e.id }) }, "search its documents"), " · ",
        el("a", { href: link("timeline", "", { entity: e.id }) }, "timeline"), " · ",
        el("a", { href: link("map", "", { entity: e.id }) }, "map")),
      el("div", { class: "panel", id: "entity-timeline" }, el("h3", {}, "Mentions per month"), miniTimeline(e.timeline)),
      el("div", { class: "grid2" },
        el("div", {},
          el("div", { class: "panel", id: "entity-aliases" }, el("h2", {}, "Aliases and why they were merged"),
            e.aliases.length ? el("ul", {}, e.aliases.map((a) => el("li", {}, el("strong", {}, a.name), " ", el("span", { class: "chip modality" }, a.reason), " ",
              el("details", {}, el("summary", {}, `${a.total} document${a.total === 1 ? "" : "s"}`), el("ul", {}, a.documents.map((d) => el("li", {}, docLink(d.id, d.title), " ", el("span", { class: "muted" }, d.published || ""))))))))
              : el("p", { class: "muted" }, "Only ever named as “" + e.name + "”.")),
          el("div", { class: "panel", id: "entity-relations" }, el("h2", {}, "Relations"),
            e.relations.length ? e.relations.map((g) => el("section", {}, el("h3", {}, g.predicate, " ", el("span", { class: "muted" }, `(${g.total})`)), g.relations.map(relationBlock)))
              : el("p", { class: "muted" }, "No typed relation found.")),
          el("div", { class: "panel", id: "entity-figures" }, el("h2", {}, "Figures"),
            e.figures.length ? el("ul", {}, e.figures.map((f) => el("li", {}, el("strong", {}, f.text), ` = ${f.value} ${f.unit} `, el("span", { class: "muted" }, "in "), evidenceLine(f.sentence))))
              : el("p", { class: "muted" }, "None in sentences naming it."))),
        el("div", {},
          el("div", { class: "panel", id: "entity-quotes-by" }, el("h2", {}, "Quotes by"), e.quotes_by.length ? e.quotes_by.map(quoteBlock) : el("p", { class: "muted" }, "None.")),
          el("div", { class: "panel", id: "entity-quotes-about" }, el("h2", {}, "Quotes about"), e.quotes_about.length ? e.quotes_about.map(quoteBlock) : el("p", { class: "muted" }, "None.")),
          el("div", { class: "panel", id: "entity-documents" }, el("h2", {}, "Documents ", el("span", { class: "muted" }, `(${e.documents_total})`)),
            el("ul", {}, e.document_list.map((d) => el("li", {}, docLink(d.id, d.title), " ", el("span", { class: "muted" }, [d.published, d.outlet, d.lang].filter(Boolean).join(" · ")))))))));
  }

  // ---------- graph ----------
  const graphState = { cy: null };
  function missingLib(what) {
    return el("div", { class: "notice missing-lib", id: "missing-lib" },
      el("strong", {}, `The ${what} library is not in this build.`), el("br"),
      "Run “make assets” (npm ci, then copy into web/assets/vendor/) and rebuild dossier to see it here.");
  }
  const nodeColour = { PER: "#c0392b", ORG: "#2463a6", LOC: "#23804a" };
  function cyStyle() {
    return [
      { selector: "node", style: { "background-color": (n) => nodeColour[n.data("type")] || "#777", label: "data(name)", "font-size": 10, color: "#1d2228", "text-valign": "bottom", "text-margin-y": 3, "min-zoomed-font-size": 7, width: "data(size)", height: "data(size)", "text-wrap": "ellipsis", "text-max-width": 120 } },
      { selector: "node.focus", style: { "border-width": 3, "border-color": "#f0b400" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#1d2733" } },
      { selector: "edge", style: { width: (e) => Math.min(6, 1 + Math.log2(e.data("count") || 1)), "line-color": "#5c6b7a", "target-arrow-color": "#5c6b7a", "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(predicate)", "font-size": 8, color: "#5c6b7a", "min-zoomed-font-size": 9, "text-rotation": "autorotate" } },
      { selector: "edge[modality = 'reported']", style: { "line-style": "dashed" } },
      { selector: "edge[modality = 'hedged']", style: { "line-style": "dotted", "line-color": "#b07a00", "target-arrow-color": "#b07a00" } },
      { selector: "edge[modality = 'denied']", style: { "line-color": "#c0392b", "target-arrow-color": "#c0392b" } },
      { selector: "edge.cooc", style: { "line-color": "#9aa6b2", opacity: 0.25, "target-arrow-shape": "none", label: "", width: 1, "curve-style": "haystack" } },
      { selector: "edge:selected", style: { "line-color": "#f0b400", "target-arrow-color": "#f0b400", opacity: 1, width: 4 } },
      // The most mentioned nodes keep a readable label at any zoom.
      { selector: "node.hub", style: { "min-zoomed-font-size": 0, "font-size": 12, "font-weight": "bold", "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 2, "text-max-width": 160 } },
    ];
  }
  // How many nodes are labelled at any zoom: enough to tell who is who at
  // first sight, few enough that labels do not cover each other.
  const HUB_LABELS = 25;
  function markHubs(cy) {
    const ranked = cy.nodes().sort((a, b) => (b.data("mentions") - a.data("mentions")) || (b.degree() - a.degree()));
    ranked.slice(0, Math.min(HUB_LABELS, Math.max(5, Math.ceil(ranked.length / 10)))).addClass("hub");
  }
  // graphLegend explains node colours and edge styles.
  function graphLegend() {
    const dot = (t) => el("span", { class: "legend-item" }, el("span", { class: "legend-dot dot-" + t }), " ", { PER: "person", ORG: "organisation", LOC: "place" }[t]);
    const line = (cls, what) => el("span", { class: "legend-item" }, el("span", { class: "legend-line " + cls }), " ", what);
    return el("div", { class: "graph-legend", id: "graph-legend", role: "note", "aria-label": "graph legend" },
      TYPES.map(dot),
      line("asserted", "asserted"), line("reported", "reported"), line("hedged", "hedged"), line("denied", "denied"), line("cooc", "co-occurrence"),
      el("span", { class: "muted" }, " · size: mentions · bold labels: the most mentioned · large graphs: clusters of linked entities"));
  }
  function toElements(g) {
    const els = [];
    for (const n of g.nodes) els.push({ group: "nodes", data: { id: n.id, name: n.name, type: n.type, mentions: n.mentions, size: Math.round(12 + 5 * Math.log2(1 + n.mentions)) } });
    for (const e of g.edges) els.push({ group: "edges", data: { id: e.id, source: e.source, target: e.target, predicate: e.predicate, modality: e.modality || "", count: e.count }, classes: e.predicate === "cooccurrence" ? "cooc" : "" });
    return els;
  }
  function runLayout(cy, focus) {
    const n = cy.nodes().length;
    if (n <= 300) {
      cy.layout({ name: "cose", animate: false, randomize: true, numIter: 600, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, fit: true, padding: 20 }).run();
    } else {
      clusterLayout(cy);
    }
    if (focus) cy.getElementById(focus).addClass("focus");
  }
  // communities groups nodes by label propagation (each takes the label most
  // of its neighbours have, ties to the smallest; a few rounds): linked
  // entities end up in one community.
  function communities(cy) {
    const label = new Map();
    const nodes = cy.nodes().toArray().sort((a, b) => (a.id() < b.id() ? -1 : 1));
    for (const nd of nodes) label.set(nd.id(), nd.id());
    for (let round = 0; round < 10; round++) {
      let changed = false;
      for (const nd of nodes) {
        const counts = new Map();
        nd.neighborhood("node").forEach((m) => { const l = label.get(m.id()); counts.set(l, (counts.get(l) || 0) + 1); });
        let best = label.get(nd.id()), top = 0;
        for (const [l, c] of counts) if (c > top || (c === top && l < best)) { best = l; top = c; }
        if (best !== label.get(nd.id())) { label.set(nd.id(), best); changed = true; }
      }
      if (!changed) break;
    }
    return label;
  }
  // clusterLayout draws a large graph's communities apart, biggest first,
  // each as a disc with its best-connected entity at the centre
  // and labelled, so that who is who can be read at first sight.
  function clusterLayout(cy) {
    const label = communities(cy);
    const groups = new Map();
    cy.nodes().forEach((nd) => {
      const l = label.get(nd.id());
      nd.data("community", l);
      if (!groups.has(l)) groups.set(l, []);
      groups.get(l).push(nd);
    });
    const list = [...groups.values()].sort((a, b) => b.length - a.length);
    // Shelf packing: discs left to right in rows of about the square root of
    // the total area, biggest first, so the drawing stays compact.
    // Nodes of a disc are spread by their size (a sunflower pattern).
    const spacing = (g) => 0.6 * Math.max(...g.map((nd) => nd.data("size") || 12));
    const radiusOf = (g) => spacing(g) * Math.sqrt(g.length) + 2 * spacing(g);
    const width = Math.sqrt(list.reduce((sum, g) => sum + (2 * radiusOf(g)) ** 2, 0)) * 1.1;
    const pos = {};
    let x = 0, y = 0, rowHeight = 0;
    list.forEach((g, i) => {
      const r = radiusOf(g);
      if (x > 0 && x + 2 * r > width) { x = 0; y += rowHeight; rowHeight = 0; }
      const cx = x + r, cz = y + r;
      x += 2 * r;
      rowHeight = Math.max(rowHeight, 2 * r);
      g.sort((a, b) => b.degree() - a.degree());
      const sp = spacing(g);
      g.forEach((nd, k) => { const d = sp * Math.sqrt(k); pos[nd.id()] = { x: cx + d * Math.cos(k * 2.4), y: cz + d * Math.sin(k * 2.4) }; });
      if (i < HUB_LABELS && g.length > 2) g[0].addClass("hub");
    });
    cy.layout({ name: "preset", positions: (nd) => pos[nd.id()], fit: true, padding: 20, animate: false }).run();
    graphState.communities = list.length;
  }
  // renderGraph draws a graph answer; kept on window for the browser tests
  // that check the page stays responsive with 2,000 nodes.
  function renderGraph(container, g, focus) {
    if (graphState.cy) graphState.cy.destroy();
    const big = g.nodes.length > 500;
    // Large graphs draw straight edges without arrows or labels: the cheap
    // path of the renderer, which keeps zoom and pan fluid.
    const style = big ? cyStyle().concat([{ selector: "edge", style: { "curve-style": "haystack", "target-arrow-shape": "none", label: "" } }, { selector: "node", style: { "min-zoomed-font-size": 12 } }, { selector: "node.hub", style: { "min-zoomed-font-size": 0 } }]) : cyStyle();
    const cy = window.cytoscape({
      container, elements: toElements(g), style, minZoom: 0.05, maxZoom: 4, wheelSensitivity: 0.3,
      hideEdgesOnViewport: big, textureOnViewport: big, pixelRatio: big ? 1 : "auto", motionBlur: false,
    });
    graphState.cy = cy;
    markHubs(cy);
    runLayout(cy, focus);
    // Hub labels keep a readable size on screen at any zoom (a fitted graph
    // of 2,000 nodes is drawn small).
    const scaleHubs = () => cy.nodes(".hub").style("font-size", Math.min(60, Math.max(12, 13 / cy.zoom())));
    scaleHubs();
    cy.on("zoom", scaleHubs);
    return cy;
  }

  async function graphPage(params) {
    const q = Object.fromEntries(params.entries());
    const checked = (key, v) => !q[key] || q[key].split(",").includes(v);
    const box = (key, v) => el("label", {}, el("input", { type: "checkbox", name: key, value: v, checked: checked(key, v) }), " ", v);
    const entityInput = el("input", { type: "search", name: "entity-name", placeholder: "Find an entity…", autocomplete: "off", id: "graph-entity" });
    const suggest = el("ul", { class: "suggest" });
    const controls = el("form", { class: "controls panel scroll", id: "graph-controls" },
      el("fieldset", {}, el("legend", {}, "Centre on"), entityInput, suggest,
        q.entity ? el("p", {}, "Centred on ", el("strong", { id: "graph-focus" }, q.entity), " ", el("a", { href: link("graph", "", { ...q, entity: "" }) }, "(whole graph)")) : el("p", { class: "muted" }, "Whole graph: best-connected entities."),
        el("label", {}, "Depth ", el("select", { name: "depth" }, ["1", "2"].map((v) => el("option", { value: v, selected: (q.depth || "1") === v }, v))))),
      el("fieldset", {}, el("legend", {}, "Entity types"), TYPES.map((t) => box("types", t))),
      el("fieldset", {}, el("legend", {}, "Predicates"), PREDICATES.map((p) => box("predicates", p))),
      el("fieldset", {}, el("legend", {}, "Modality"), MODALITIES.map((m) => box("modalities", m))),
      el("fieldset", {}, el("legend", {}, "Date of the reporting"),
        el("input", { type: "text", name: "since", value: q.since || "", placeholder: "since YYYY-MM-DD" }),
        el("input", { type: "text", name: "until", value: q.until || "", placeholder: "until YYYY-MM-DD" })),
      el("label", {}, el("input", { type: "checkbox", name: "cooccurrence", value: "1", checked: q.cooccurrence === "1" }), " co-occurrence layer (faint)"),
      el("p", {}, el("button", { type: "submit", class: "primary" }, "Apply")));
    const canvas = el("div", { id: "cy", role: "img", "aria-label": "link graph" });
    const panel = el("aside", { class: "panel scroll", id: "graph-panel" }, el("p", { class: "muted" }, "Click a node to expand it, an edge to read the evidence behind it."));
    show(el("div", { class: "graph-wrap" }, controls, el("div", { class: "graph-main" }, graphLegend(), canvas), panel));

    controls.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const fd = new FormData(controls);
      const list = (k, all) => { const v = fd.getAll(k); return v.length === all.length ? "" : v.join(",") || "none"; };
      location.hash = link("graph", "", { entity: q.entity || "", depth: fd.get("depth"), types: list("types", TYPES), predicates: list("predicates", PREDICATES),
        modalities: list("modalities", MODALITIES), since: fd.get("since"), until: fd.get("until"), cooccurrence: fd.get("cooccurrence") ? "1" : "" });
    });
    let timer;
    entityInput.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        clear(suggest);
        if (entityInput.value.trim().length < 2) return;
        try {
          const found = await api("entities", { q: entityInput.value, limit: 10 });
          for (const f of found) {
            const li = el("li", { "data-id": f.id }, chip(f.type), " ", f.name, el("span", { class: "muted" }, ` (${f.documents})`));
            li.addEventListener("click", () => { location.hash = link("graph", "", { ...q, entity: f.id }); });
            suggest.appendChild(li);
          }
        } catch (err) { suggest.appendChild(el("li", {}, err.message)); }
      }, 150);
    });

    let g;
    try { g = await api("graph", q); } catch (err) { clear(canvas).appendChild(errorBox(err)); return; }
    // What the bounded graph leaves out, in numbers: an analyst must know the picture is partial.
    let shown = `${g.nodes.length} entities, ${g.edges.length} links from ${g.claims} claims`;
    if (g.claim_window) shown += ` (the newest ${g.claim_window.toLocaleString("en")}: narrow the dates to see older ones)`;
    if (g.omitted) shown += `; ${g.omitted.toLocaleString("en")} more linked entities left out (raise the node limit or filter by type)`;
    else if (g.truncated) shown += " (truncated)";
    const summary = el("p", { class: "muted", id: "graph-summary" }, shown);
    controls.insertBefore(summary, controls.firstChild);
    if (typeof window.cytoscape !== "function") {
      clear(canvas).appendChild(missingLib("graph (cytoscape.js)"));
      panel.appendChild(el("ul", {}, g.edges.slice(0, 200).map((e) => el("li", {}, e.source, " ", el("strong", {}, e.predicate), " ", e.target))));
      return;
    }
    if (!g.nodes.length) { clear(canvas).appendChild(el("p", { class: "notice" }, "No relation matches these filters.")); return; }
    const cy = renderGraph(canvas, g, q.entity);

    cy.on("tap", "node", async (ev) => {
      const n = ev.target.data();
      clear(panel);
      const expand = el("button", { type: "button", id: "expand-node" }, "Expand neighbourhood");
      append(panel, [el("h3", {}, chip(n.type), " ", n.name), el("p", {}, entityLink(n.id, "Open entity page"), ` · ${n.mentions} mentions`), expand]);
      expand.addEventListener("click", async () => {
        try {
          const more = await api("graph", { ...q, entity: n.id, depth: 1 });
          const fresh = toElements(more).filter((x) => cy.getElementById(x.data.id).empty());
          if (!fresh.length) { panel.appendChild(el("p", { class: "muted" }, "Nothing more to add.")); return; }
          const added = cy.add(fresh);
          const centre = ev.target.position();
          added.nodes().forEach((node, i) => node.position({ x: centre.x + 120 * Math.cos(i), y: centre.y + 120 * Math.sin(i) }));
          panel.appendChild(el("p", { id: "expand-result" }, `Added ${added.nodes().length} entities and ${added.edges().length} links.`));
        } catch (err) { panel.appendChild(errorBox(err)); }
      });
    });
    cy.on("tap", "edge", async (ev) => {
      const e = ev.target.data();
      clear(panel).appendChild(el("p", { class: "muted" }, "Loading evidence…"));
      try {
        const evd = await api("edge", { source: e.source, target: e.target, predicate: e.predicate, modalities: q.modalities, since: q.since, until: q.until });
        clear(panel);
        append(panel, [el("h3", { id: "edge-title" }, entityLink(evd.source.id, evd.source.name), " ", el("strong", {}, e.predicate), " ", entityLink(evd.target.id, evd.target.name)),
          el("p", { class: "muted" }, `${evd.total} piece${evd.total === 1 ? "" : "s"} of evidence`),
          el("div", { id: "edge-evidence" }, evd.relations.map(relationBlock), (evd.sentences || []).map(evidenceLine))]);
      } catch (err) { clear(panel).appendChild(errorBox(err)); }
    });
  }

  // ---------- timeline ----------
  function dayNumber(date) {
    const [y, m, d] = date.split("-").map(Number);
    return Date.UTC(y, (m || 1) - 1, d || 1) / 86400000;
  }
  async function timelinePage(params) {
    const q = Object.fromEntries(params.entries());
    const form = el("form", { class: "searchbar" },
      el("input", { type: "text", name: "entity", value: q.entity || "", placeholder: "entity id (e.g. from an entity page)", "aria-label": "entity" }),
      el("select", { name: "lang", "aria-label": "language" }, ["", "en", "fr"].map((l) => el("option", { value: l, selected: (q.lang || "") === l }, l || "all languages"))),
      el("input", { type: "text", name: "since", value: q.since || "", placeholder: "since YYYY-MM-DD" }),
      el("input", { type: "text", name: "until", value: q.until || "", placeholder: "until YYYY-MM-DD" }),
      el("button", { type: "submit", class: "primary" }, "Show"));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); const fd = new FormData(form); location.hash = link("timeline", "", Object.fromEntries(fd.entries())); });
    const chartBox = el("div", { id: "timeline-chart" }, el("p", { class: "muted" }, "Loading…"));
    const detail = el("div", { class: "panel", id: "timeline-detail" }, el("p", { class: "muted" }, "Click a mark for its sentences."));
    const lists = el("div", { class: "grid2" });
    show(el("h1", {}, "Timeline"), form, chartBox, detail, lists);
    let t;
    try { t = await api("timeline", q); } catch (err) { clear(chartBox).appendChild(errorBox(err)); return; }
    const dates = [...t.documents.map((d) => d.date), ...t.events.map((e) => e.date), ...t.figures.map((f) => f.date)].filter((d) => /^\d{4}-\d{2}/.test(d));
    clear(chartBox);
    if (!dates.length) { chartBox.appendChild(el("p", { class: "notice" }, "Nothing dated here.")); return; }
    const lo = Math.min(...dates.map(dayNumber)), hi = Math.max(...dates.map(dayNumber)) + 1;
    const W = 1100, H = 260, L = 90, R = 20;
    const x = (date) => L + (W - L - R) * (dayNumber(date) - lo) / Math.max(1, hi - lo);
    const svg = el("svg:svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "timeline" });
    const rows = { docs: 70, events: 140, figs: 210 };
    svg.appendChild(el("svg:line", { class: "axis", x1: L, x2: W - R, y1: 235, y2: 235 }));
    for (const [name, y] of [["Documents", rows.docs], ["Dated events", rows.events], ["Figures", rows.figs]]) svg.appendChild(el("svg:text", { x: 4, y: y + 4 }, name));
    const y0 = new Date(lo * 86400000).getUTCFullYear(), y1 = new Date(hi * 86400000).getUTCFullYear();
    const step = Math.max(1, Math.ceil((y1 - y0) / 12));
    for (let y = y0; y <= y1; y += step) { const xx = x(`${y}-01-01`); if (xx >= L) { svg.appendChild(el("svg:line", { class: "axis", x1: xx, x2: xx, y1: 232, y2: 238 })); svg.appendChild(el("svg:text", { x: xx, y: 252, "text-anchor": "middle" }, String(y))); } }
    const maxDocs = Math.max(...t.documents.map((d) => d.count), 1);
    const showDetail = (title, evidence) => { clear(detail); append(detail, [el("h3", {}, title), evidence.map(evidenceLine)]); };
    for (const d of t.documents) {
      const h = 8 + 40 * d.count / maxDocs;
      const bar = el("svg:rect", { class: "bar doc-bar", x: x(d.date) - 1.5, y: rows.docs + 20 - h, width: 3, height: h }, el("svg:title", {}, `${d.date}: ${d.count} document(s)`));
      bar.addEventListener("click", () => { location.hash = link("search", "", { since: d.date, until: d.date, entity: q.entity || "" }); });
      svg.appendChild(bar);
    }
    for (const e of t.events) {
      const c = el("svg:circle", { class: "event", cx: x(e.date), cy: rows.events, r: 3 + Math.min(9, 2 * Math.sqrt(e.count)) }, el("svg:title", {}, `${e.date} (${e.precision}): stated ${e.count} time(s)`));
      c.addEventListener("click", () => showDetail(`${e.date} — stated ${e.count} time(s)`, e.examples));
      svg.appendChild(c);
    }
    for (const f of t.figures) {
      const cls = f.unit === "killed" ? "fig-killed" : f.unit === "injured" ? "fig-injured" : "fig-other";
      const c = el("svg:circle", { class: cls, cx: x(f.date), cy: rows.figs, r: 3 + Math.min(10, Math.log10(1 + f.value) * 2.5) }, el("svg:title", {}, `${f.date}: ${f.text} (${f.value} ${f.unit})`));
      c.addEventListener("click", () => showDetail(`${f.text} = ${f.value} ${f.unit}, reported ${f.date}`, [f.sentence]));
      svg.appendChild(c);
    }
    chartBox.appendChild(svg);
    append(lists, [
      el("div", { class: "panel", id: "timeline-events" }, el("h2", {}, "Dated events"), el("ul", {}, t.events.slice(0, 80).map((e) => el("li", {}, el("strong", {}, e.date), ` ×${e.count} `, e.examples[0] ? evidenceLine(e.examples[0]) : null)))),
      el("div", { class: "panel", id: "timeline-figures" }, el("h2", {}, "Figures"), el("ul", {}, t.figures.slice(0, 80).map((f) => el("li", {}, el("strong", {}, f.text), ` = ${f.value} ${f.unit} `, evidenceLine(f.sentence))))),
    ]);
  }

  // ---------- map ----------
  // Equirectangular projection onto a 960×480 box.
  const project = (lon, lat) => [(lon + 180) * 960 / 360, (90 - lat) * 480 / 180];
  function ringPath(ring) {
    let d = "", prev = null;
    for (const [lon, lat] of ring) {
      const [px, py] = project(lon, lat);
      // A jump across the antimeridian starts a new subpath instead of a streak.
      d += (prev === null || Math.abs(lon - prev) > 180 ? "M" : "L") + px.toFixed(1) + " " + py.toFixed(1);
      prev = lon;
    }
    return d + "Z";
  }
  function geometryPath(g) {
    if (!g) return "";
    if (g.type === "Polygon") return g.coordinates.map(ringPath).join("");
    if (g.type === "MultiPolygon") return g.coordinates.map((p) => p.map(ringPath).join("")).join("");
    return "";
  }
  async function mapPage(params) {
    const q = Object.fromEntries(params.entries());
    const mapBox = el("div", { id: "map-box" }, el("p", { class: "muted" }, "Loading…"));
    const list = el("div", { class: "panel scroll", id: "place-list" });
    show(el("h1", {}, "Places mentioned", q.entity ? [" with ", el("a", { href: link("entity", q.entity) }, q.entity)] : null),
      el("div", { class: "layout doc" }, mapBox, list));
    let places;
    try { places = await api("places", q); } catch (err) { clear(mapBox).appendChild(errorBox(err)); return; }
    append(list, [el("h3", {}, `${places.places.length} places`, places.unplaced ? el("span", { class: "muted" }, ` (+${places.unplaced} without coordinates)`) : null),
      el("ol", {}, places.places.map((p) => el("li", { "data-id": p.id }, entityLink(p.id, p.name, "LOC"), el("span", { class: "muted" }, ` ${p.mentions} mentions, ${p.documents} docs`))))]);
    const svg = el("svg:svg", { class: "map", viewBox: "0 0 960 480", role: "img", "aria-label": "map of places" });
    const countries = el("svg:g", { class: "countries" });
    svg.appendChild(countries);
    clear(mapBox).appendChild(svg);
    let outlines = null;
    if (window.topojson && typeof window.topojson.feature === "function") {
      try {
        const res = await fetch("/assets/vendor/countries-110m.json", { credentials: "same-origin" });
        if (res.ok) outlines = await res.json();
      } catch { outlines = null; }
    }
    if (outlines) {
      const fc = window.topojson.feature(outlines, outlines.objects.countries);
      for (const f of fc.features) countries.appendChild(el("svg:path", { class: "country", d: geometryPath(f.geometry) }, el("svg:title", {}, f.properties && f.properties.name ? f.properties.name : "")));
    } else {
      mapBox.appendChild(missingLib("map (world-atlas outlines and topojson-client)"));
    }
    const maxM = Math.max(1, ...places.places.map((p) => p.mentions));
    const dots = el("svg:g", { class: "places" });
    for (const p of [...places.places].reverse()) {
      const [cx, cy] = project(p.lon, p.lat);
      const c = el("svg:circle", { class: "place", cx: cx.toFixed(1), cy: cy.toFixed(1), r: (1.8 + 7 * Math.sqrt(p.mentions / maxM)).toFixed(1), "data-id": p.id }, el("svg:title", {}, `${p.name}: ${p.mentions} mentions in ${p.documents} documents`));
      c.addEventListener("click", () => { location.hash = link("entity", p.id); });
      dots.appendChild(c);
    }
    svg.appendChild(dots);
    // Wheel zooms, drag pans, by moving the viewBox.
    let vb = [0, 0, 960, 480], drag = null;
    const setVB = () => svg.setAttribute("viewBox", vb.map((v) => v.toFixed(1)).join(" "));
    svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const r = svg.getBoundingClientRect(), f = ev.deltaY < 0 ? 0.8 : 1.25;
      const mx = vb[0] + vb[2] * (ev.clientX - r.left) / r.width, my = vb[1] + vb[3] * (ev.clientY - r.top) / r.height;
      const w = Math.min(960, Math.max(30, vb[2] * f)), h = w / 2;
      vb = [mx - (mx - vb[0]) * w / vb[2], my - (my - vb[1]) * h / vb[3], w, h];
      setVB();
    }, { passive: false });
    svg.addEventListener("pointerdown", (ev) => { drag = { x: ev.clientX, y: ev.clientY, vb: [...vb] }; });
    window.addEventListener("pointerup", () => { drag = null; });
    svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const r = svg.getBoundingClientRect();
      vb = [drag.vb[0] - (ev.clientX - drag.x) * vb[2] / r.width, drag.vb[1] - (ev.clientY - drag.y) * vb[3] / r.height, vb[2], vb[3]];
      setVB();
    });
  }

  // ---------- router ----------
  let routeSeq = 0; // the latest route call; an older one finishing late is stale
  async function route() {
    const mine = ++routeSeq;
    const hash = location.hash;
    tooltip.hidden = true;
    const { page, arg, params } = parseHash();
    document.querySelectorAll(".top nav a").forEach((a) => a.classList.toggle("active", a.dataset.page === page || (page === "doc" && a.dataset.page === "search")));
    try {
      switch (page) {
        case "doc": await docPage(arg, params); break;
        case "entity": await entityPage(arg); break;
        case "graph": await graphPage(params); break;
        case "timeline": await timelinePage(params); break;
        case "map": await mapPage(params); break;
        default: await searchPage(params);
      }
    } catch (err) {
      show(errorBox(err));
    }
    if (mine !== routeSeq) return; // a newer route is under way: it says when the page is ready
    document.body.dataset.page = page;
    document.body.dataset.route = hash;
    document.body.dataset.ready = "1";
  }
  window.addEventListener("hashchange", () => { document.body.dataset.ready = ""; route(); });
  window.dossier = { renderGraph: (g) => renderGraph(document.getElementById("cy"), g), graph: graphState };
  api("stats").then((s) => { document.getElementById("corpus-stats").textContent = `${s.documents} documents · ${Object.values(s.entities).reduce((a, b) => a + b, 0)} entities · ${s.claims} claims`; }).catch(() => {});
  route();
})();
