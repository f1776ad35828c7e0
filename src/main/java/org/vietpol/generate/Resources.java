package org.vietpol.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** Reads the generator's data files from the classpath: NFC lines, without comments and blank lines. */
final class Resources {
    private Resources() {}

    static List<String> lines(String name) {
        InputStream in = Resources.class.getResourceAsStream("/org/vietpol/generate/" + name);
        if (in == null) throw new IllegalStateException("missing data file " + name);
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(Normalizer.normalize(line.strip(), Normalizer.Form.NFC));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
