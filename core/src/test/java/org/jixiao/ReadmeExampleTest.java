package org.jixiao;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's library example compiles against the library and does what it says. */
class ReadmeExampleTest {

    @Test
    void theLibraryExampleCompilesAndRuns(@TempDir Path tmp) throws Exception {
        // Maven runs a module's tests in the module's folder; the README and the samples are one up.
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Use as a library"));
        Matcher code = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(code.find(), "the README has a Java example under 'Use as a library'");
        Path source = tmp.resolve("src/Example.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, code.group(1), StandardCharsets.UTF_8);

        Path classes = Files.createDirectories(tmp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, "-d", classes.toString(), "-encoding", "UTF-8",
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));

        Path out = tmp.resolve("out");
        PrintStream before = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass("Example").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {"../samples/000_28d3029d6f3e5f97.txt", out.toString()});
        } finally {
            System.setOut(before);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("信息化运行维护费 total 79.93 raw 79.92"), text);
        assertTrue(text.contains(" findings 6"), text);
        assertEquals(2, Files.readAllLines(out.resolve("projects.csv"), StandardCharsets.UTF_8).size(), "header and one form");
        assertTrue(Files.size(out.resolve("jixiao.xlsx")) > 0, "the workbook");
        // It compiled and ran against the core module's class path, which a library user gets: no picocli.
        assertFalse(System.getProperty("java.class.path").contains("picocli"), System.getProperty("java.class.path"));
    }
}
