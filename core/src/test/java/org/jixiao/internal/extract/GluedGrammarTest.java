package org.jixiao.internal.extract;

import org.jixiao.internal.extract.GluedGrammar.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

class GluedGrammarTest {

    private static final GluedGrammar GRAMMAR = new GluedGrammar(Prose.load());
    /** A glued indicator header written twice in a row, read as one of twenty columns. */
    private static final List<Kind> TWICE_WRITTEN_HEADER = List.of(Kind.WEIGHT, Kind.TARGET, Kind.MEASURE, Kind.SCORE,
            Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.WEIGHT, Kind.TARGET, Kind.MEASURE, Kind.PERCENT, Kind.SCORE, Kind.TEXT,
            Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.WEIGHT, Kind.TARGET, Kind.MEASURE, Kind.SCORE);

    @Test
    void aRunTooAmbiguousToReadIsGivenUpWithinItsStateBound() {
        // A glued page whose indicator header was written twice in a row (a page break, a copy
        // pasted twice) is read as one header of twenty columns, three weight-score groups among
        // them: Xinzhou's first row under it has so many readings that the search's states, each
        // holding the cells read so far, filled a 176 MB heap and stopped the whole batch.
        String text = "保障全市各类信息系统安全、稳定、可靠地运行10持续95%9.5";
        GluedGrammar.Run run = GRAMMAR.indicatorRun(text, new boolean[text.length() + 1], 0, text.length(),
                TWICE_WRITTEN_HEADER, Optional.empty());

        List<GluedGrammar.Reading> readings = run.readings();

        assertTrue(run.states() <= 150_001, "states held: " + run.states());
        assertTrue(readings.isEmpty(), "a run too ambiguous to read is reported, not guessed");
    }

    @Test
    void aRunWhoseThreadWasInterruptedStopsSearching() {
        // A batch that gave up waiting for a file interrupts its thread; the search must then end
        // and let go of its states rather than run on, abandoned, holding the shared heap.
        String text = "保障全市各类信息系统安全、稳定、可靠地运行10持续95%9.5";
        GluedGrammar.Run run = GRAMMAR.indicatorRun(text, new boolean[text.length() + 1], 0, text.length(),
                TWICE_WRITTEN_HEADER, Optional.empty());

        Thread.currentThread().interrupt();
        List<GluedGrammar.Reading> readings;
        try {
            readings = run.readings();
        } finally {
            Thread.interrupted();
        }

        assertTrue(run.states() < 100_000, "states held: " + run.states());
        assertTrue(readings.isEmpty());
    }
}
