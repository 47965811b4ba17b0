package org.jixiao.internal.read;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Bad PDF and OpenDocument inputs made in the tests (nothing large is committed); shared with the CLI tests. */
public final class BadFiles {

    private BadFiles() {
    }

    /** The ruled test table saved with a user password. */
    public static byte[] encryptedPdf() {
        try (PDDocument doc = Loader.loadPDF(PdfReaderTest.ruledTable()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page holding only an image, as a scanner writes it. */
    public static byte[] scannedPdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            BufferedImage scan = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 50, 500);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first half of a PDF, as an interrupted download leaves it. */
    public static byte[] truncated(byte[] pdf) {
        return Arrays.copyOf(pdf, pdf.length / 2);
    }

    /** A page tree nested {@code depth} levels deep (one Pages object a level) above the ruled test page. */
    public static byte[] deepPageTree(int depth) {
        try (PDDocument doc = Loader.loadPDF(PdfReaderTest.ruledTable()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            COSDictionary node = doc.getPage(0).getCOSObject();
            for (int i = 0; i < depth; i++) {
                COSDictionary parent = new COSDictionary();
                parent.setItem(COSName.TYPE, COSName.PAGES);
                COSArray kids = new COSArray();
                kids.add(node);
                parent.setItem(COSName.KIDS, kids);
                parent.setInt(COSName.COUNT, 1);
                node.setItem(COSName.PARENT, parent);
                node = parent;
            }
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.PAGES, node);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code copies} copies of a PDF's pages in one file. */
    public static byte[] repeated(byte[] pdf, int copies) {
        try (PDDocument source = Loader.loadPDF(pdf); PDDocument doc = new PDDocument();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < copies; i++) {
                for (PDPage page : source.getPages()) {
                    doc.importPage(page);
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An .odt whose content.xml inflates from about 64 kB to 64 MB of spaces. */
    public static byte[] odtZipBomb() {
        byte[] spaces = new byte[64 * 1024 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        return OdfReaderTest.package_("application/vnd.oasis.opendocument.text", spaces, false, null);
    }

    /** A small valid .odt holding {@code text} in one paragraph. */
    public static byte[] odt(String text) {
        return OdfReaderTest.odt("<text:p>" + text + "</text:p>");
    }
}
