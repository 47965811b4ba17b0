package org.jixiao.internal.read;

import com.ctc.wstx.stax.WstxInputFactory;
import org.codehaus.stax2.XMLStreamReader2;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The StAX set-up every XML part is read with: Word's and Excel's parts ({@link OoxmlZip},
 * {@link DocxReader}, {@link XlsxWorkbook}) and OpenDocument's ({@link OdfReader}).
 */
final class SecureXml {

    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(() -> secure(true));
    private static final ThreadLocal<XMLInputFactory> PLAIN_FACTORY = ThreadLocal.withInitial(() -> secure(false));

    private static XMLInputFactory secure(boolean namespaceAware) {
        XMLInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, namespaceAware);
        return f;
    }

    private SecureXml() {
    }

    /**
     * This thread's factory: Woodstox, named so that no other StAX implementation on a caller's
     * class path is picked up by the service loader, with DTDs and external entities off and entity
     * references left unresolved, so an XXE payload yields no text. One per thread:
     * {@code XMLInputFactory} is not promised thread-safe.
     */
    static XMLInputFactory factory() {
        return FACTORY.get();
    }

    /**
     * This thread's factory as {@link #factory()}, but with namespaces left to the caller: names
     * come as written ({@code w:p}) and {@code xmlns} declarations as attributes, which
     * {@link PrefixScope} resolves. For the large parts read on every file, where the parser's own
     * namespace work costs more than the caller's.
     */
    static XMLInputFactory plainFactory() {
        return PLAIN_FACTORY.get();
    }

    /** Skips the element just started, with all it holds; the reader then stands on its end tag. */
    static void skipElement(XMLStreamReader xml) throws XMLStreamException {
        if (xml instanceof XMLStreamReader2 fast) {
            // Woodstox skips a subtree without reporting its events: formatting is most of the XML.
            fast.skipElement();
            return;
        }
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
