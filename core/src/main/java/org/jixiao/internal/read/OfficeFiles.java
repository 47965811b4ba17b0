package org.jixiao.internal.read;

import org.jixiao.Source;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.RecordFormatException;
import org.jixiao.model.Document;
import org.jixiao.model.Result;
import org.jixiao.model.Stage;

import javax.xml.stream.XMLStreamException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Opens the two Office containers under POI's safety checks and says what they hold.
 *
 * <p>Zip (OOXML): {@link OPCPackage} reads the archive through POI's zip-bomb guard. The guard's
 * settings are static and global in POI; they are set once here with a ratio floor of 0.001
 * (repetitive real styles.xml trips POI's default 0.01, see LIBRARIES.md) and an entry cap, never
 * switched off. The main part's content type from {@code [Content_Types].xml} tells .docx from
 * .xlsx.
 *
 * <p>OLE2: a {@code WordDocument} stream means .doc, {@code Workbook} (or Excel 5's {@code Book})
 * means .xls, and {@code EncryptionInfo} means a password-protected OOXML file.
 */
final class OfficeFiles {

    /** Deflate cannot do better than about 1:1030, so 0.001 still stops a bomb of zeros. */
    static final double MIN_INFLATE_RATIO = 0.001;
    /** No form part comes near this; it caps what a bomb just above the ratio floor can inflate. */
    static final long MAX_ENTRY_SIZE = 256L * 1024 * 1024;
    /**
     * POI's package model holds each part in one array and refuses one over this (a
     * {@code RecordFormatException}, reported as {@code read.zip.bomb}); the direct .docx path
     * applies the same limit to a broken part so that both paths name such a file alike.
     */
    static final long MAX_PART_BYTES = 100_000_000L;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
    }

    private OfficeFiles() {
    }

    enum OoxmlKind { DOCX, XLSX, OTHER }

    /** An open OOXML package and its main part; the caller reverts the package when done. */
    record Ooxml(OPCPackage pkg, PackagePart main, OoxmlKind kind) {
    }

    /** What an OLE2 file holds. */
    enum Ole2Kind { DOC, XLS, ENCRYPTED_OOXML, OTHER }

    /**
     * Reads a .docx or .xlsx straight from its zip ({@link OoxmlZip}), without POI's package model:
     * that model inflates every entry and parses the content types and every relationship part into
     * DOM trees, which cost a fifth to a third of reading a form. The main part is the Word or Excel
     * main document {@code [Content_Types].xml} declares.
     *
     * @param reader reads the package given its main part; empty when it cannot read it this way
     * @return what {@code reader} returned; empty when the file is no package this path can open or
     *         anything goes wrong at the zip level, and the caller opens the file as a full package,
     *         which also names the failure
     */
    static Optional<Result<Document>> readDirect(Source source,
            BiFunction<OoxmlZip, OoxmlZip.Main, Optional<Result<Document>>> reader) {
        Optional<OoxmlZip> opened = OoxmlZip.open(source.content());
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (OoxmlZip zip = opened.get()) {
            Optional<OoxmlZip.Main> main = zip.mainPart();
            return main.isEmpty() ? Optional.empty() : reader.apply(zip, main.get());
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A direct read's result, or empty when it failed as corrupt: such a file goes through the
     * package model, where a zip bomb is told from broken XML (a bomb of zeros breaks the XML at
     * its first byte, before the zip-bomb guard has inflated enough to see the ratio).
     */
    static Optional<Result<Document>> unlessCorrupt(Result<Document> read) {
        if (read instanceof Result.Failed<Document> f && f.failure().code().endsWith(".corrupt")) {
            return Optional.empty();
        }
        return Optional.of(read);
    }

    /** The parts of an open package, for the readers that stream parts ({@link XlsxWorkbook}). */
    static OoxmlParts parts(OPCPackage pkg) {
        return new OoxmlParts() {
            @Override
            public InputStream open(String partName) throws IOException {
                PackagePart part = part(partName);
                return part == null ? null : part.getInputStream();
            }

            @Override
            public List<OoxmlParts.Relationship> relationships(String partName) {
                PackagePart part = part(partName);
                if (part == null) {
                    return List.of();
                }
                List<OoxmlParts.Relationship> out = new ArrayList<>();
                try {
                    for (PackageRelationship r : part.getRelationships()) {
                        if (r.getTargetMode() == TargetMode.EXTERNAL) {
                            continue;
                        }
                        URI target = PackagingURIHelper.resolvePartUri(part.getPartName().getURI(), r.getTargetURI());
                        out.add(new OoxmlParts.Relationship(r.getId(), r.getRelationshipType(),
                                OoxmlZip.resolve("", target.getPath())));
                    }
                } catch (InvalidFormatException e) {
                    throw new IllegalStateException("unreadable relationships of " + partName + ": " + e.getMessage(), e);
                }
                return out;
            }

            private PackagePart part(String partName) {
                try {
                    return pkg.getPart(PackagingURIHelper.createPartName("/" + partName));
                } catch (InvalidFormatException | IllegalArgumentException e) {
                    return null;
                }
            }
        };
    }

    /**
     * Opens a zip as an OOXML package.
     *
     * @return the package, or {@code Failed}: {@code read.zip.bomb}, {@code read.zip.corrupt}, or
     *         {@code read.unsupported_format} for a zip that is not Office Open XML (ODF, plain zip)
     */
    static Result<Ooxml> openOoxml(Source source) {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(source.content()));
        } catch (NotOfficeXmlFileException e) {
            if (isBomb(e)) {
                return zipFailure(source, e);
            }
            return Result.failed(source.name(), Stage.READ, "read.unsupported_format",
                    "expected an Office Open XML package (.docx, .xlsx), found a zip without one: " + e.getMessage());
        } catch (IOException | InvalidFormatException | OpenXML4JRuntimeException | IllegalArgumentException
                 | RecordFormatException e) {
            // RecordFormatException: POI loads each part into one array and refuses one over 100 MB.
            return zipFailure(source, e);
        }
        try {
            PackagePart main = mainPart(pkg);
            if (main == null) {
                pkg.revert();
                return Result.failed(source.name(), Stage.READ, "read.unsupported_format",
                        "expected an Office Open XML package with a main document part, found none");
            }
            return Result.ok(new Ooxml(pkg, main, kindOf(main.getContentType())));
        } catch (InvalidFormatException | RuntimeException e) {
            pkg.revert();
            return zipFailure(source, e);
        }
    }

    static <T> Result<T> zipFailure(Source source, Exception e) {
        if (isBomb(e)) {
            return Result.failed(source.name(), Stage.READ, "read.zip.bomb",
                    "the zip inflates far beyond its size (POI's zip-bomb guard stopped it): " + firstLine(e));
        }
        if (hasEndOfCentralDirectory(source.content())) {
            // A whole archive, just not an OOXML one (no [Content_Types].xml, ODF, a plain zip).
            return Result.failed(source.name(), Stage.READ, "read.unsupported_format",
                    "expected an Office Open XML package (.docx, .xlsx), found a zip without one: " + firstLine(e));
        }
        return Result.failed(source.name(), Stage.READ, "read.zip.corrupt",
                "expected a readable zip archive, found a broken one: " + firstLine(e));
    }

    /** True when the zip's end record ({@code PK\5\6}) is in its last 64 kB, i.e. it is not cut short. */
    private static boolean hasEndOfCentralDirectory(byte[] b) {
        int stop = Math.max(0, b.length - 22 - 0xFFFF);
        for (int i = b.length - 22; i >= stop; i--) {
            if (b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 0x05 && b[i + 3] == 0x06) {
                return true;
            }
        }
        return false;
    }

    private static PackagePart mainPart(OPCPackage pkg) throws InvalidFormatException {
        PackageRelationshipCollection rels = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (rels.size() == 0) {
            rels = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        if (rels.size() == 0) {
            return null;
        }
        return pkg.getPart(rels.getRelationship(0));
    }

    static OoxmlKind kindOf(String contentType) {
        String t = contentType.toLowerCase(Locale.ROOT);
        if (t.contains("wordprocessingml") || t.contains("ms-word")) {
            return OoxmlKind.DOCX;
        }
        if (t.contains("spreadsheetml") || t.contains("ms-excel")) {
            return OoxmlKind.XLSX;
        }
        return OoxmlKind.OTHER;
    }

    /**
     * Opens an OLE2 compound file.
     *
     * @return the file system, or {@code Failed} with {@code read.ole2.corrupt}
     */
    static Result<POIFSFileSystem> openOle2(Source source) {
        try {
            return Result.ok(new POIFSFileSystem(new ByteArrayInputStream(source.content())));
        } catch (IOException | RuntimeException e) {
            return Result.failed(source.name(), Stage.READ, "read.ole2.corrupt",
                    "expected a readable OLE2 file (.doc, .xls), found a broken one: " + firstLine(e));
        }
    }

    static Ole2Kind kindOf(POIFSFileSystem fs) {
        DirectoryNode root = fs.getRoot();
        if (root.hasEntryCaseInsensitive("EncryptionInfo")) {
            return Ole2Kind.ENCRYPTED_OOXML;
        }
        if (root.hasEntryCaseInsensitive("WordDocument")) {
            return Ole2Kind.DOC;
        }
        if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
            return Ole2Kind.XLS;
        }
        return Ole2Kind.OTHER;
    }

    /** The failure for a password-protected OOXML file; the name only picks the wording. */
    static Result<Document> encrypted(Source source) {
        String n = source.name().toLowerCase(Locale.ROOT);
        boolean workbook = n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls");
        return Result.failed(source.name(), Stage.READ, workbook ? "read.xlsx.encrypted" : "read.docx.encrypted",
                "the file is password-protected (an encrypted Office Open XML package); save it without a password");
    }

    static boolean isEncrypted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException) {
                return true;
            }
        }
        return false;
    }

    static boolean isBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("potentially malicious")
                    // POI's IOUtils refusing to hold one part of over 100 MB in an array
                    || m.contains("maximum length for this record type"))) {
                return true;
            }
        }
        return false;
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
