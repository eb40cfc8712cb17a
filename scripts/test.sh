#!/usr/bin/env bash
# The project's test command (the README's second command, and what CI runs):
# vet, the unit and golden tests, then every fuzz target for a bounded time.
#   FUZZTIME=30s scripts/test.sh     # longer fuzzing
#   FUZZTIME=0 scripts/test.sh       # skip fuzzing
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-8s}

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "not gofmt-formatted:"; echo "$unformatted"; exit 1
fi

echo "== go vet"
go vet ./...

echo "== go test"
go test -count=1 ./...

if [ "$fuzztime" != "0" ]; then
  echo "== fuzz ($fuzztime per target)"
  # Every `func FuzzXxx(f *testing.F)` in a _test.go file, by package directory.
  grep -rl --include='*_test.go' '^func Fuzz' . | sort | while read -r file; do
    dir=$(dirname "$file")
    for target in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$file" | cut -d' ' -f2); do
      echo "-- $dir $target"
      out=$(mktemp)
      if ! go test -run='^$' -fuzz="^${target}\$" -fuzztime="$fuzztime" "$dir" >"$out" 2>&1; then
        # A found input is written to testdata and fails the run. Anything
        # else (a worker killed on a busy machine, or Go's fuzzer reporting
        # "context deadline exceeded" as its time runs out under load) is
        # retried, twice at most.
        retried=0
        while [ $retried -lt 2 ] && ! grep -q 'Failing input written to' "$out"; do
          retried=$((retried + 1))
          echo "   the fuzzing engine failed without a failing input; retry $retried:"
          tail -n 5 "$out"
          if go test -run='^$' -fuzz="^${target}\$" -fuzztime="$fuzztime" "$dir" >"$out" 2>&1; then
            retried=ok
            break
          fi
        done
        if [ "$retried" = ok ]; then
          tail -n 3 "$out"; rm -f "$out"; continue
        fi
        tail -n 40 "$out"; rm -f "$out"
        exit 1
      fi
      tail -n 3 "$out"; rm -f "$out"
    done
  done
fi
echo "all tests passed"
