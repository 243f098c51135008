#!/usr/bin/env bash
# Look at the exports as a reader would: each .docx/.xlsx is converted to PDF by LibreOffice (which fails on a
# file it cannot read) and every page is rendered to PNG for an image viewer. See docs/summaries.md.
#
# Needs LibreOffice and poppler-utils: installed here with apt-get when missing (about 5 minutes, once; Debian or
# Ubuntu, as root). Not part of scripts/test.sh or CI: too heavy; the tests skip their LibreOffice checks without it.
#
# Usage: scripts/export-preview.sh OUTDIR FILE.docx|FILE.xlsx ...    (RES=100 for sharper pages; default 60 dpi)
#        scripts/export-preview.sh --samples OUTDIR
#            the final-period .docx of each sample plan (samples/*.json) with a month of generated reports, written
#            by SampleFinalReportTests (needs PostgreSQL: source scripts/db.sh), then rendered as above.
set -euo pipefail
usage="usage: scripts/export-preview.sh OUTDIR FILE.docx|FILE.xlsx ...  |  scripts/export-preview.sh --samples OUTDIR"
if ! command -v pdftoppm >/dev/null || ! { command -v libreoffice || command -v soffice; } >/dev/null; then
  command -v apt-get >/dev/null || { echo "LibreOffice and poppler-utils are needed and there is no apt-get to install them" >&2; exit 1; }
  echo "installing LibreOffice (writer, calc) and poppler-utils ..." >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils >/dev/null
fi
office=$(command -v libreoffice || command -v soffice)

if [ "${1:-}" = "--samples" ]; then
  out=${2:?$usage}
  root=$(cd "$(dirname "$0")/.." && pwd)
  docs=$(mktemp -d)
  # The test writes one .docx per sample final period into YOUTHMONTH_PREVIEW_DIR.
  YOUTHMONTH_PREVIEW_DIR="$docs" dotnet test "$root/tests/YouthMonth.Admin.Tests" -c Release \
    --filter "FullyQualifiedName~SampleFinalReportTests" >&2
  set -- "$docs"/*.docx
  [ -e "$1" ] || { echo "the test wrote no .docx into $docs" >&2; exit 1; }
else
  out=${1:?$usage}
  shift
  [ $# -gt 0 ] || { echo "$usage" >&2; exit 2; }
fi

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
