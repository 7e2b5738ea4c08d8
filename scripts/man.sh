#!/usr/bin/env bash
# Writes the man pages docs/man/*.1 (English) and docs/man/id/*.1 (Bahasa Indonesia) from lapor's
# own help, with swift-argument-parser's generate-manual (the tool behind its `generate-manual`
# plugin; the plugin itself skips `lapor`, whose product does not name ArgumentParser directly).
# `--check` writes them to a temporary folder and fails when docs/man differs: CI runs that, so the
# pages cannot fall behind the help.
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
mkdir -p "$out/id"
# English pages in docs/man, Bahasa Indonesia in docs/man/id, whatever the caller's locale (the
# help follows LANG like every message; LC_ALL and LC_MESSAGES would come before it).
env -u LC_ALL -u LC_MESSAGES COLUMNS=80 LANG=en_US.UTF-8 \
  "$bin/generate-manual" "$bin/lapor" --multi-page --date "$date" --section 1 --output-directory "$out" >/dev/null
env -u LC_ALL -u LC_MESSAGES COLUMNS=80 LANG=id_ID.UTF-8 \
  "$bin/generate-manual" "$bin/lapor" --multi-page --date "$date" --section 1 --output-directory "$out/id" >/dev/null
if [ "${1:-}" = "--check" ]; then
  if ! diff -r -q docs/man "$out"; then
    echo "docs/man is not what lapor's help says: run scripts/man.sh and commit docs/man"
    exit 1
  fi
  echo "docs/man is current"
fi
