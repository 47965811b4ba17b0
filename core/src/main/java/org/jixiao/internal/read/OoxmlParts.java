package org.jixiao.internal.read;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where a reader takes the parts of an OOXML package from: the zip itself ({@link OoxmlZip}), or
 * POI's package model when the direct path cannot open the file ({@link OfficeFiles#parts}).
 * Part names carry no leading slash.
 */
interface OoxmlParts {

    /** A relationship of a part: its type URI, target part name (absolute, no leading slash) and id. */
    record Relationship(String id, String type, String target) {
        /** True when the type URI ends with {@code /suffix}, in the transitional or strict namespace. */
        boolean isType(String suffix) {
            return type.endsWith("/" + suffix);
        }
    }

    /** The content of a part, or null when the package has none. */
    InputStream open(String partName) throws IOException;

    /** The internal relationships of a part, in document order; empty when it has none. */
    List<Relationship> relationships(String partName) throws IOException, XMLStreamException;
}
