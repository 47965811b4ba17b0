package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Paragraph;
import org.jixiao.model.Row;
import org.jixiao.model.Table;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The HTML table algorithm, text as a browser shows it, and charsets. */
class HtmlReaderTest {

    private final HtmlReader reader = new HtmlReader(ReadLimits.defaults());

    private Document read(String html) {
        return read(html.getBytes(StandardCharsets.UTF_8));
    }

    private Document read(byte[] html) {
        return Fixtures.ok(reader.read(new Source("t.html", html)));
    }

    @Test
    void placesCellsAfterRowspansFromAbove() {
        Table t = read("<table><tr><td rowspan=2>A</td><td>B</td><td rowspan=3>C</td></tr>"
                + "<tr><td>D</td></tr><tr><td>E</td><td>F</td></tr></table>").tables().get(0);
        assertEquals(List.of(
                new Row(List.of(new Cell(0, 1, 2, "A"), Cell.of(1, "B"), new Cell(2, 1, 3, "C"))),
                new Row(List.of(Cell.of(1, "D"))),
                new Row(List.of(Cell.of(0, "E"), Cell.of(1, "F")))), t.rows());
    }

    @Test
    void clampsAbsurdSpansAndStopsRowspansAtTheLastRow() {
        Table t = read("<table><tr><td colspan=100000 rowspan=50>wide</td></tr><tr><td>x</td></tr></table>").tables().get(0);
        assertEquals(new Cell(0, Grid.MAX_SPAN, 2, "wide"), t.rows().get(0).cells().get(0));
        assertEquals(Cell.of(Grid.MAX_SPAN, "x"), t.rows().get(1).cells().get(0));
    }

    @Test
    void readsSpansWithAsciiDigitsOnlyAsBrowsersDo() {
        Table t = read("<table><tr><td colspan=\"２\">full-width</td><td colspan=\"٣\">arabic-indic</td><td colspan=\"2x\">two</td></tr></table>")
                .tables().get(0);
        assertEquals(List.of(Cell.of(0, "full-width"), Cell.of(1, "arabic-indic"), new Cell(2, 2, 1, "two")),
                t.rows().get(0).cells());
    }

    @Test
    void readsRowspanZeroAsToTheEndOfTheTable() {
        Table t = read("<table><tr><td rowspan=0>all</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>")
                .tables().get(0);
        assertEquals(new Cell(0, 1, 3, "all"), t.rows().get(0).cells().get(0));
        assertEquals(Cell.of(1, "3"), t.rows().get(2).cells().get(0));
    }

    @Test
    void dropsTheTrailingRowOfEmptyCellsWordWrites() {
        Table t = read("<table><tr><td>a</td><td>b</td></tr>"
                + "<tr height=0><td style='border:none'>&nbsp;</td><td><p class=MsoNormal><o:p>&nbsp;</o:p></p></td></tr></table>")
                .tables().get(0);
        assertEquals(1, t.rows().size());
    }

    @Test
    void readsWordCellMarkupAsPlainLines() {
        Table t = read("<table><tr><td><p class=MsoNormal align=center><span lang=EN-US style='font-size:9.0pt'>17049.23"
                + "<o:p></o:p></span></p></td><td><p>first</p><p>&nbsp;</p><p>second<br>third</p></td>"
                + "<td>a&nbsp;&nbsp;b\n   c</td></tr></table>").tables().get(0);
        assertEquals(List.of("17049.23", "first\nsecond\nthird", "a b c"),
                t.rows().get(0).cells().stream().map(Cell::text).toList());
    }

    @Test
    void putsNestedTableTextIntoTheOuterCell() {
        Document d = read("<table><tr><td>outer<table><tr><td>in 1</td><td>in 2</td></tr></table></td><td>next</td></tr></table>");
        assertEquals(1, d.tables().size());
        assertEquals(new Row(List.of(Cell.of(0, "outer\nin 1\nin 2"), Cell.of(1, "next"))), d.tables().get(0).rows().get(0));
    }

    @Test
    void keepsParagraphsAndEveryTableInDocumentOrder() {
        Document d = read("<html><head><title>skip</title><style>p{}</style></head><body>"
                + "<div class=nav><table><tr><td>Home</td><td>News</td></tr></table></div>"
                + "<h1>Form title</h1><p>(2020)</p><script>var x;</script>"
                + "<table><tr><td>项目名称</td><td>X</td></tr></table><div>after</div></body></html>");
        assertEquals(2, d.tables().size());
        assertEquals(List.of(d.tables().get(0), new Paragraph(1, "Form title"), new Paragraph(2, "(2020)"),
                d.tables().get(1), new Paragraph(3, "after")), d.blocks());
    }

    @Test
    void decodesGbkBytesDeclaredAsGb2312() {
        byte[] html = "<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"></head><body><p>项目资金（万元）</p></body></html>"
                .getBytes(Charset.forName("GBK"));
        assertEquals(List.of(new Paragraph(1, "项目资金（万元）")), read(html).blocks());
    }

    @Test
    void detectsTheCharsetWhenTheDeclarationIsWrong() {
        String text = "项目资金（万元）年度资金总额，全年预算数，全年执行数，执行率。".repeat(5);
        byte[] html = ("<html><head><meta charset=\"utf-8\"></head><body><p>" + text + "</p></body></html>")
                .getBytes(TextDecoder.GB18030);
        assertEquals(text, read(html).paragraphs().get(0).text());
    }

    @Test
    void prefersTheByteOrderMark() {
        byte[] body = "<html><meta charset=gbk><p>绩效</p></html>".getBytes(StandardCharsets.UTF_16LE);
        byte[] html = new byte[body.length + 2];
        html[0] = (byte) 0xFF;
        html[1] = (byte) 0xFE;
        System.arraycopy(body, 0, html, 2, body.length);
        assertEquals("绩效", read(html).paragraphs().get(0).text());
    }

    @Test
    void aUtf16DeclarationInAnAsciiReadablePageIsReadAsUtf8() {
        for (String label : new String[] {"utf-16", "unicode", "UTF-16LE"}) {
            assertEquals(java.util.Optional.of(java.nio.charset.StandardCharsets.UTF_8), HtmlReader.declaredCharset(
                    ("<html><head><meta charset=\"" + label + "\"></head><body>项目名称</body></html>")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)), label);
        }
    }
}
