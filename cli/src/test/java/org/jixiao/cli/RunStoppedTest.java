package org.jixiao.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever escapes a command ends the run with one line and exit code 2, never a stack trace. */
class RunStoppedTest {

    @Command(name = "heap")
    static final class HeapGone implements Runnable {
        @Override
        public void run() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Command(name = "bug")
    static final class Bug implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("a state no command expected\nand a second line");
        }
    }

    private static String run(String command, int[] exit) {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand(new HeapGone());
        cl.addSubcommand(new Bug());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        exit[0] = Main.execute(cl, command);
        return err.toString();
    }

    @Test
    void anOutOfMemoryErrorIsOneLine() {
        int[] exit = new int[1];
        String err = run("heap", exit);
        assertEquals(Main.UNUSABLE, exit[0]);
        assertEquals("jixiao: the run stopped before writing its output: this JVM ran out of memory (Java heap space); "
                + "try fewer --threads", err.strip());
    }

    @Test
    void anUnexpectedExceptionIsOneLineWithoutTrace() {
        int[] exit = new int[1];
        String err = run("bug", exit);
        assertEquals(Main.UNUSABLE, exit[0]);
        assertTrue(err.startsWith("jixiao: the run stopped before writing its output: unexpected java.lang.IllegalStateException"), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertFalse(err.contains("\tat "), err);
    }
}
