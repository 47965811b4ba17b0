import org.jixiao.cli.Main;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The warm half of bench/ratios.sh: jixiao's whole {@code convert} against the cheapest walk of the
 * same files with the library jixiao builds on, one JVM each, rounds taken in turn in one sitting.
 *
 * <p>{@code java Ratios drive FOLDER WARM CYCLES MODE...} starts one {@code serve} JVM per mode and
 * asks each in turn for a round over FOLDER, WARM uncounted then CYCLES counted rounds, and prints
 * a table per folder: files/s and CPU ms/file (medians) and the ratio jixiao/walk. Modes:
 * {@code jixiao}; the bare walks {@code stax} (.docx: Woodstox over word/document.xml: cells,
 * spans, text), {@code jsoup} (HTML: parse, every cell's text), {@code xssf} (.xlsx: POI usermodel,
 * every cell formatted, merged regions), {@code hwpf} (.doc: every table cell's text and merge
 * flags); {@code tika} (Apache Tika's parseToString) when TIKA_JAR is on the class path.
 *
 * <p>{@code java Ratios alone FOLDER ROUNDS JIXIAO_MODE PEER_MODE} runs each JVM by itself instead,
 * ROUNDS rounds one after the other, and prints every round's files/s and the CPU its C2 compiler
 * thread took in it (read from {@code /proc}, Linux only): how far the counted rounds of
 * {@code drive} are from a JVM whose compiler has finished with jixiao's code (bench/README.md,
 * 2026-12-07).
 */
public final class Ratios {

    private static final int THREADS = 2;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("serve")) {
            serve(args[1]);
        } else if (args[0].equals("alone")) {
            alone(Path.of(args[1]), Integer.parseInt(args[2]), args[3], args[4]);
        } else {
            drive(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    List.of(args).subList(4, args.length));
        }
    }

    // ---- the driver ----

    private static void drive(Path folder, int warm, int cycles, List<String> modes) throws Exception {
        List<Process> workers = new ArrayList<>();
        List<BufferedReader> replies = new ArrayList<>();
        for (String mode : modes) {
            Process p = start(mode);
            workers.add(p);
            replies.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }
        List<List<double[]>> results = new ArrayList<>();
        modes.forEach(m -> results.add(new ArrayList<>()));
        for (int c = 0; c < warm + cycles; c++) {
            for (int m = 0; m < modes.size(); m++) {
                PrintWriter ask = new PrintWriter(workers.get(m).getOutputStream(), true, StandardCharsets.UTF_8);
                ask.println(folder);
                String[] r = replies.get(m).readLine().split(" ");
                if (c >= warm) {
                    double files = Double.parseDouble(r[0]);
                    results.get(m).add(new double[] {files / Double.parseDouble(r[1]), Double.parseDouble(r[2]) / files});
                }
            }
        }
        workers.forEach(Process::destroy);
        System.out.printf(Locale.ROOT, "%s (%d warm-up + %d counted rounds, %d threads)%n", folder, warm, cycles, THREADS);
        System.out.println("| mode | files/s (median) | CPU ms/file (median) | jixiao/mode, files/s | jixiao/mode, CPU |");
        System.out.println("|---|---:|---:|---:|---:|");
        double jxRate = median(results.get(0), 0);
        double jxCpu = median(results.get(0), 1);
        for (int m = 0; m < modes.size(); m++) {
            double rate = median(results.get(m), 0);
            double cpu = median(results.get(m), 1);
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %s | %s |%n", modes.get(m), rate, cpu,
                    m == 0 ? "" : String.format(Locale.ROOT, "%.2f", jxRate / rate),
                    m == 0 ? "" : String.format(Locale.ROOT, "%.2f", cpu / jxCpu));
        }
    }

    /** Each mode's JVM by itself, ROUNDS rounds in a row; a table of rounds, then the ratios. */
    private static void alone(Path folder, int rounds, String jixiao, String peer) throws Exception {
        double[][] rate = new double[2][rounds];
        double[][] c2 = new double[2][rounds];
        List<String> modes = List.of(jixiao, peer);
        for (int m = 0; m < 2; m++) {
            Process p = start(modes.get(m));
            PrintWriter ask = new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8);
            BufferedReader reply = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            double before = c2Millis(p.pid());
            for (int r = 0; r < rounds; r++) {
                ask.println(folder);
                String[] answer = reply.readLine().split(" ");
                rate[m][r] = Double.parseDouble(answer[0]) / Double.parseDouble(answer[1]);
                double after = c2Millis(p.pid());
                c2[m][r] = after - before;
                before = after;
            }
            p.destroy();
        }
        // Round by round: both JVMs have run the same number of files, as in drive's cycles.
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratio[r] = rate[0][r] / rate[1][r];
        }
        System.out.printf(Locale.ROOT, "%s, each JVM alone, %d rounds, %d threads%n", folder, rounds, THREADS);
        System.out.printf(Locale.ROOT, "| round | %s files/s | %s C2 ms | %s files/s | %s C2 ms | ratio |%n", jixiao, jixiao, peer, peer);
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int r = 0; r < rounds; r++) {
            System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.0f | %.2f |%n", r + 1, rate[0][r], c2[0][r], rate[1][r], c2[1][r],
                    ratio[r]);
        }
        System.out.printf(Locale.ROOT, "alone: %s/%s (files/s, round by round) rounds 4-6 median %.2f, last third median %.2f,"
                        + " best round %.2f%n", jixiao, peer, median(Arrays.copyOfRange(ratio, Math.min(3, rounds), Math.min(6, rounds))),
                median(Arrays.copyOfRange(ratio, rounds - rounds / 3, rounds)), Arrays.stream(ratio).max().orElse(Double.NaN));
    }

    /** CPU ms the JVM's C2 compiler threads have used so far; NaN where /proc cannot tell (not Linux). */
    private static double c2Millis(long pid) {
        List<Path> tasks;
        try (Stream<Path> list = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks = list.toList();
        } catch (Exception e) {
            return Double.NaN;
        }
        double ticks = 0;
        for (Path task : tasks) {
            try {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C2 Compiler")) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                }
            } catch (Exception e) {
                // A pool thread that ended between the listing and the read: not a compiler thread.
            }
        }
        return ticks * 10; // Linux reports thread CPU in USER_HZ ticks, 100 a second
    }

    private static Process start(String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx176m", "-cp", System.getProperty("java.class.path"),
                "Ratios", "serve", mode).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static double median(List<double[]> rows, int column) {
        return median(rows.stream().mapToDouble(r -> r[column]).toArray());
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    // ---- a worker ----

    interface Walk {
        long run(Path file) throws Exception;
    }

    private static void serve(String mode) throws Exception {
        System.setProperty("log4j2.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Path out = Files.createTempDirectory("jixiao-ratios");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            Path folder = Path.of(line);
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            if (mode.equals("jixiao")) {
                var cmd = Main.commandLine();
                cmd.setOut(new PrintWriter(new StringWriter()));
                cmd.setErr(new PrintWriter(new StringWriter()));
                cmd.execute("convert", folder.toString(), "--out", out.toString(), "-q", "--threads", String.valueOf(THREADS));
            } else {
                Walk walk = walk(mode);
                ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                AtomicLong sum = new AtomicLong();
                List<Future<?>> done = new ArrayList<>();
                for (Path f : files) {
                    done.add(pool.submit(() -> sum.addAndGet(walk.run(f))));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                pool.shutdown();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
            System.out.printf(Locale.ROOT, "%d %.4f %.1f%n", files.size(), seconds, cpuMs);
            System.out.flush();
        }
    }

    private static final ThreadLocal<org.apache.poi.ss.usermodel.DataFormatter> FORMAT =
            ThreadLocal.withInitial(org.apache.poi.ss.usermodel.DataFormatter::new);

    private static Walk walk(String mode) throws Exception {
        switch (mode) {
            case "stax":
                var xml = new com.ctc.wstx.stax.WstxInputFactory();
                xml.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
                return file -> {
                    long n = 0;
                    try (var zip = new java.util.zip.ZipFile(file.toFile());
                         InputStream part = zip.getInputStream(zip.getEntry("word/document.xml"))) {
                        var r = xml.createXMLStreamReader(part);
                        boolean text = false;
                        while (r.hasNext()) {
                            int e = r.next();
                            if (e == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                                String name = r.getLocalName();
                                text = name.equals("t");
                                if (name.equals("tc") || name.equals("vMerge")) {
                                    n++;
                                } else if (name.equals("gridSpan")) {
                                    n += r.getAttributeValue(0).length();
                                }
                            } else if (e == javax.xml.stream.XMLStreamConstants.CHARACTERS && text) {
                                n += r.getTextLength();
                            }
                        }
                        r.close();
                    }
                    return n;
                };
            case "jsoup":
                return file -> {
                    long n = 0;
                    for (var cell : org.jsoup.Jsoup.parse(file.toFile()).select("td, th")) {
                        n += cell.text().length() + cell.attr("rowspan").length() + cell.attr("colspan").length();
                    }
                    return n;
                };
            case "xssf":
                return file -> {
                    long n = 0;
                    try (InputStream in = Files.newInputStream(file);
                         var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
                        for (var sheet : book) {
                            n += sheet.getMergedRegions().size();
                            for (var row : sheet) {
                                for (var cell : row) {
                                    n += FORMAT.get().formatCellValue(cell).length();
                                }
                            }
                        }
                    }
                    return n;
                };
            case "hwpf":
                return file -> {
                    long n = 0;
                    try (InputStream in = Files.newInputStream(file);
                         var doc = new org.apache.poi.hwpf.HWPFDocument(in)) {
                        var tables = new org.apache.poi.hwpf.usermodel.TableIterator(doc.getRange());
                        while (tables.hasNext()) {
                            var table = tables.next();
                            for (int r = 0; r < table.numRows(); r++) {
                                var row = table.getRow(r);
                                for (int c = 0; c < row.numCells(); c++) {
                                    var cell = row.getCell(c);
                                    n += cell.text().length() + (cell.isVerticallyMerged() ? 1 : 0) + cell.getWidth();
                                }
                            }
                        }
                    }
                    return n;
                };
            case "tika":
                Object tika = Class.forName("org.apache.tika.Tika").getConstructor().newInstance();
                var parse = tika.getClass().getMethod("parseToString", Path.class);
                return file -> ((String) parse.invoke(tika, file)).length();
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
    }
}
