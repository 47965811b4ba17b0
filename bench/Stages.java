import org.jixiao.Jixiao;
import org.jixiao.RuleProfile;
import org.jixiao.Source;
import org.jixiao.internal.extract.ExtractedForms;
import org.jixiao.internal.extract.FormExtractor;
import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.internal.normalize.MeasureParser;
import org.jixiao.internal.normalize.TextNormalizer;
import org.jixiao.internal.read.Readers;
import org.jixiao.internal.score.Scorer;
import org.jixiao.internal.write.Rows;
import org.jixiao.internal.write.TableRow;
import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Document;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.Result;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each stage of the pipeline costs once the JVM is warm: one thread, in process, the four
 * Shanxi forms of the test corpus in one format read from memory 100 times a round; per file, the
 * thread's CPU time and the bytes it allocated in read, normalize, extract, score, rows (rendered
 * as CSV lines, as a batch writes them) and hash (content hash and record key).
 *
 * <p>One thread's CPU time is steadier than a batch's wall rate on a shared machine, and allocated
 * bytes do not depend on the load at all; compare two builds by running both in turn.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * javac -nowarn -cp "cli/target/jixiao.jar:cli/target/lib/*" -d /tmp/stages bench/Stages.java
 * java -XX:+UseSerialGC -Xmx176m -cp "cli/target/jixiao.jar:cli/target/lib/*:/tmp/stages" Stages docx,html,doc,xlsx 4 8
 * </pre>
 *
 * <p>Arguments: formats (comma-separated), warm-up rounds, counted rounds. {@code -Dpost=true}
 * reads and normalizes each form once and times only the stages after them (a profile of
 * extraction, scoring and writing alone); {@code -Djfr=PREFIX} records the counted rounds with
 * JFR's "profile" settings into {@code PREFIX-<format>.jfr}.
 */
public final class Stages {

    private static final String[] STAGES = {"read", "normalize", "extract", "score", "rows", "hash"};
    private static final String[] FORMS = {
            "shanxi-2020-it-ops", "shanxi-2020-cloud-rent", "shanxi-2020-trading-center", "xinzhou-2020-it-build"};
    private static final int COPIES = 100;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long[] cpu = new long[STAGES.length];
    private static final long[] allocated = new long[STAGES.length];
    private static long cpuMark;
    private static long allocatedMark;

    private Stages() {
    }

    public static void main(String[] args) throws Exception {
        // As Main.main does: log4j's simple provider, so POI's logging does not warn on stderr.
        System.setProperty("log4j2.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
        String[] formats = args[0].split(",");
        int warm = Integer.parseInt(args[1]);
        int counted = Integer.parseInt(args[2]);
        boolean postOnly = Boolean.getBoolean("post");
        String jfr = System.getProperty("jfr");
        Path corpus = Path.of("core/src/test/resources/corpus");

        Readers readers = Readers.withDefaults();
        TextNormalizer normalizer = new TextNormalizer();
        HeadingDictionary dictionary = HeadingDictionary.load(normalizer);
        FormExtractor extractor = new FormExtractor(dictionary, new MeasureParser());
        Scorer scorer = new Scorer(RuleProfile.national(), dictionary);

        for (String format : formats) {
            List<Source> sources = new ArrayList<>();
            for (String form : FORMS) {
                sources.add(new Source(form + "." + format, Files.readAllBytes(corpus.resolve(form).resolve("form." + format))));
            }
            Map<Source, Document> normalized = new IdentityHashMap<>();
            long checksum = 0;
            jdk.jfr.Recording recording = null;
            for (int round = 0; round < warm + counted; round++) {
                if (round == warm) {
                    Arrays.fill(cpu, 0);
                    Arrays.fill(allocated, 0);
                    if (jfr != null) {
                        recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                        recording.start();
                    }
                }
                for (int copy = 0; copy < COPIES; copy++) {
                    for (Source source : sources) {
                        mark();
                        Document document;
                        if (postOnly) {
                            document = normalized.computeIfAbsent(source, s -> normalizer.apply(ok(readers.read(s))));
                            take(0);
                            take(1);
                        } else {
                            Document read = ok(readers.read(source));
                            take(0);
                            document = normalizer.apply(read);
                            take(1);
                        }
                        ExtractedForms forms = ok(extractor.extract(document, "0123456789abcdef"));
                        take(2);
                        List<AssessedRecord> assessed = new ArrayList<>();
                        for (ProjectRecord r : forms.records()) {
                            assessed.add(new AssessedRecord(r, scorer.assess(r), "0"));
                        }
                        take(3);
                        for (AssessedRecord a : assessed) {
                            for (TableRow row : Rows.of(a)) {
                                checksum += row.csvLine().length();
                            }
                        }
                        take(4);
                        String hash = Jixiao.contentHash(source.content());
                        checksum += Jixiao.recordKey(source.name(), hash).length();
                        take(5);
                    }
                }
            }
            if (recording != null) {
                recording.stop();
                recording.dump(Path.of(jfr + "-" + format + ".jfr"));
                recording.close();
            }
            print(format, counted * COPIES * sources.size(), checksum);
        }
    }

    private static <T> T ok(Result<T> result) {
        if (result instanceof Result.Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("a corpus form failed: " + result);
    }

    private static void mark() {
        cpuMark = THREADS.getCurrentThreadCpuTime();
        allocatedMark = THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Books the time and bytes since the last mark to {@code stage} and marks again. */
    private static void take(int stage) {
        long now = THREADS.getCurrentThreadCpuTime();
        long bytes = THREADS.getCurrentThreadAllocatedBytes();
        cpu[stage] += now - cpuMark;
        allocated[stage] += bytes - allocatedMark;
        cpuMark = now;
        allocatedMark = THREADS.getCurrentThreadAllocatedBytes();
    }

    private static void print(String format, int files, long checksum) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-5s", format));
        long totalCpu = 0;
        long totalBytes = 0;
        for (int i = 0; i < STAGES.length; i++) {
            totalCpu += cpu[i];
            totalBytes += allocated[i];
            line.append(String.format(Locale.ROOT, "  %s %.3f ms %d kB", STAGES[i], cpu[i] / 1e6 / files, allocated[i] / 1024 / files));
        }
        line.append(String.format(Locale.ROOT, "  | total %.3f ms %d kB per file (checksum %d)",
                totalCpu / 1e6 / files, totalBytes / 1024 / files, checksum % 1000));
        System.out.println(line);
    }
}
