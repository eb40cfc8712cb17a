#!/usr/bin/env python3
"""Score dossier's publication dates on pages copied whole as plain text.

The benchmark is htmldate's evaluation set (tests/eval_default.json and the
pages of tests/cache, tests/eval and tests/test_set in
github.com/adbar/htmldate; 800 real pages, each with its publication date).
It is not shipped with dossier; fetch it yourself:

    scripts/dateeval.py EVAL.json PAGES_DIR [DOSSIER_BIN] [-v]

Each page is rendered to plain text as scripts/webeval.py --as-text does
(every visible line, menus and footers included) and read as a .txt file:
this measures the dates dossier finds in a pasted page's text, not in its
markup. A page's date may not be visible in its text at all, so "none" is
the expected answer for some; a wrong date is the error that matters.
Figures are given for all pages and for the English and French ones.
"""
import collections, importlib.util, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("webeval", os.path.join(HERE, "webeval.py"))
webeval = importlib.util.module_from_spec(spec)
spec.loader.exec_module(webeval)


def main():
    verbose = "-v" in sys.argv
    sys.argv = [a for a in sys.argv if a != "-v"]
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    ev = json.load(open(sys.argv[1]))
    pages = sys.argv[2]
    binary = sys.argv[3] if len(sys.argv) > 3 else "./dossier"
    with tempfile.TemporaryDirectory() as tmp:
        for v in ev.values():
            src = os.path.join(pages, v["file"])
            if os.path.exists(src):
                with open(os.path.join(tmp, v["file"] + ".txt"), "w") as f:
                    f.write(webeval.render(src))
        out = subprocess.run([binary, "extract", "--json", tmp], capture_output=True, text=True).stdout
    pred = {}
    for line in out.splitlines():
        d = json.loads(line)
        pred[os.path.basename(d["doc"])[: -len(".txt")]] = (d.get("published"), d.get("lang") or "")
    count = collections.Counter()
    for v in ev.values():
        got, lang = pred.get(v["file"], (None, ""))
        verdict = "none" if got is None else "right" if got == v["date"] else "wrong"
        if verbose and verdict != "right":
            print(f"{verdict.upper():5} {v['file']} got {got} want {v['date']}")
        for group in ("all", lang if lang in ("en", "fr") else "other"):
            count[group, verdict] += 1
    for group in ("all", "en", "fr", "other"):
        n = sum(count[group, x] for x in ("right", "wrong", "none"))
        print(f"{group:5} pages {n:3}  right {count[group, 'right']:3}  wrong {count[group, 'wrong']:3}  none {count[group, 'none']:3}")


if __name__ == "__main__":
    main()
