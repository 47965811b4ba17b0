package org.jixiao.internal.read;

import org.jixiao.Source;
import org.jixiao.model.Block;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Paragraph;
import org.jixiao.model.Result;
import org.jixiao.model.Row;
import org.jixiao.model.Stage;
import org.jixiao.model.Table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Shared test fixtures: corpus files from the classpath, small generated packages, assertions. */
final class Fixtures {

    private Fixtures() {
    }

    /** A corpus file, e.g. {@code shanxi-2020-it-ops/form.docx}; a missing one fails with its name. */
    static byte[] corpus(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/corpus/" + path)) {
            assertNotNull(in, "missing test fixture /corpus/" + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Source corpusSource(String path) {
        return new Source(path, corpus(path));
    }

    static Document ok(Result<Document> result) {
        if (result instanceof Result.Failed<Document> f) {
            throw new AssertionError("expected Ok, got " + f.failure());
        }
        return ((Result.Ok<Document>) result).value();
    }

    static void assertFailed(String code, Result<Document> result) {
        Result.Failed<?> f = assertInstanceOf(Result.Failed.class, result, () -> "expected Failed " + code + ", got " + result);
        assertEquals(Stage.READ, f.failure().stage());
        assertEquals(code, f.failure().code(), f.failure().message());
    }

    /**
     * Everything a reader of the form sees, in reading order: each paragraph and each non-blank
     * cell (row by row), split into lines, blank lines dropped.
     */
    static List<String> readingSequence(Document d) {
        List<String> out = new ArrayList<>();
        for (Block b : d.blocks()) {
            if (b instanceof Paragraph p) {
                addLines(out, p.text());
            } else {
                for (Row r : ((Table) b).rows()) {
                    for (Cell c : r.cells()) {
                        addLines(out, c.text());
                    }
                }
            }
        }
        return out;
    }

    /** The non-blank cell texts of one table, row by row. */
    static List<String> cellTexts(Table t) {
        List<String> out = new ArrayList<>();
        for (Row r : t.rows()) {
            for (Cell c : r.nonBlank()) {
                out.add(c.text());
            }
        }
        return out;
    }

    /** The first cell of the table whose text is {@code text}. */
    static Cell cell(Table t, String text) {
        for (Row r : t.rows()) {
            for (Cell c : r.cells()) {
                if (c.text().equals(text)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no cell with text " + text + " in table " + t.number());
    }

    /** The 0-based row index of the row that anchors the cell with this text. */
    static int rowOf(Table t, String text) {
        for (int i = 0; i < t.rows().size(); i++) {
            for (Cell c : t.rows().get(i).cells()) {
                if (c.text().equals(text)) {
                    return i;
                }
            }
        }
        throw new AssertionError("no cell with text " + text + " in table " + t.number());
    }

    private static void addLines(List<String> out, String text) {
        for (String line : text.split("\n")) {
            String s = line.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
    }

    /** A zip of the given entries, stored in order. */
    static byte[] zip(Map<String, byte[]> entries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /** A minimal .docx whose document.xml is {@code documentXml}. */
    static byte[] docx(String documentXml) {
        return docx(documentXml.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] docx(byte[] documentXml) {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("[Content_Types].xml", ("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                </Types>""").getBytes(StandardCharsets.UTF_8));
        entries.put("_rels/.rels", ("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>""").getBytes(StandardCharsets.UTF_8));
        entries.put("word/document.xml", documentXml);
        return zip(entries);
    }

    /** document.xml around a body fragment, with the w, mc, wps and v namespaces declared. */
    static String body(String inner) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"" + W_NS + "\""
                + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
                + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
                + " xmlns:v=\"urn:schemas-microsoft-com:vml\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<w:body>" + inner + "</w:body></w:document>";
    }
}
