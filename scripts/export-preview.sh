#!/usr/bin/env bash
# Look at the exports as a reader would: each .docx/.xlsx is converted to PDF by LibreOffice (which fails on a
# file it cannot read) and every page is rendered to PNG for an image viewer. See docs/summaries.md.
#
# Needs LibreOffice and poppler-utils, installed by hand; the project scripts do not install them and the tests
# run without them:  apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils
#
# Usage: scripts/export-preview.sh OUTDIR FILE.docx|FILE.xlsx ...    (RES=100 for sharper pages; default 60 dpi)
set -euo pipefail
out=${1:?usage: scripts/export-preview.sh OUTDIR FILE.docx|FILE.xlsx ...}
shift
[ $# -gt 0 ] || { echo "usage: scripts/export-preview.sh OUTDIR FILE.docx|FILE.xlsx ..." >&2; exit 2; }
office=$(command -v libreoffice || command -v soffice || true)
[ -n "$office" ] || { echo "LibreOffice not found: apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install -y poppler-utils" >&2; exit 1; }

# A profile of its own: with the default one, a LibreOffice already running takes the job and nothing is written.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
mkdir -p "$out"
for file in "$@"; do
  base=$(basename "${file%.*}")
  dir="$out/$base-${file##*.}"
  mkdir -p "$dir"
  # The import filter is named: left to guess, LibreOffice opens a broken .docx as plain text and "converts" it.
  case "$file" in
    *.docx) filter="MS Word 2007 XML" ;;
    *.xlsx) filter="Calc MS Excel 2007 XML" ;;
    *) echo "$file: only .docx and .xlsx" >&2; exit 2 ;;
  esac
  "$office" -env:UserInstallation="file://$profile" --headless --infilter="$filter" --convert-to pdf --outdir "$dir" "$file" >/dev/null 2>&1 || true
  [ -f "$dir/$base.pdf" ] || { echo "$file: LibreOffice could not convert it (a broken file)" >&2; exit 1; }
  rm -f "$dir"/page-*.png
  pdftoppm -png -r "${RES:-60}" "$dir/$base.pdf" "$dir/page"
  echo "$file: $(ls "$dir"/page-*.png | wc -l) page(s) in $dir/page-*.png"
done
