#!/usr/bin/env python3
"""Score dossier's names on a CoNLL-2003-style NER test set (measurement only).

CoNLL-2003's English files (eng.testa, eng.testb: Reuters wire copy of 1996,
one token per line, the tag in the last column, "-DOCSTART-" between
documents) are not shipped with dossier and may not be: fetch a copy for
local measurement. This script turns each document into a plain-text file
(one sentence per line, tokens joined with ordinary spacing), runs
`dossier extract --json` on them and scores exact PER/ORG/LOC spans:

    scripts/conlleval.py build eng.testb WORKDIR
    scripts/conlleval.py score WORKDIR [DOSSIER_BIN] [-v]

MISC gold spans are left out; a predicted name that is exactly a MISC span
counts neither way. "missed outright" is the share of gold names that no
predicted mention overlaps. Documents whose language dossier cannot tell
are listed. Wire copy of sport and markets differs from dossier's domain:
read the figures by class (-v lists every miss and extra), not as a target.
"""
import json, os, subprocess, sys, collections

ATTACH_PREV = {",", ".", ";", ":", "!", "?", ")", "]", "}", "'s", "'S", "n't", "%", "'", "'re", "'ve", "'ll", "'d", "'m"}
ATTACH_NEXT = {"(", "[", "{", "$"}


def documents(path):
    cur, sent = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            if sent:
                cur.append(sent)
                sent = []
            if cur:
                yield cur
            cur = []
            continue
        if not line.strip():
            if sent:
                cur.append(sent)
                sent = []
            continue
        p = line.split(" ")
        sent.append((p[0], p[-1]))
    if sent:
        cur.append(sent)
    if cur:
        yield cur


def build(path, workdir):
    docs = os.path.join(workdir, "docs")
    os.makedirs(docs, exist_ok=True)
    gold = {}
    for i, d in enumerate(documents(path)):
        text, spans = bytearray(), []
        for sent in d:
            line_start, quoted, prev, ent, end = len(text), False, None, None, 0
            for tok, tag in sent:
                space = not (len(text) == line_start or tok in ATTACH_PREV or prev in ATTACH_NEXT
                             or tok == '"' and quoted or prev == '"' and quoted)
                if tok == '"':
                    quoted = not quoted
                typ = tag[2:] if tag != "O" else None
                begins = tag.startswith("B-") or (typ and (ent is None or ent[1] != typ))
                if ent and (typ is None or begins):
                    spans.append((ent[0], end, ent[1]))
                    ent = None
                if space:
                    text += b" "
                start = len(text)
                text += tok.encode("utf-8")
                if typ:
                    if ent is None:
                        ent = (start, typ)
                    end = len(text)
                prev = tok
            if ent:
                spans.append((ent[0], end, ent[1]))
            text += b"\n"
        name = "%03d.txt" % i
        with open(os.path.join(docs, name), "wb") as f:
            f.write(bytes(text))
        gold[name] = spans
    with open(os.path.join(workdir, "gold.json"), "w") as f:
        json.dump(gold, f)
    print(len(gold), "documents in", docs)


def score(workdir, binary, verbose):
    gold = json.load(open(os.path.join(workdir, "gold.json")))
    docs = os.path.join(workdir, "docs")
    paths = [os.path.join(docs, n) for n in sorted(gold)]
    out = subprocess.run([binary, "extract", "--json"] + paths, capture_output=True, text=True).stdout
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    missed, total, unknown = 0, 0, []
    for line in out.splitlines():
        o = json.loads(line)
        name = os.path.basename(o["doc"])
        text = open(os.path.join(docs, name), "rb").read()
        if o.get("lang") != "en":
            unknown.append((name, o.get("lang")))
        g = {(s, e): t for s, e, t in gold[name] if t != "MISC"}
        misc = {(s, e) for s, e, t in gold[name] if t == "MISC"}
        p = {(m["start"], m["end"]): e["type"] for e in o.get("entities", []) for m in e["mentions"]}
        for (s, e), t in g.items():
            total += 1
            if not any(ps < e and s < pe for ps, pe in p):
                missed += 1
            if p.get((s, e)) == t:
                tp[t] += 1
            else:
                fn[t] += 1
                if verbose:
                    print("MISS", name, t, repr(text[s:e].decode()), "pred", p.get((s, e)))
        for (s, e), t in p.items():
            if (s, e) not in misc and g.get((s, e)) != t:
                fp[t] += 1
                if verbose:
                    print("EXTRA", name, t, repr(text[s:e].decode()), "gold", g.get((s, e)))

    def prf(t, f, n):
        p = t / (t + f) if t + f else 0
        r = t / (t + n) if t + n else 0
        return p, r, 2 * p * r / (p + r) if p + r else 0

    for t in ("PER", "ORG", "LOC"):
        print(t, "P=%.3f R=%.3f F1=%.3f" % prf(tp[t], fp[t], fn[t]))
    print("ALL P=%.3f R=%.3f F1=%.3f" % prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
          "missed outright %.3f" % (missed / max(total, 1)))
    print("language not English:", len(unknown), unknown[:10])


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("build", "score"):
        sys.exit(__doc__)
    if sys.argv[1] == "build":
        build(sys.argv[2], sys.argv[3])
    else:
        args = [a for a in sys.argv[2:] if a != "-v"]
        score(args[0], args[1] if len(args) > 1 else "./dossier", "-v" in sys.argv)
