package org.jixiao.internal.read;

import javax.xml.stream.XMLStreamReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The namespace bindings in force during a parse that leaves namespaces to the caller
 * ({@link SecureXml#plainFactory()}). Such a parser reports names as written ({@code w:p}) and
 * {@code xmlns} declarations as plain attributes; this class keeps the declarations in scope so
 * that a prefix still means what the document bound it to, whatever the prefix is.
 *
 * <p>Why not let the parser do it: in a .docx read, Woodstox's namespace work (reading the
 * declarations, resolving every element's and attribute's prefix, even inside the formatting
 * subtrees it skips) was about a fifth of the parse while the code ran C1-compiled, as it does in
 * a small batch, and 5 to 15 % once C2 had compiled it. A document declares its namespaces once,
 * on the root, so here the common element costs one scan of its attribute names.
 *
 * <p>Call {@link #enter} on every start element the walk sees and {@link #exit} on its end
 * element (also when the walk skips the element's content). Not thread-safe: one per parse.
 */
final class PrefixScope {

    /** Prefix ({@code ""} for the default namespace) to namespace URI ({@code ""} when undeclared). */
    private final Map<String, String> bound = new HashMap<>();
    /** The bindings an element replaced, to restore at its end: innermost first. */
    private final Deque<Replaced> replaced = new ArrayDeque<>();
    private int depth;

    private record Replaced(int depth, String prefix, String previous) {
    }

    /**
     * Opens the scope of the start element {@code xml} stands on, taking in its {@code xmlns}
     * declarations.
     *
     * @return true when the element declared a binding, so names resolved before may now resolve differently
     */
    boolean enter(XMLStreamReader xml) {
        depth++;
        boolean declared = false;
        int count = xml.getAttributeCount();
        for (int i = 0; i < count; i++) {
            String name = xml.getAttributeLocalName(i);
            if (name.startsWith("xmlns") && (name.length() == 5 || name.charAt(5) == ':')) {
                String prefix = name.length() == 5 ? "" : name.substring(6);
                String previous = bound.put(prefix, xml.getAttributeValue(i));
                replaced.push(new Replaced(depth, prefix, previous));
                declared = true;
            }
        }
        return declared;
    }

    /**
     * Closes the scope of the innermost open element.
     *
     * @return true when bindings declared by that element went out of scope
     */
    boolean exit() {
        boolean restored = false;
        while (!replaced.isEmpty() && replaced.peek().depth() == depth) {
            Replaced r = replaced.pop();
            if (r.previous() == null) {
                bound.remove(r.prefix());
            } else {
                bound.put(r.prefix(), r.previous());
            }
            restored = true;
        }
        depth--;
        return restored;
    }

    /** The namespace URI of a name as written ({@code w:p}, {@code p}); {@code ""} when its prefix is not bound. */
    String namespaceOf(String qualifiedName) {
        int colon = qualifiedName.indexOf(':');
        String prefix = colon < 0 ? "" : qualifiedName.substring(0, colon);
        return bound.getOrDefault(prefix, "");
    }

    /** True when {@code qualifiedName} is {@code local} with or without a prefix ({@code w:val}, {@code val}). */
    static boolean hasLocalPart(String qualifiedName, String local) {
        int prefixLength = qualifiedName.length() - local.length() - 1;
        return qualifiedName.equals(local) || (prefixLength > 0 && qualifiedName.endsWith(local)
                && qualifiedName.charAt(prefixLength) == ':' && qualifiedName.indexOf(':') == prefixLength);
    }

    /** The name without its prefix: {@code w:p} to {@code p}. */
    static String localPart(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.indexOf(':') + 1);
    }
}
