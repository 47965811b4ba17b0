import org.jixiao.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The warm-JVM measurement of bench/run.sh: runs the real {@code jixiao convert} command on one
 * folder several times in the same JVM and prints the rate of each round, so that the later rounds
 * show the pipeline once class loading and JIT compilation are done (the targets are for a
 * warm JVM; a single cold run also pays the compiler, which competes with the workers for the two
 * cores).
 *
 * <p>Usage: {@code java -cp cli/target/jixiao.jar:bench WarmConvert ROUNDS FOLDER OUTDIR [--threads N]}
 */
public final class WarmConvert {

    public static void main(String[] args) throws Exception {
        // As Main.main does: log4j's simple provider, so POI's logging does not warn on stderr.
        System.setProperty("log4j2.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
        int rounds = Integer.parseInt(args[0]);
        Path folder = Path.of(args[1]);
        Path out = Path.of(args[2]);
        long files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).count();
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= rounds; round++) {
            String[] cli = args.length > 4
                    ? new String[] {"convert", folder.toString(), "--out", out.toString(), "-q", args[3], args[4]}
                    : new String[] {"convert", folder.toString(), "--out", out.toString(), "-q"};
            var cmd = Main.commandLine();
            cmd.setOut(new PrintWriter(new StringWriter()));
            cmd.setErr(new PrintWriter(new StringWriter()));
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            int code = cmd.execute(cli);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMs = (os.getProcessCpuTime() - cpuStart) / 1e6;
            // CPU per file (all threads: workers, writer, JIT, GC) moves less than the wall rate when
            // the machine is shared, so it is the figure to compare two builds by.
            System.out.printf(Locale.ROOT, "  round %d: %d files in %.2f s = %.0f files/s, %.3f CPU ms/file (exit %d)%n",
                    round, files, seconds, files / seconds, cpuMs / files, code);
        }
    }
}
