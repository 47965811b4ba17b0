package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.converter.WordToHtmlConverter;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.jixiao.model.Document;
import org.jixiao.model.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The direct HWPF walk reads every .doc exactly as the route it replaced: POI's
 * WordToHtmlConverter, its DOM serialised as HTML, and that HTML read by HtmlReader.
 */
class DocReaderTest {

    private final ReadLimits limits = ReadLimits.defaults();

    /** The former .doc route, kept here as the reference. */
    private Document viaHtml(Source source) throws Exception {
        String html;
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(source.content()));
             HWPFDocument doc = new HWPFDocument(fs)) {
            WordToHtmlConverter converter = new WordToHtmlConverter(
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument());
            converter.processDocument(doc);
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.METHOD, "html");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(converter.getDocument()), new StreamResult(out));
            html = out.toString();
        }
        return Fixtures.ok(new HtmlReader(limits).readHtml(source.name(), html, SourceFormat.DOC));
    }

    private static Source resource(String path) throws Exception {
        try (InputStream in = DocReaderTest.class.getResourceAsStream("/" + path)) {
            assertTrue(in != null, "missing fixture " + path);
            return new Source(path, in.readAllBytes());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"corpus/shanxi-2020-it-ops/form.doc", "corpus/shanxi-2020-cloud-rent/form.doc",
            "corpus/shanxi-2020-trading-center/form.doc", "corpus/xinzhou-2020-it-build/form.doc",
            "doc/sichuan-daying.doc", "doc/yunnan-lijiang.doc", "doc/two-forms-split-pages.doc"})
    void readsAsTheHtmlRouteDid(String path) throws Exception {
        Source source = resource(path);
        Document direct = Fixtures.ok(new DocReader(limits).read(source));
        Document reference = viaHtml(source);
        assertEquals(reference, direct);
        assertEquals(reference, Fixtures.ok(new DocReader(limits, false).read(source)), "with POI's own tables");
        assertTrue(direct.tables().size() > 0, path + " has its form table");
    }

    @Test
    void buildsEachParagraphFormatOnce() {
        // Without POI's paragraph constructor every paragraph's properties are built afresh: the
        // same documents, read at a third more cost (a POI upgrade that renames it shows here).
        assertTrue(DocReader.sharesParagraphProperties(), "POI's Paragraph(PAPX, ParagraphProperties, Range) is reachable");
    }

    @Test
    void refusesTablesCoveringTooManyCells() throws Exception {
        DocReader small = new DocReader(new ReadLimits(1 << 22, 20, 1_000_000));
        Fixtures.assertFailed("read.too_many_cells", small.read(resource("corpus/shanxi-2020-it-ops/form.doc")));
    }

    @Test
    void refusesTooMuchText() throws Exception {
        DocReader small = new DocReader(new ReadLimits(1 << 22, 100_000, 500));
        Fixtures.assertFailed("read.too_large", small.read(resource("corpus/shanxi-2020-it-ops/form.doc")));
    }
}
