package org.jixiao.internal.read;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An OOXML package read straight from its zip, without POI's package model.
 *
 * <p>{@code OPCPackage} inflates every entry into memory (images included) and parses the content
 * types and every relationship part into DOM trees before a reader sees a byte; for a form that is
 * a fifth to a third of the reading time. Here the zip is opened for random access over the bytes
 * already in memory, and only the parts a reader asks for are inflated, each as a stream through
 * POI's {@link ZipArchiveThresholdInputStream}, so the same zip-bomb guard ({@link OfficeFiles}
 * sets its limits) applies to every byte inflated. The entry count is held to POI's limit too.
 *
 * <p>Anything unusual at the zip level (no central directory, too many entries, a part a
 * relationship names but the zip lacks) is left to the caller's fallback, POI's package model,
 * which also names the failure; this class only serves packages it can read exactly.
 */
final class OoxmlZip implements OoxmlParts, Closeable {

    private final ZipFile zip;

    private OoxmlZip(ZipFile zip) {
        this.zip = zip;
    }

    /**
     * Opens the bytes as a zip.
     *
     * @return the package, or empty when the bytes are no zip this class can read (the caller
     *         falls back to POI's package model)
     */
    static Optional<OoxmlZip> open(byte[] content) {
        ZipFile zip = null;
        try {
            zip = ZipFile.builder()
                    .setSeekableByteChannel(new SeekableInMemoryByteChannel(content))
                    .setIgnoreLocalFileHeader(true)
                    .get();
            int entries = 0;
            for (var e = zip.getEntries(); e.hasMoreElements(); e.nextElement()) {
                if (++entries > ZipSecureFile.getMaxFileCount()) {
                    zip.close();
                    return Optional.empty();
                }
            }
            return Optional.of(new OoxmlZip(zip));
        } catch (IOException | RuntimeException e) {
            closeQuietly(zip);
            return Optional.empty();
        }
    }

    /**
     * The content of a part, inflated under the zip-bomb guard.
     *
     * @param partName the part name, with or without its leading slash
     * @return the stream, or null when the zip holds no such entry
     */
    @Override
    public InputStream open(String partName) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(partName.startsWith("/") ? partName.substring(1) : partName);
        if (entry == null || entry.isDirectory()) {
            return null;
        }
        return new ZipArchiveThresholdInputStream(zip.getInputStream(entry));
    }

    /** The main document part of a package: its name (no leading slash) and content type. */
    record Main(String partName, String contentType, OfficeFiles.OoxmlKind kind) {
    }

    /**
     * The first Word or Excel main part {@code [Content_Types].xml} declares ({@code ….main+xml}).
     *
     * @return the part, or empty when there is none
     */
    Optional<Main> mainPart() throws IOException, XMLStreamException {
        try (InputStream in = open("[Content_Types].xml")) {
            if (in == null) {
                return Optional.empty();
            }
            XMLStreamReader xml = SecureXml.factory().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && "Override".equals(xml.getLocalName())) {
                        String type = xml.getAttributeValue(null, "ContentType");
                        String name = xml.getAttributeValue(null, "PartName");
                        if (type != null && name != null && type.toLowerCase(Locale.ROOT).endsWith(".main+xml")) {
                            OfficeFiles.OoxmlKind kind = OfficeFiles.kindOf(type);
                            if (kind != OfficeFiles.OoxmlKind.OTHER) {
                                return Optional.of(new Main(stripSlash(name), type, kind));
                            }
                        }
                    }
                }
                return Optional.empty();
            } finally {
                xml.close();
            }
        }
    }

    /**
     * The relationships of a part, from {@code dir/_rels/name.rels}; external targets are left out.
     *
     * @return the relationships in document order; empty when the part has none
     */
    @Override
    public List<OoxmlParts.Relationship> relationships(String partName) throws IOException, XMLStreamException {
        String part = stripSlash(partName);
        int slash = part.lastIndexOf('/');
        String dir = slash < 0 ? "" : part.substring(0, slash + 1);
        try (InputStream in = open(dir + "_rels/" + part.substring(slash + 1) + ".rels")) {
            if (in == null) {
                return List.of();
            }
            return relationships(in, dir);
        }
    }

    /** Parses a relationships part whose targets are relative to {@code dir} (ends with a slash, or empty). */
    static List<OoxmlParts.Relationship> relationships(InputStream in, String dir) throws XMLStreamException {
        List<OoxmlParts.Relationship> out = new ArrayList<>();
        XMLStreamReader xml = SecureXml.factory().createXMLStreamReader(in);
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(xml.getLocalName())) {
                    String id = xml.getAttributeValue(null, "Id");
                    String type = xml.getAttributeValue(null, "Type");
                    String target = xml.getAttributeValue(null, "Target");
                    String mode = xml.getAttributeValue(null, "TargetMode");
                    if (id != null && type != null && target != null && !"External".equalsIgnoreCase(mode)) {
                        out.add(new OoxmlParts.Relationship(id, type, resolve(dir, target)));
                    }
                }
            }
            return Collections.unmodifiableList(out);
        } finally {
            xml.close();
        }
    }

    /** A relationship target as a part name: absolute targets as they are, relative ones against {@code dir}. */
    static String resolve(String dir, String target) {
        String path = target.startsWith("/") ? target.substring(1) : dir + target;
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else {
                segments.add(s);
            }
        }
        return String.join("/", segments);
    }

    private static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        if (zip != null) {
            try {
                zip.close();
            } catch (IOException e) {
                // An in-memory channel has nothing to release that could fail.
            }
        }
    }
}
