#!/usr/bin/env bash
# Borderless PDFs of the shared corpus's forms, measured: every form.docx of the folders named
# (default: the zoo and the real forms of other provinces and of Shanxi) loses its table borders,
# LibreOffice prints it to PDF, and ../shared/corpus/tools/measure.sh scores jixiao on them against
# the folder's expected.json. This checks PdfStreamTable (tables drawn without lines) on every
# template family, not only on the one real borderless form of the corpus.
# Needs LibreOffice Writer (Debian: libreoffice-writer-nogui). Run from the project root.
# VALIGN=top (or center, bottom) also sets every cell's vertical alignment (Word's default is top).
# usage: [VALIGN=top] tools/borderless-pdf.sh [WORKDIR] [FOLDER_GLOB...]
set -u
shared=$(cd ../shared/corpus && pwd) || { echo "no ../shared/corpus"; exit 1; }
work=${1:-/tmp/jixiao-borderless}; shift || true
[ $# -gt 0 ] || set -- 'zoo/*' 'shanxi-*' 'xinzhou-*' 's-*' 'n-*'
rm -rf "$work"; mkdir -p "$work/corpus" "$work/docx"
ln -s "$shared/tools" "$work/corpus/tools"
for glob in "$@"; do for d in "$shared"/$glob/; do
  [ -f "$d/form.docx" ] && [ -f "$d/expected.json" ] || continue
  name=$(basename "$d"); mkdir -p "$work/corpus/$name" "$work/docx/$name"
  cp "$d"/expected*.json "$work/corpus/$name/"
  # Word's table borders: the table's and each cell's, set to none.
  python3 tools/docx-variant.py "$d/form.docx" "$work/docx/$name/form.docx" --no-borders ${VALIGN:+--valign "$VALIGN"}
  soffice -env:UserInstallation=file://"$work/profile" --headless --convert-to pdf \
    --outdir "$work/corpus/$name" "$work/docx/$name/form.docx" >/dev/null 2>&1 || echo "$name: not converted"
done; done
SKIP= ONLY='*.pdf' "$work/corpus/tools/measure.sh" '*'
