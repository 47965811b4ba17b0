import com.ctc.wstx.stax.WstxInputFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jixiao.Source;
import org.jixiao.internal.read.Readers;
import org.jixiao.model.Result;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Issue 13's reader speed targets, warm, in one JVM and one sitting: jixiao's PDF reader against
 * PDFBox's own {@code PDFTextStripper} over the same files (target: at least 0.5 times its rate),
 * and the OpenDocument reader against a bare StAX walk of each file's {@code content.xml} (target:
 * at least 0.6 times). Both sides read the same bytes from memory, file by file in turn.
 *
 * <p>Usage: {@code java -cp cli/target/jixiao.jar:bench-classes ReaderSpeed ROUNDS FILE...} (.pdf and
 * .odt files; the corpus has 55 of each: {@code ../shared/corpus/{*,zoo/*}/form.pdf}).
 */
public final class ReaderSpeed {

    public static void main(String[] args) throws Exception {
        System.setProperty("log4j2.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
        int rounds = Integer.parseInt(args[0]);
        List<byte[]> pdfs = new ArrayList<>();
        List<byte[]> odts = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            byte[] b = Files.readAllBytes(Path.of(args[i]));
            (args[i].endsWith(".pdf") ? pdfs : odts).add(b);
        }
        Readers readers = Readers.withDefaults();
        XMLInputFactory stax = new WstxInputFactory();
        stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        for (int round = 1; round <= rounds; round++) {
            if (!pdfs.isEmpty()) {
                double[] r = rates(pdfs, b -> {
                    try (PDDocument d = Loader.loadPDF(b)) {
                        return new PDFTextStripper().getText(d).length();
                    }
                }, b -> read(readers, "f.pdf", b));
                System.out.printf(Locale.ROOT, "round %d  PDF: PDFTextStripper %.1f files/s, jixiao %.1f files/s, ratio %.2f (target >= 0.5)%n",
                        round, r[0], r[1], r[1] / r[0]);
            }
            if (!odts.isEmpty()) {
                double[] r = rates(odts, b -> {
                    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
                        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                            if (e.getName().equals("content.xml")) {
                                XMLStreamReader x = stax.createXMLStreamReader(zip);
                                int events = 0;
                                while (x.hasNext()) {
                                    x.next();
                                    events++;
                                }
                                return events;
                            }
                        }
                    }
                    return 0;
                }, b -> read(readers, "f.odt", b));
                System.out.printf(Locale.ROOT, "round %d  ODT: bare StAX walk %.1f files/s, jixiao %.1f files/s, ratio %.2f (target >= 0.6)%n",
                        round, r[0], r[1], r[1] / r[0]);
            }
        }
    }

    interface Work {
        int apply(byte[] b) throws Exception;
    }

    private static int read(Readers readers, String name, byte[] b) {
        Result<?> r = readers.read(new Source(name, b));
        if (r instanceof Result.Failed<?> f) {
            throw new IllegalStateException(f.failure().toString());
        }
        return 1;
    }

    /**
     * The rates of {@code baseline} and {@code ours}, file by file in turn, so that both meet the same
     * load of a shared machine.
     */
    private static double[] rates(List<byte[]> files, Work baseline, Work ours) throws Exception {
        long sink = 0;
        long base = 0;
        long mine = 0;
        for (byte[] b : files) {
            long t0 = System.nanoTime();
            sink += baseline.apply(b);
            long t1 = System.nanoTime();
            sink += ours.apply(b);
            long t2 = System.nanoTime();
            base += t1 - t0;
            mine += t2 - t1;
        }
        if (sink < 0) {
            System.out.println(sink);
        }
        return new double[] {files.size() / (base / 1e9), files.size() / (mine / 1e9)};
    }
}
