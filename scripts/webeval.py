#!/usr/bin/env python3
"""Score dossier's main-text extraction on a web-page benchmark.

The benchmark is trafilatura's evaluation set (tests/evaldata.json and the
pages of tests/eval and tests/cache in github.com/adbar/trafilatura; ~1,000
real pages in a dozen languages, each with strings that must and must not be
in the main text). It is not shipped with dossier; fetch it yourself:

    scripts/webeval.py [--as-text] EVALDATA.json PAGES_DIR [DOSSIER_BIN]

A page's main text is its text minus the boilerplate spans of
`dossier extract --json --text`. Precision and recall count the "with"
strings found and the "without" strings not found, as trafilatura's own
evaluation does.

With --as-text each page is first rendered to plain text (every visible
line of the page: menus, footers and all, as a reader copying the whole page
would paste it) and dossier reads the .txt files: this measures the cleaning
of plain-text inputs, where no HTML structure tells furniture from article.
Figures are given for all pages and for the English and French ones.
"""
import html.parser, json, os, re, subprocess, sys, tempfile, unicodedata


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


BLOCKS = set("address article aside blockquote br dd div dl dt fieldset figcaption figure footer form "
             "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead tr ul".split())
HIDDEN = set("head script style noscript template svg iframe select option button".split())


class Renderer(html.parser.HTMLParser):
    """Visible text of a page, one line per block element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.cur, self.hidden = [], [], 0

    def flush(self):
        line = re.sub(r"\s+", " ", "".join(self.cur)).strip()
        if line:
            self.lines.append(line)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.hidden:
            self.cur.append(data)


def render(path):
    raw = open(path, "rb").read().decode("utf-8", "replace")
    r = Renderer()
    r.feed(raw)
    r.close()
    r.flush()
    return "\n".join(r.lines) + "\n"


def score(ev, kept, files=None):
    tp = fp = fn = tn = 0
    for v in ev.values():
        if files is not None and v["file"] not in files:
            continue
        text = kept.get(v["file"], "")
        for w in v.get("with", []):
            if norm(w) in text:
                tp += 1
            else:
                fn += 1
        for w in v.get("without", []):
            if norm(w) in text:
                fp += 1
            else:
                tn += 1
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return p, r, 2 * p * r / max(1e-9, p + r)


def main():
    args = sys.argv[1:]
    as_text = "--as-text" in args
    args = [a for a in args if a != "--as-text"]
    if len(args) < 2:
        sys.exit(__doc__)
    evaldata, pages = args[0], args[1]
    binary = args[2] if len(args) > 2 else "./dossier"
    ev = json.load(open(evaldata))
    tmp = None
    if as_text:
        tmp = tempfile.TemporaryDirectory()
        for v in ev.values():
            src = os.path.join(pages, v["file"])
            if os.path.exists(src):
                with open(os.path.join(tmp.name, v["file"] + ".txt"), "w") as f:
                    f.write(render(src))
        pages = tmp.name
    out = subprocess.run([binary, "extract", "--json", "--text", pages], capture_output=True, text=True).stdout
    kept, langs = {}, {}
    for line in out.splitlines():
        d = json.loads(line)
        b = (d.get("text") or "").encode()
        parts, pos = [], 0
        for s, e in sorted((x["start"], x["end"]) for x in d.get("boilerplate") or []):
            parts.append(b[pos:s])
            pos = max(pos, e)
        parts.append(b[pos:])
        name = os.path.basename(d["doc"])
        if as_text:
            name = name[: -len(".txt")]
        kept[name] = norm(b" \n".join(parts).decode("utf-8", "replace"))
        langs[name] = d.get("lang") or ""
    p, r, f = score(ev, kept)
    print(f"pages {len(ev)}  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    for lang in ("en", "fr"):
        files = {n for n, l in langs.items() if l == lang}
        p, r, f = score(ev, kept, files)
        print(f"  {lang} pages {len(files)}  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    main()
