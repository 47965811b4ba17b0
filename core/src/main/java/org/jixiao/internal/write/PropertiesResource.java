package org.jixiao.internal.write;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A UTF-8 {@code .properties} file shipped beside these classes ({@code report.properties},
 * {@code places.properties}). A missing file is a build bug: {@link IllegalStateException}.
 */
final class PropertiesResource {

    private PropertiesResource() {
    }

    static Properties load(String name) {
        try (InputStream in = PropertiesResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
