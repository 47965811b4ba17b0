package org.jixiao.internal.write;

import java.io.IOException;

/** Closing several things where each must be closed whatever the others do. */
public final class Closing {

    private Closing() {
    }

    /**
     * Closes every one of {@code things} (nulls are skipped), even after one fails.
     *
     * @return the first failure, with the later ones suppressed in it, or null when all closed
     */
    public static IOException closeEach(Iterable<? extends AutoCloseable> things) {
        IOException first = null;
        for (AutoCloseable c : things) {
            if (c == null) {
                continue;
            }
            IOException failed;
            try {
                c.close();
                continue;
            } catch (IOException e) {
                failed = e;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                // The files, sinks and journals closed here throw IOException alone.
                failed = new IOException(e);
            }
            if (first == null) {
                first = failed;
            } else {
                first.addSuppressed(failed);
            }
        }
        return first;
    }
}
