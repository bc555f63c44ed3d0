#!/usr/bin/env bash
# Renders every workbook (*.xlsx) of a folder to PDF and PNG pages, to look at the printed reports
# as a reader would: LibreOffice headless (libreoffice-calc) prints each workbook with its own
# print setup (A4, repeated header rows, page header and numbers), pdftoppm (poppler-utils) turns
# every page into a PNG.
#
#   scripts/render-workbooks.sh <folder with workbooks> [<output folder>] [<dpi>]
#
# Output: <output>/<workbook>.pdf and <output>/<workbook>-<page>.png (default output
# <folder>/rendered, 80 dpi). Needs: apt-get install libreoffice-calc poppler-utils.
set -euo pipefail

folder=${1:?usage: render-workbooks.sh <folder> [<output>] [<dpi>]}
output=${2:-$folder/rendered}
dpi=${3:-80}

for tool in soffice pdftoppm; do
  if ! command -v "$tool" >/dev/null; then
    echo "render-workbooks: '$tool' is missing (apt-get install libreoffice-calc poppler-utils)" >&2
    exit 2
  fi
done

mkdir -p "$output"
# A profile of its own, so that a running LibreOffice or another user's settings do not interfere.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

shopt -s nullglob
workbooks=("$folder"/*.xlsx)
if [ ${#workbooks[@]} -eq 0 ]; then
  echo "render-workbooks: no .xlsx in $folder" >&2
  exit 1
fi

for workbook in "${workbooks[@]}"; do
  name=$(basename "$workbook" .xlsx)
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$output" "$workbook" >/dev/null 2>&1
  if [ ! -f "$output/$name.pdf" ]; then
    echo "render-workbooks: LibreOffice did not convert $workbook" >&2
    exit 1
  fi
  rm -f "$output/$name"-*.png
  pdftoppm -r "$dpi" -png "$output/$name.pdf" "$output/$name"
  pages=$(find "$output" -maxdepth 1 -name "$name-*.png" | wc -l)
  echo "$name: $pages pages" >&2
done
