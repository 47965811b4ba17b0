package org.jixiao.internal.read;

import org.jixiao.internal.read.PdfLayout.PageBlock;
import org.jixiao.internal.read.PdfLayout.Part;
import org.jixiao.internal.read.PdfLayout.PartCell;
import org.jixiao.internal.read.PdfPage.Glyph;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tables drawn without lines, given as glyphs placed as a word processor places them (the PDF
 * route is in {@link PdfReaderTest}; here the text may be Chinese, which the tests' PDF font
 * cannot draw).
 */
class PdfStreamTableTest {

    private static final float SIZE = 10;
    private static final float[] COLUMNS = {60, 150, 220};

    /** The glyphs of {@code text} centred on column {@code column}, on {@code baseline}. */
    private static List<Glyph> word(int column, float baseline, String text) {
        return wordAt(COLUMNS[column], baseline, text);
    }

    /** The glyphs of {@code text} centred on {@code centre}, on {@code baseline}. */
    private static List<Glyph> wordAt(float centre, float baseline, String text) {
        float width = 0;
        for (char c : text.toCharArray()) {
            width += advance(c);
        }
        List<Glyph> out = new ArrayList<>();
        float x = centre - width / 2;
        for (char c : text.toCharArray()) {
            out.add(new Glyph(String.valueOf(c), x, baseline, advance(c), SIZE));
            x += advance(c);
        }
        return out;
    }

    /** A Chinese character is a full em wide, a Latin one about half. */
    private static float advance(char c) {
        return c >= 0x2E80 ? SIZE : 0.55f * SIZE;
    }

    /** The table's rows as "column:text" cells, in order. */
    private static List<List<String>> rows(List<PageBlock> blocks) {
        Part part = (Part) blocks.stream().filter(b -> b instanceof Part).findFirst().orElseThrow();
        Map<Integer, List<String>> rows = new TreeMap<>();
        for (PartCell c : part.cells()) {
            rows.computeIfAbsent(c.row(), r -> new ArrayList<>()).add(c.fromEdge() + ":" + c.text());
        }
        return List.copyOf(rows.values());
    }

    @Test
    void cellsSetAtTheTopOfTheirRowAreOneRowThoughFiguresSitHigher() {
        // Every cell starts at its row's top; a line of figures has its baseline 2 points above a
        // line of Chinese in the same row (LibreOffice's Latin and CJK fonts), and two names wrap.
        List<Glyph> glyphs = new ArrayList<>();
        glyphs.addAll(word(0, 100, "三级指标"));
        glyphs.addAll(word(1, 100, "年度指标值"));
        glyphs.addAll(word(2, 100, "分值"));
        glyphs.addAll(word(0, 120, "培训人数"));
        glyphs.addAll(word(1, 118, "≥100"));
        glyphs.addAll(word(2, 118, "10"));
        glyphs.addAll(word(0, 140, "资金使用合规"));
        glyphs.addAll(word(0, 153, "率"));
        glyphs.addAll(word(1, 138, "98%"));
        glyphs.addAll(word(2, 138, "10"));
        glyphs.addAll(word(0, 173, "档案资料完整"));
        glyphs.addAll(word(0, 186, "率"));
        glyphs.addAll(word(1, 171, "95%"));
        glyphs.addAll(word(2, 171, "5"));
        assertEquals(List.of(
                        List.of("0:三级指标", "1:年度指标值", "2:分值"),
                        List.of("0:培训人数", "1:≥100", "2:10"),
                        List.of("0:资金使用合规率", "1:98%", "2:10"),
                        List.of("0:档案资料完整率", "1:95%", "2:5")),
                rows(PdfStreamTable.layout(glyphs, null)));
    }

    @Test
    void labelsCentredOverTheirRowsStartAtTheFirstBelowTheColumnsHeading() {
        // Cells centred in their rows (two names wrap), rows 26 points apart, figures 2 points
        // above the Chinese text beside them, a row above the headings with nothing in the labels'
        // column. 数量指标 is centred over three rows, so it stands level with the second; a label
        // of four lines centred over the last two starts as high as the figures of the first.
        List<Glyph> glyphs = new ArrayList<>();
        glyphs.addAll(word(1, 56, "资金总额"));
        glyphs.addAll(word(2, 54, "120"));
        glyphs.addAll(word(0, 94, "二级指标"));
        glyphs.addAll(word(1, 94, "三级指标"));
        glyphs.addAll(word(2, 94, "分值"));
        String[] names = {"培训人数", "培训天数", "培训合格|率", "学员满意度", "单位满意|度"};
        String[] weights = {"10", "10", "10", "5", "5"};
        for (int r = 0; r < names.length; r++) {
            float baseline = 120 + 26 * r;
            String[] lines = names[r].split("\\|");
            if (lines.length == 1) {
                glyphs.addAll(word(1, baseline, lines[0]));
            } else { // two lines centred on the row
                glyphs.addAll(word(1, baseline - 6.5f, lines[0]));
                glyphs.addAll(word(1, baseline + 6.5f, lines[1]));
            }
            glyphs.addAll(word(2, baseline - 2, weights[r]));
        }
        glyphs.addAll(word(0, 146, "数量指标"));
        String[] label = {"服务", "对象", "满意度", "指标"};
        for (int k = 0; k < label.length; k++) {
            glyphs.addAll(word(0, 193.75f + 13 * k, label[k]));
        }
        assertEquals(List.of(
                        List.of("1:资金总额", "2:120"),
                        List.of("0:二级指标", "1:三级指标", "2:分值"),
                        List.of("0:数量指标", "1:培训人数", "2:10"),
                        List.of("1:培训天数", "2:10"),
                        List.of("1:培训合格率", "2:10"),
                        List.of("0:服务对象满意度指标", "1:学员满意度", "2:5"),
                        List.of("1:单位满意度", "2:5")),
                rows(PdfStreamTable.layout(glyphs, null)));
    }

    @Test
    void twoColumnsSideBySideStayApartUnderMoreCellsMergedOverBoth() {
        // The level columns (centres 60 and 150) hold cells side by side in four lines; six goals
        // merged over both cross the gap between them, more than either column holds, in the rows
        // between the first line and the headings. Two of the goals start further right, so the
        // lowest stretch of the gap lies at its left end; 满意度指标 reaches a little into it.
        List<Glyph> glyphs = new ArrayList<>();
        glyphs.addAll(wordAt(60, 60, "资金情况"));
        glyphs.addAll(wordAt(150, 60, "合计"));
        glyphs.addAll(wordAt(240, 60, "120"));
        for (int r = 0; r < 6; r++) {
            glyphs.addAll(r < 4 ? wordAt(105, 86 + 26 * r, "完成验收合格率") : wordAt(113, 86 + 26 * r, "北坡县北坡县"));
        }
        String[][] lines = {{"一级指标", "二级指标", "三级指标"}, {"产出指标", "数量指标", "培训人数"}, {"满意度指标", "满意度", "家长满意度"}};
        for (int r = 0; r < lines.length; r++) {
            for (int c = 0; c < 3; c++) {
                glyphs.addAll(wordAt(60 + 90 * c, 242 + 26 * r, lines[r][c]));
            }
        }
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("0:资金情况", "1:合计", "2:120"));
        for (int r = 0; r < 6; r++) {
            expected.add(List.of(r < 4 ? "0:完成验收合格率" : "0:北坡县北坡县"));
        }
        expected.add(List.of("0:一级指标", "1:二级指标", "2:三级指标"));
        expected.add(List.of("0:产出指标", "1:数量指标", "2:培训人数"));
        expected.add(List.of("0:满意度指标", "1:满意度", "2:家长满意度"));
        assertEquals(expected, rows(PdfStreamTable.layout(glyphs, null)));
    }

    @Test
    void aWideLabelOnTheNextPageReachingALittleIntoTheColumnBesideItStaysInItsOwn() {
        // Page 1 sets the columns (edges midway between 80 and 130, and between 170 and 217); on
        // page 2 a label of nine characters reaches 2 points past the first edge.
        List<Glyph> first = new ArrayList<>();
        first.addAll(word(0, 100, "二级指标"));
        first.addAll(word(1, 100, "三级指标"));
        first.addAll(word(2, 100, "分值"));
        first.addAll(word(0, 126, "数量指标"));
        first.addAll(word(1, 126, "培训人数"));
        first.addAll(word(2, 124, "10"));
        Part open = (Part) PdfStreamTable.layout(first, null).stream().filter(b -> b instanceof Part).findFirst().orElseThrow();
        List<Glyph> next = new ArrayList<>();
        next.addAll(wordAt(62, 60, "服务对象满意度指标"));
        next.addAll(word(1, 60, "学员满意度"));
        next.addAll(word(2, 58, "5"));
        next.addAll(word(0, 86, "效益指标"));
        next.addAll(word(1, 86, "单位满意度"));
        next.addAll(word(2, 84, "5"));
        assertEquals(List.of(
                        List.of("0:服务对象满意度指标", "1:学员满意度", "2:5"),
                        List.of("0:效益指标", "1:单位满意度", "2:5")),
                rows(PdfStreamTable.layout(next, open)));
    }
}
