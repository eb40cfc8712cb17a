#!/usr/bin/env bash
# Runs dossier on the bad-day inputs of docs/RELIABILITY.md and prints one
# table row per case: exit code, first line of stderr, wall time, peak RSS.
#   scripts/reliability.sh [path/to/dossier]
# Cases that need root (a tmpfs, a read-only mount) are skipped without it.
set -uo pipefail
bin=$(realpath "${1:-./dossier}")
work=$(mktemp -d)
trap 'umount -l "$work/full" "$work/ro" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
printf 'The Port Authority of Vessa said on Monday that guards had stopped a drone attack on the grain terminal.\n' > good.txt

row() { # name, command...
  local name=$1; shift
  local start end code rss msg
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o rss.txt "$@" >out.txt 2>err.txt; code=$?
  end=$(date +%s.%N)
  rss=$(tail -1 rss.txt)
  msg=$(grep -v '^Command exited' err.txt | head -1 | cut -c1-110 | sed 's/|/\\|/g')
  printf '| %s | %s | %s | %.2f s | %d MB |\n' "$name" "$code" "$msg" "$(echo "$end - $start" | bc)" "$((rss / 1024))"
}

echo '| case | exit | first line on stderr | time | peak RSS |'
echo '|---|---|---|---|---|'
: > empty.txt
row "empty file" "$bin" extract empty.txt
head -c 4096 /dev/urandom > noise.txt
row "random bytes" "$bin" extract noise.txt
printf 'caf\xe9 cr\xe8me br\xfbl\xe9e au port de Vessa.\n' > latin1.txt
row "Latin-1 text" "$bin" extract latin1.txt
head -c 20000000 /dev/zero | tr '\0' 'a' > huge.txt
row "20 MB file (limit 16 MiB)" "$bin" extract huge.txt
python3 -c "
w='the guards at the Vessa port said drone attack terminal convoy police group statement officials Monday'.split()
open('line.txt','w').write(' '.join(w[i % len(w)] for i in range(2_500_000))[:15_000_000])"
row "15 MB on one line" "$bin" extract line.txt
printf 'a U.N. General Assembly president spoke.\n' > un.txt
row "the sentence that crashed (panic)" "$bin" extract un.txt
printf '%%PDF-1.4\ntruncated' > broken.pdf
row "truncated PDF" "$bin" extract broken.pdf
head -c $((300 << 20)) /dev/zero | gzip -1 > bomb.yaml.gz
row "1 KB-per-MB gzip bomb as --kb" "$bin" extract --kb bomb.yaml.gz good.txt
"$bin" ingest --db ok.db good.txt >/dev/null 2>&1
cp ok.db bad.db && python3 -c "
import os; f=open('bad.db','r+b'); n=os.path.getsize('bad.db')
for off in range(8192, n, 12288): f.seek(off); f.write(b'\xff'*200)"
row "search a damaged database" "$bin" search --db bad.db drone
row "--db 'a?mode=ro.db'" "$bin" ingest --db 'a?mode=ro.db' good.txt
row "serve --token a on 0.0.0.0" "$bin" serve --db ok.db --addr 0.0.0.0:0 --token a
if [ "$(id -u)" = 0 ] && mkdir -p full ro && mount -t tmpfs -o size=1m tmpfs full 2>/dev/null; then
  mkdir -p many && for i in $(seq 1 300); do printf 'Report %d: guards at the Vessa terminal stopped a drone attack, the port authority said. %.0s' $i $(seq 1 30) > many/$i.txt; done
  row "ingest 300 files onto a 1 MiB tmpfs" "$bin" ingest --db full/t.db many
  mount -t tmpfs -o size=8m tmpfs ro && cp ok.db ro/ && mount -o remount,ro ro
  row "search on a read-only mount" "$bin" search --db ro/ok.db drone
  row "ingest into a read-only mount" "$bin" ingest --db ro/ok.db good.txt
fi
