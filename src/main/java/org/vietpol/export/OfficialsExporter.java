package org.vietpol.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Writes who held which post when, in the formats of the officials-data world: Popolo JSON and FollowTheMoney
 * entities (JSON lines). Both come from the tenures the build derives into the merged graph.
 *
 * <pre>
 *   OfficialsExporter.create().format(OfficialsFormat.POPOLO).build().write(store.dataset(), out);
 * </pre>
 *
 * The same store always gives the same bytes.
 */
public final class OfficialsExporter {
    private final OfficialsFormat format;

    private OfficialsExporter(Builder b) {
        this.format = Objects.requireNonNull(b.format, "format");
    }

    public static Builder create() {
        return new Builder();
    }

    public OfficialsFormat format() {
        return format;
    }

    /** Reads the officials and writes them (flushed, not closed); returns the number of records written. */
    public long write(DatasetGraph dsg, OutputStream out) throws IOException {
        Officials o = OfficialsReader.read(dsg);
        switch (format) {
            case POPOLO -> PopoloWriter.write(o, out);
            case FTM -> FtmWriter.write(o, out);
        }
        out.flush();
        return (long) o.persons().size() + o.organizations().size() + o.posts().size() + o.tenures().size()
                + (format == OfficialsFormat.POPOLO ? o.areas().size() : 0);
    }

    public static final class Builder {
        private OfficialsFormat format;

        private Builder() {}

        public Builder format(OfficialsFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        public OfficialsExporter build() {
            if (format == null) throw new IllegalStateException("no format");
            return new OfficialsExporter(this);
        }
    }
}
