package org.jixiao;

/**
 * Limits every reader works under, so that a hostile or broken file fails alone and quickly.
 *
 * @param maxFileBytes largest file accepted, in bytes
 * @param maxCells     largest number of table cells one document may produce
 * @param maxTextChars largest amount of text one document may produce; a text or HTML file whose
 *                     bytes could not hold less (4 bytes a character at most) is refused before it
 *                     is decoded
 */
public record ReadLimits(long maxFileBytes, int maxCells, long maxTextChars) {
    public ReadLimits {
        if (maxFileBytes < 1 || maxCells < 1 || maxTextChars < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * Generous for any real form, small enough to keep two workers within the memory target. The
     * largest corpus file is 160 kB and a form's text about 10,000 characters; Word and Excel files
     * may carry images, hence the larger file limit, but their text is held to the same 4 million
     * characters, which a 30 MB text file would exceed.
     */
    public static ReadLimits defaults() {
        return new ReadLimits(32L * 1024 * 1024, 500_000, 4_000_000L);
    }
}
