#!/usr/bin/env bash
# Look at a Word (or Excel) report as a reader would: LibreOffice makes a PDF, pdftoppm
# renders its first pages as PNG. Needs Debian's libreoffice-writer-nogui and poppler-utils:
#   apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils
# Usage: scripts/look-at-report.sh REPORT.docx [PAGES]   -> REPORT-1.png, REPORT-2.png, ...
set -euo pipefail
report=$1
pages=${2:-3}
out=$(dirname "$report")
soffice --headless --convert-to pdf --outdir "$out" "$report" >/dev/null
pdf="$out/$(basename "${report%.*}").pdf"
pdftoppm -png -r 60 -l "$pages" "$pdf" "${pdf%.pdf}"
ls "${pdf%.pdf}"-*.png
