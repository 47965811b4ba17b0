package org.jixiao.internal.read;

import org.apache.logging.log4j.spi.Provider;

import java.util.ServiceLoader;

/**
 * Where the log lines of the libraries go. POI logs through log4j-api; with no logging provider on
 * the class path log4j prints "could not find a logging provider" on stderr, and with log4j's simple
 * provider every POI complaint about a damaged file (with its stack trace) lands on the console.
 * jixiao reports a file's trouble as one coded row instead, so by default those lines go nowhere:
 * log4j-api's own simple provider at level OFF. A caller with its own log4j provider (log4j-core, an
 * SLF4J bridge) keeps it: this only acts when none is installed and none is chosen by property.
 */
public final class Logging {

    private static final String PROVIDER = "log4j2.provider";
    private static final String SIMPLE_PROVIDER = "org.apache.logging.log4j.simple.internal.SimpleProvider";
    private static final String SIMPLE_LEVEL = "org.apache.logging.log4j.simplelog.level";

    private Logging() {
    }

    /**
     * Routes the libraries' log lines to log4j's simple provider, silent unless {@code debug} (then
     * warnings and errors go to stderr). Must run before the first library class logs; later calls
     * change nothing.
     */
    public static synchronized void quiet(boolean debug) {
        if (System.getProperty(PROVIDER) != null || providerInstalled()) {
            return;
        }
        System.setProperty(SIMPLE_LEVEL, debug ? "WARN" : "OFF");
        System.setProperty(PROVIDER, SIMPLE_PROVIDER);
    }

    private static boolean providerInstalled() {
        ClassLoader loader = Logging.class.getClassLoader();
        return ServiceLoader.load(Provider.class, loader).stream().findAny().isPresent();
    }
}
