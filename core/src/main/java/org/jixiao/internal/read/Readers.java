package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.jixiao.model.Document;
import org.jixiao.model.Result;
import org.jixiao.model.Stage;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point of the read stage: detects a file's format from its bytes, never its name, and
 * hands it to the reader for that format. Stateless and thread-safe.
 *
 * <p>Detection ({@link Sniffer}): a zip is opened as an OOXML package and its main part's content
 * type picks {@link DocxReader} or {@link SpreadsheetReader}; an OLE2 file's streams pick
 * {@link DocReader} ({@code WordDocument}) or {@link SpreadsheetReader} ({@code Workbook}), and
 * {@code EncryptionInfo} marks a password-protected .docx/.xlsx; a zip whose {@code mimetype}
 * entry names OpenDocument text or a spreadsheet goes to {@link OdfReader}; {@code %PDF-} means
 * {@link PdfReader}; markup at the start means
 * {@link HtmlReader}; other text goes to {@link TextReader}. So a ".doc" that is HTML, a ".txt"
 * that is HTML and a ".docx" renamed ".zip" are all read as what they are.
 */
public final class Readers {

    private final ReadLimits limits;
    private final TextReader text;
    private final HtmlReader html;
    private final DocxReader docx;
    private final DocReader doc;
    private final SpreadsheetReader spreadsheet;
    private final OdfReader odf;
    private final PdfReader pdf;

    public Readers(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.text = new TextReader(limits);
        this.html = new HtmlReader(limits);
        this.docx = new DocxReader(limits);
        this.doc = new DocReader(limits);
        this.spreadsheet = new SpreadsheetReader(limits);
        this.odf = new OdfReader(limits);
        this.pdf = new PdfReader(limits);
    }

    public static Readers withDefaults() {
        return new Readers(ReadLimits.defaults());
    }

    /**
     * Reads one file.
     *
     * @return the document, or {@code Failed} at stage {@code READ}: {@code read.empty},
     *         {@code read.too_large}, {@code read.unsupported_format}, {@code read.zip.corrupt},
     *         {@code read.zip.bomb}, {@code read.ole2.corrupt}, {@code read.docx.encrypted},
     *         {@code read.xlsx.encrypted}, {@code read.odt.encrypted}, {@code read.ods.encrypted},
     *         {@code read.pdf.encrypted}, {@code read.pdf.no_text_layer}
     *         or a format-specific code of the reader chosen
     */
    public Result<Document> read(Source source) {
        byte[] b = source.content();
        if (b.length == 0) {
            return Result.failed(source.name(), Stage.READ, "read.empty", "the file is empty (0 bytes)");
        }
        if (b.length > limits.maxFileBytes()) {
            return Result.failed(source.name(), Stage.READ, "read.too_large",
                    String.format(Locale.ROOT, "the file has %d bytes, more than the limit of %d",
                            b.length, limits.maxFileBytes()));
        }
        return switch (Sniffer.sniff(b)) {
            case ZIP -> readZip(source);
            case OLE2 -> readOle2(source);
            case PDF -> pdf.read(source);
            case HTML -> html.read(source);
            case TEXT -> text.read(source);
            case BINARY -> unsupported(source, "binary content that is not a zip or OLE2 Office file");
        };
    }

    /**
     * A zip is OpenDocument when its {@code mimetype} entry says so (the first entry, as ODF
     * requires, or, for a package written out of order, found after the OOXML path saw no
     * {@code [Content_Types].xml}); otherwise Office Open XML.
     */
    private Result<Document> readZip(Source source) {
        Optional<String> mimetype = OdfReader.leadingMimetype(source.content());
        if (mimetype.isPresent() && OdfReader.isOpenDocument(mimetype.get())) {
            return OdfReader.kindOf(mimetype.get()).isPresent() ? odf.read(source)
                    : unsupported(source, "an OpenDocument file of another kind (" + mimetype.get() + ")");
        }
        Result<Document> ooxml = readOoxml(source);
        if (ooxml instanceof Result.Failed<Document> f && f.failure().code().equals("read.unsupported_format")) {
            Result<Document> opened = odf.read(source);
            if (!(opened instanceof Result.Failed<Document> g && g.failure().code().equals("read.odt.not_odt"))) {
                return opened;
            }
        }
        return ooxml;
    }

    private Result<Document> readOoxml(Source source) {
        // The common cases, .docx and .xlsx, are read without POI's package model; anything else, or
        // a file that path cannot open, goes through the full package, which also names the failure.
        Optional<Result<Document>> direct = OfficeFiles.readDirect(source, (zip, main) -> switch (main.kind()) {
            case DOCX -> docx.readDirect(source, zip, main.partName());
            case XLSX -> spreadsheet.readXlsx(source, zip, main.partName());
            case OTHER -> Optional.empty();
        });
        if (direct.isPresent()) {
            return direct.get();
        }
        return OfficeFiles.openOoxml(source).then(o -> switch (o.kind()) {
            case DOCX -> {
                try {
                    yield docx.readMain(source, o.main());
                } finally {
                    o.pkg().revert();
                }
            }
            case XLSX -> spreadsheet.readXlsx(source, o);
            case OTHER -> {
                o.pkg().revert();
                yield unsupported(source, "an Office Open XML package whose main part is " + o.main().getContentType());
            }
        });
    }

    private Result<Document> readOle2(Source source) {
        Result<POIFSFileSystem> opened = OfficeFiles.openOle2(source);
        return opened.then(fs -> switch (OfficeFiles.kindOf(fs)) {
            case DOC -> doc.read(source, fs);
            case XLS -> spreadsheet.readXls(source, fs);
            case ENCRYPTED_OOXML -> OfficeFiles.encrypted(source);
            case OTHER -> unsupported(source, "an OLE2 file that is neither a Word nor an Excel document");
        });
    }

    private static Result<Document> unsupported(Source source, String found) {
        return Result.failed(source.name(), Stage.READ, "read.unsupported_format",
                "expected .docx, .doc, .xlsx, .xls, .odt, .ods, PDF, HTML or text, found " + found);
    }
}
