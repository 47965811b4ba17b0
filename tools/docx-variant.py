#!/usr/bin/env python3
"""A copy of a .docx with its layout changed, for printing the corpus's forms to PDF in other ways
(tools/borderless-pdf.sh, tools/page-break-pdf.sh).

usage: docx-variant.py SRC DST [--no-borders] [--page WIDTHxHEIGHT] [--valign top|center|bottom]
  --no-borders  the table's and every cell's borders set to none (word/document.xml, word/styles.xml)
  --page        every section's page size, in twips (w:pgSz; A4 is 11906x16838); margins stay
  --valign      every cell's vertical alignment (w:vAlign) in word/document.xml
"""
import argparse, re, zipfile

NO_BORDERS = ('<w:tblBorders>' + ''.join(f'<w:{s} w:val="nil"/>' for s in
              ('top', 'left', 'bottom', 'right', 'insideH', 'insideV')) + '</w:tblBorders>')


def rewrite(name, text, args):
    if args.no_borders and name in ('word/document.xml', 'word/styles.xml'):
        text = re.sub(r'<w:(tblBorders|tcBorders)>.*?</w:\1>|<w:(tblBorders|tcBorders)/>', '', text, flags=re.S)
        text = text.replace('<w:tblPr>', '<w:tblPr>' + NO_BORDERS)
    if name == 'word/document.xml':
        if args.page:
            width, height = args.page.split('x')
            text = re.sub(r'(<w:pgSz\b[^>]*?\bw:w=")\d+', r'\g<1>' + width, text)
            text = re.sub(r'(<w:pgSz\b[^>]*?\bw:h=")\d+', r'\g<1>' + height, text)
        if args.valign:
            text = re.sub(r'<w:vAlign w:val="[a-z]+"/>', '<w:vAlign w:val="%s"/>' % args.valign, text)
    return text


def main():
    p = argparse.ArgumentParser()
    p.add_argument('src')
    p.add_argument('dst')
    p.add_argument('--no-borders', action='store_true')
    p.add_argument('--page')
    p.add_argument('--valign', choices=('top', 'center', 'bottom'))
    args = p.parse_args()
    src, dst = zipfile.ZipFile(args.src), zipfile.ZipFile(args.dst, 'w', zipfile.ZIP_DEFLATED)
    for item in src.infolist():
        data = src.read(item.filename)
        if item.filename in ('word/document.xml', 'word/styles.xml'):
            data = rewrite(item.filename, data.decode('utf-8'), args).encode('utf-8')
        dst.writestr(item, data)
    dst.close()


if __name__ == '__main__':
    main()
