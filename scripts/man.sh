#!/usr/bin/env bash
# Writes the man pages docs/man/*.1 from lapor's own help, with swift-argument-parser's
# generate-manual (the tool behind its `generate-manual` plugin; the plugin itself skips `lapor`,
# whose product does not name ArgumentParser directly). `--check` writes them to a temporary
# folder and fails when docs/man differs: CI runs that, so the pages cannot fall behind the help.
set -euo pipefail
cd "$(dirname "$0")/.."
# The release's date, not today's: the same help gives the same pages.
date=2026-11-26
swift build --product lapor >/dev/null
swift build --product generate-manual >/dev/null
bin=$(swift build --show-bin-path)
out=docs/man
if [ "${1:-}" = "--check" ]; then
  out=$(mktemp -d)
fi
mkdir -p "$out"
# English help for the pages, whatever the caller's locale.
COLUMNS=80 LANG=C.UTF-8 "$bin/generate-manual" "$bin/lapor" --multi-page --date "$date" --section 1 --output-directory "$out" >/dev/null
if [ "${1:-}" = "--check" ]; then
  if ! diff -r -q docs/man "$out"; then
    echo "docs/man is not what lapor's help says: run scripts/man.sh and commit docs/man"
    exit 1
  fi
  echo "docs/man is current"
fi
