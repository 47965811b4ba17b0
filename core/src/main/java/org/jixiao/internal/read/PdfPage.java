package org.jixiao.internal.read;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a PDF page's content stream that keeps what table reading needs and nothing else:
 * every glyph with its Unicode text and box, and every horizontal or vertical straight piece of a
 * stroked or filled path (cell borders are drawn as lines or as thin filled rectangles).
 *
 * <p>Text and rulings come from the same pass: PDFBox's {@code PDFTextStripper} would parse the
 * stream once more and sort its glyphs, and the lines need a graphics engine anyway. Coordinates are
 * turned from PDF user space (origin bottom left, y up) into page space with the origin at the top
 * left of the crop box and y growing downwards, the page's {@code /Rotate} applied, so that reading
 * order is top to bottom, left to right.
 */
final class PdfPage extends PDFGraphicsStreamEngine {

    /** A glyph: its text (one or a few characters), the left end of its baseline, advance and height. */
    record Glyph(String text, float x, float baseline, float width, float height) {
        float right() {
            return x + width;
        }

        float top() {
            return baseline - height * 0.8f;
        }

        float centerX() {
            return x + width / 2;
        }

        float centerY() {
            return baseline - height * 0.35f;
        }
    }

    /** A horizontal ({@code horizontal}) or vertical ruling: its position across and its extent along. */
    record Ruling(boolean horizontal, float at, float from, float to) {
    }

    /** Straight pieces closer to axis-parallel than this are rulings; the rest are drawing. */
    private static final float SKEW = 1.0f;
    /** Shorter pieces are dots, hatching or glyph parts drawn as paths. */
    private static final float MIN_RULING = 2.0f;

    private final int maxGlyphs;
    private final int maxRulings;
    private final float width;
    private final float height;
    private final float left;
    private final float bottom;
    private final int rotation;
    final List<Glyph> glyphs = new ArrayList<>();
    final List<Ruling> rulings = new ArrayList<>();
    /** Glyphs the font could not map to Unicode: text drawn but not readable as text. */
    int unmapped;
    /** Images drawn on the page (a scan is one image and no text). */
    int images;
    private boolean tooManyGlyphs;

    /** The subpaths of the path being built, each a list of points (x, y pairs) in user space. */
    private final List<float[]> subpaths = new ArrayList<>();
    private float[] current = new float[8];
    private int currentLength;
    private final Point2D.Float point = new Point2D.Float();

    PdfPage(PDPage page, int maxGlyphs, int maxRulings) {
        super(page);
        this.maxGlyphs = maxGlyphs;
        this.maxRulings = maxRulings;
        PDRectangle box = page.getCropBox();
        this.left = box.getLowerLeftX();
        this.bottom = box.getLowerLeftY();
        this.rotation = ((page.getRotation() % 360) + 360) % 360;
        boolean turned = rotation == 90 || rotation == 270;
        this.width = turned ? box.getHeight() : box.getWidth();
        this.height = turned ? box.getWidth() : box.getHeight();
    }

    /** Reads the page; false when it drew more glyphs than the limit allows. */
    boolean read() throws IOException {
        processPage(getPage());
        return !tooManyGlyphs;
    }

    float pageWidth() {
        return width;
    }

    float pageHeight() {
        return height;
    }

    /** Page space x of a user-space point (crop box origin, rotation applied, y downwards). */
    private float px(float ux, float uy) {
        float x = ux - left;
        float y = uy - bottom;
        return switch (rotation) {
            case 90 -> y;
            case 180 -> width - x;
            case 270 -> width - y;
            default -> x;
        };
    }

    private float py(float ux, float uy) {
        float x = ux - left;
        float y = uy - bottom;
        return switch (rotation) {
            case 90 -> x;
            case 180 -> y;
            case 270 -> height - x;
            default -> height - y;
        };
    }

    @Override
    protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement) {
        // Type 3 glyphs are not run as content streams: their drawing would read as rulings.
        if (tooManyGlyphs) {
            return;
        }
        String text = font.toUnicode(code);
        if (text == null || text.isEmpty()) {
            unmapped++;
            return;
        }
        if (glyphs.size() >= maxGlyphs) {
            tooManyGlyphs = true;
            return;
        }
        float ux = trm.getTranslateX();
        float uy = trm.getTranslateY();
        // The advance in text space times the matrix's horizontal scale gives the advance on the page.
        float advance = displacement.getX() * trm.getScalingFactorX();
        float size = Math.abs(trm.getScalingFactorY());
        if (rotation == 90 || rotation == 270) {
            // On a turned page the text matrix is turned too: its scales swap roles.
            advance = displacement.getX() * trm.getScalingFactorY();
            size = Math.abs(trm.getScalingFactorX());
        }
        if (size <= 0) {
            size = 1;
        }
        glyphs.add(new Glyph(text, px(ux, uy), py(ux, uy), Math.abs(advance), size));
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        closeSubpath();
        current = new float[10];
        current[0] = (float) p0.getX();
        current[1] = (float) p0.getY();
        current[2] = (float) p1.getX();
        current[3] = (float) p1.getY();
        current[4] = (float) p2.getX();
        current[5] = (float) p2.getY();
        current[6] = (float) p3.getX();
        current[7] = (float) p3.getY();
        current[8] = (float) p0.getX();
        current[9] = (float) p0.getY();
        currentLength = 10;
        closeSubpath();
    }

    @Override
    public void moveTo(float x, float y) {
        closeSubpath();
        add(x, y);
        point.setLocation(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        if (currentLength == 0) {
            add(point.x, point.y);
        }
        add(x, y);
        point.setLocation(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        // A curve is no ruling: the straight pieces before and after it stay apart.
        closeSubpath();
        add(x3, y3);
        point.setLocation(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return (Point2D) point.clone();
    }

    @Override
    public void closePath() {
        if (currentLength >= 2) {
            add(current[0], current[1]);
        }
    }

    @Override
    public void endPath() {
        clearPath();
    }

    @Override
    public void strokePath() {
        keepPath(false);
    }

    @Override
    public void fillPath(int windingRule) {
        keepPath(true);
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        keepPath(false);
    }

    @Override
    public void clip(int windingRule) {
        // The clip is followed by its own painting operator (often "n"), which ends the path.
    }

    @Override
    public void drawImage(PDImage pdImage) {
        images++;
    }

    @Override
    public void shadingFill(COSName shadingName) {
        // Shadings are backgrounds, never rulings.
    }

    private void add(float x, float y) {
        if (currentLength + 2 > current.length) {
            current = java.util.Arrays.copyOf(current, current.length * 2);
        }
        current[currentLength++] = x;
        current[currentLength++] = y;
    }

    private void closeSubpath() {
        if (currentLength >= 4) {
            subpaths.add(java.util.Arrays.copyOf(current, currentLength));
        }
        current = new float[8];
        currentLength = 0;
    }

    private void clearPath() {
        subpaths.clear();
        current = new float[8];
        currentLength = 0;
    }

    /**
     * Keeps the axis-parallel straight pieces of the painted path as rulings. A filled area larger
     * than a fifth of the page is a background, not a border, and gives none.
     */
    private void keepPath(boolean filled) {
        closeSubpath();
        for (float[] s : subpaths) {
            if (filled && area(s) > width * height / 5) {
                continue;
            }
            for (int i = 0; i + 3 < s.length; i += 2) {
                keepPiece(px(s[i], s[i + 1]), py(s[i], s[i + 1]), px(s[i + 2], s[i + 3]), py(s[i + 2], s[i + 3]));
            }
        }
        clearPath();
    }

    private void keepPiece(float x0, float y0, float x1, float y1) {
        if (rulings.size() >= maxRulings) {
            return;
        }
        float dx = Math.abs(x1 - x0);
        float dy = Math.abs(y1 - y0);
        if (dy <= SKEW && dx >= MIN_RULING) {
            rulings.add(new Ruling(true, (y0 + y1) / 2, Math.min(x0, x1), Math.max(x0, x1)));
        } else if (dx <= SKEW && dy >= MIN_RULING) {
            rulings.add(new Ruling(false, (x0 + x1) / 2, Math.min(y0, y1), Math.max(y0, y1)));
        }
    }

    /** The area of the bounding box of a subpath. */
    private static float area(float[] s) {
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int i = 0; i + 1 < s.length; i += 2) {
            minX = Math.min(minX, s[i]);
            maxX = Math.max(maxX, s[i]);
            minY = Math.min(minY, s[i + 1]);
            maxY = Math.max(maxY, s[i + 1]);
        }
        return (maxX - minX) * (maxY - minY);
    }
}
