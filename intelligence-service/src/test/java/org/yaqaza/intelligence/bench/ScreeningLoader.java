package org.yaqaza.intelligence.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.yaqaza.intelligence.screening.ScreeningIndex;
import org.yaqaza.intelligence.search.ArabicNormaliser;

/**
 * Loads many persons straight into the database with COPY (entity, entity_name and the screening keys computed
 * by the service's own {@link ScreeningIndex#keysOf}), for the evaluation harness and the benchmark. Keys end up
 * exactly as the API would have written them; only the per-entity round trips are skipped.
 */
public final class ScreeningLoader implements AutoCloseable {

    /** A person to load. */
    public record Person(UUID id, List<String> names, Integer birthYear, String nationality) {
    }

    private static final int FLUSH_ROWS = 200_000;

    private final Connection connection;
    private final CopyManager copy;
    private final String agency;
    private final int classification;
    private final StringBuilder entities = new StringBuilder();
    private final StringBuilder names = new StringBuilder();
    private final StringBuilder postings = new StringBuilder();
    private final Set<String> vocabulary = new HashSet<>();
    private int pendingRows;
    private long loaded;
    private final String now = Instant.now().toString();

    public ScreeningLoader(Connection connection, String agency, int classification) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.agency = agency;
        this.classification = classification;
    }

    public void add(Person p) throws Exception {
        String display = p.names().get(0);
        entities.append(p.id()).append('\t').append(classification).append("\t{}\t").append(agency)
                .append("\t{}\t").append(now).append("\tloader\t").append(now).append("\t0\tPERSON\t")
                .append(escape(display)).append('\t')
                .append(p.birthYear() == null ? "\\N" : p.birthYear() + "-06-01").append('\t')
                .append(p.nationality() == null ? "\\N" : p.nationality()).append('\n');
        for (int i = 0; i < p.names().size(); i++) {
            String n = p.names().get(i);
            names.append(p.id()).append('\t').append(i).append('\t').append(escape(n)).append('\t')
                    .append(ArabicNormaliser.script(n)).append('\t').append(i == 0 ? "PRIMARY" : "ALIAS").append('\t')
                    .append(escape(ArabicNormaliser.normalise(n).toLowerCase())).append('\n');
        }
        ScreeningIndex.Keys keys = ScreeningIndex.keysOf(p.names());
        for (String k : keys.all()) {
            postings.append(escape(k)).append('\t').append(p.birthYear() == null ? 0 : p.birthYear()).append('\t')
                    .append(p.id()).append('\n');
        }
        vocabulary.addAll(keys.singles());
        pendingRows += keys.all().size() + p.names().size() + 1;
        loaded++;
        if (pendingRows >= FLUSH_ROWS) {
            flushRows();
        }
    }

    private void flushRows() throws Exception {
        copy.copyIn("copy entity (id, classification, compartments, owner_agency, shared_with, created_at,"
                + " created_by, updated_at, version, kind, display_name, birth_date, nationality) from stdin",
                new StringReader(entities.toString()));
        copy.copyIn("copy entity_name (entity_id, position, name, script, name_type, normalised) from stdin",
                new StringReader(names.toString()));
        copy.copyIn("copy screening_posting (key, birth_year, entity_id) from stdin",
                new StringReader(postings.toString()));
        entities.setLength(0);
        names.setLength(0);
        postings.setLength(0);
        pendingRows = 0;
    }

    /** Writes what is pending and adds the typo neighbourhoods of the keys loaded. */
    @Override
    public void close() throws Exception {
        flushRows();
        StringBuilder fuzzy = new StringBuilder();
        for (String key : vocabulary) {
            for (String d : ScreeningIndex.neighbourhood(key)) {
                fuzzy.append(escape(d)).append('\t').append(escape(key)).append('\n');
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute("create temp table load_fuzzy (del text, key text)");
        }
        copy.copyIn("copy load_fuzzy from stdin", new StringReader(fuzzy.toString()));
        try (Statement s = connection.createStatement()) {
            s.execute("insert into screening_fuzzy (del, key) select distinct del, key from load_fuzzy"
                    + " on conflict do nothing");
            s.execute("drop table load_fuzzy");
        }
    }

    public long loaded() {
        return loaded;
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
