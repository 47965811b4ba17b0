#!/usr/bin/env bash
# PDFs of the shared corpus's forms with their page breaks moved, measured: every form.docx of the
# folders named (default: the zoo and the real forms of other provinces and of Shanxi) gets each of
# the page sizes in SIZES (width x height in twips, Word's w:pgSz; A4 is 11906x16838), LibreOffice
# prints it to PDF, and ../shared/corpus/tools/measure.sh scores jixiao on them against the
# folder's expected.json. A shorter or narrower page makes the table break over pages at other
# rows and inside other cells, so this checks how PdfReader joins a table's parts on every
# template family, not only at the breaks the corpus's own PDFs happen to have.
# Needs LibreOffice Writer and a CJK font (Debian: libreoffice-writer-nogui, fonts-noto-cjk).
# Run from the project root. VALIGN=top (or center, bottom) also sets every cell's vertical
# alignment (Word's default is top; the corpus's forms mostly centre).
# usage: [SIZES="11906x12500 10300x15200"] [VALIGN=top] tools/page-break-pdf.sh [WORKDIR] [FOLDER_GLOB...]
set -u
shared=$(cd ../shared/corpus && pwd) || { echo "no ../shared/corpus"; exit 1; }
work=${1:-/tmp/jixiao-page-break}; shift || true
[ $# -gt 0 ] || set -- 'zoo/*' 'shanxi-*' 'xinzhou-*' 's-*' 'n-*'
sizes=${SIZES:-11906x12500 11906x14300 10300x15200}
rm -rf "$work"; mkdir -p "$work/corpus" "$work/docx"
ln -s "$shared/tools" "$work/corpus/tools"
for glob in "$@"; do for d in "$shared"/$glob/; do
  [ -f "$d/form.docx" ] && [ -f "$d/expected.json" ] || continue
  for size in $sizes; do
    name=$(basename "$d")@$size; mkdir -p "$work/corpus/$name" "$work/docx/$name"
    cp "$d"/expected*.json "$work/corpus/$name/"
    python3 tools/docx-variant.py "$d/form.docx" "$work/docx/$name/form.docx" --page "$size" ${VALIGN:+--valign "$VALIGN"}
    soffice -env:UserInstallation=file://"$work/profile" --headless --convert-to pdf \
      --outdir "$work/corpus/$name" "$work/docx/$name/form.docx" >/dev/null 2>&1 || echo "$name: not converted"
  done
done; done
SKIP= ONLY='*.pdf' "$work/corpus/tools/measure.sh" '*'
