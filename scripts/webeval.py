#!/usr/bin/env python3
"""Score dossier's main-text extraction on a web-page benchmark.

The benchmark is trafilatura's evaluation set (tests/evaldata.json and the
pages of tests/eval and tests/cache in github.com/adbar/trafilatura; ~1,000
real pages in a dozen languages, each with strings that must and must not be
in the main text). It is not shipped with dossier; fetch it yourself:

    scripts/webeval.py EVALDATA.json PAGES_DIR [DOSSIER_BIN]

A page's main text is its text minus the boilerplate spans of
`dossier extract --json --text`. Precision and recall count the "with"
strings found and the "without" strings not found, as trafilatura's own
evaluation does.
"""
import json, os, re, subprocess, sys, unicodedata


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    evaldata, pages = sys.argv[1], sys.argv[2]
    binary = sys.argv[3] if len(sys.argv) > 3 else "./dossier"
    ev = json.load(open(evaldata))
    out = subprocess.run([binary, "extract", "--json", "--text", pages], capture_output=True, text=True).stdout
    kept = {}
    for line in out.splitlines():
        d = json.loads(line)
        b = (d.get("text") or "").encode()
        parts, pos = [], 0
        for s, e in sorted((x["start"], x["end"]) for x in d.get("boilerplate") or []):
            parts.append(b[pos:s])
            pos = max(pos, e)
        parts.append(b[pos:])
        kept[os.path.basename(d["doc"])] = norm(b" \n".join(parts).decode("utf-8", "replace"))
    tp = fp = fn = tn = 0
    for v in ev.values():
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
    p, r = tp / (tp + fp), tp / (tp + fn)
    print(f"pages {len(ev)}  precision {p:.3f}  recall {r:.3f}  F1 {2 * p * r / (p + r):.3f}")


if __name__ == "__main__":
    main()
