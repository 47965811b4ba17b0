package org.jixiao.read;

import org.apache.poi.OldFileFormatException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.converter.WordToHtmlConverter;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.jixiao.model.Document;
import org.jixiao.model.Result;
import org.jixiao.model.SourceFormat;
import org.jixiao.model.Stage;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Reads legacy Word 97-2003 .doc files through POI HWPF.
 *
 * <p>In .doc a horizontal merge shows only as cell widths ({@code isMerged()} is false
 * everywhere, LIBRARIES.md), so grid columns must come from cell edges. POI's
 * {@link WordToHtmlConverter} already derives {@code colspan}/{@code rowspan} from the edges of
 * all rows; its HTML is handed to {@link HtmlReader}, so .doc and HTML share one grid algorithm.
 * HWPF flattens a nested table into the outer cell's paragraphs.
 */
public final class DocReader implements DocumentReader {

    private static final ThreadLocal<DocumentBuilder> DOM = ThreadLocal.withInitial(DocReader::documentBuilder);
    private static final ThreadLocal<Transformer> SERIALIZER = ThreadLocal.withInitial(DocReader::serializer);

    private final HtmlReader html;

    public DocReader(ReadLimits limits) {
        this(new HtmlReader(limits));
    }

    /** A reader whose HTML rendering goes to {@code html} (Readers shares its own). */
    DocReader(HtmlReader html) {
        this.html = html;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code Failed} with {@code read.ole2.corrupt}, {@code read.doc.not_doc} (another OLE2
     *         file), {@code read.doc.encrypted}, {@code read.doc.old_format} (Word 6/95) or
     *         {@code read.doc.corrupt}
     */
    @Override
    public Result<Document> read(Source source) {
        return OfficeFiles.openOle2(source).then(fs -> {
            OfficeFiles.Ole2Kind kind = OfficeFiles.kindOf(fs);
            if (kind == OfficeFiles.Ole2Kind.ENCRYPTED_OOXML) {
                return OfficeFiles.encrypted(source);
            }
            if (kind != OfficeFiles.Ole2Kind.DOC) {
                return Result.failed(source.name(), Stage.READ, "read.doc.not_doc",
                        "expected a Word 97-2003 document (a WordDocument stream), found an OLE2 file without one");
            }
            return read(source, fs);
        });
    }

    Result<Document> read(Source source, POIFSFileSystem fs) {
        String rendered;
        try (HWPFDocument doc = new HWPFDocument(fs)) {
            WordToHtmlConverter converter = new WordToHtmlConverter(DOM.get().newDocument());
            converter.processDocument(doc);
            StringWriter out = new StringWriter();
            SERIALIZER.get().transform(new DOMSource(converter.getDocument()), new StreamResult(out));
            rendered = out.toString();
        } catch (OldFileFormatException e) {
            return Result.failed(source.name(), Stage.READ, "read.doc.old_format",
                    "expected a Word 97-2003 document, found an older Word format: " + OfficeFiles.firstLine(e));
        } catch (IOException | TransformerException | RuntimeException e) {
            if (OfficeFiles.isEncrypted(e)) {
                return Result.failed(source.name(), Stage.READ, "read.doc.encrypted",
                        "the .doc is password-protected; save it without a password");
            }
            return Result.failed(source.name(), Stage.READ, "read.doc.corrupt",
                    "expected a readable Word 97-2003 document, found: " + OfficeFiles.firstLine(e));
        }
        return html.readHtml(source.name(), rendered, SourceFormat.DOC);
    }

    private static DocumentBuilder documentBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM builder is unavailable", e);
        }
    }

    private static Transformer serializer() {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.METHOD, "html");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            return t;
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("the JDK's XML serializer is unavailable", e);
        }
    }
}
