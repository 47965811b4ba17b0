package org.jixiao.read;

/**
 * Limits every reader works under, so that a hostile or broken file fails alone and quickly.
 *
 * @param maxFileBytes largest file accepted, in bytes
 * @param maxCells     largest number of table cells one document may produce
 * @param maxTextChars largest amount of text one document may produce
 */
public record ReadLimits(long maxFileBytes, int maxCells, long maxTextChars) {
    public ReadLimits {
        if (maxFileBytes < 1 || maxCells < 1 || maxTextChars < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Generous for any real form (the largest corpus file is 160 kB), small enough to stay safe. */
    public static ReadLimits defaults() {
        return new ReadLimits(32L * 1024 * 1024, 500_000, 20_000_000L);
    }
}
