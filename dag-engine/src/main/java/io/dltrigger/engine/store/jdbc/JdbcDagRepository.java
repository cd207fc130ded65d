package io.dltrigger.engine.store.jdbc;

import static io.dltrigger.engine.store.jdbc.Jdbc.update;

import io.dltrigger.engine.store.DagRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/** Tables {@code dag} and {@code dag_version}. */
final class JdbcDagRepository implements DagRepository {
    private final Jdbc jdbc;

    JdbcDagRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int register(String dagId, String definition, String sourceFile) {
        String hash = sha256(definition);
        return jdbc.tx(c -> {
            Integer latest = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT latest_version FROM dag WHERE dag_id = ?")) {
                ps.setString(1, dagId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        latest = rs.getInt(1);
                    }
                }
            }
            if (latest != null) {
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT hash FROM dag_version WHERE dag_id = ? AND version = ?")) {
                    ps.setString(1, dagId);
                    ps.setInt(2, latest);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getString(1).equals(hash)) {
                            return latest;
                        }
                    }
                }
            }
            int version = latest == null ? 1 : latest + 1;
            update(
                    c,
                    "INSERT INTO dag_version (dag_id, version, hash, definition, created_at) VALUES (?, ?, ?, ?, ?)",
                    dagId,
                    version,
                    hash,
                    definition,
                    System.currentTimeMillis());
            if (latest == null) {
                update(
                        c,
                        "INSERT INTO dag (dag_id, paused, latest_version, source_file) VALUES (?, ?, ?, ?)",
                        dagId,
                        false,
                        version,
                        sourceFile);
            } else {
                update(
                        c,
                        "UPDATE dag SET latest_version = ?, source_file = ? WHERE dag_id = ?",
                        version,
                        sourceFile,
                        dagId);
            }
            return version;
        });
    }

    @Override
    public Optional<Definition> current(String sourceFile) {
        return jdbc
                .query(
                        "SELECT d.dag_id, v.definition FROM dag d JOIN dag_version v"
                                + " ON v.dag_id = d.dag_id AND v.version = d.latest_version WHERE d.source_file = ?"
                                + " ORDER BY d.dag_id",
                        rs -> new Definition(rs.getString(1), rs.getString(2)),
                        sourceFile)
                .stream()
                .findFirst();
    }

    @Override
    public int version(String dagId) {
        return jdbc.query("SELECT latest_version FROM dag WHERE dag_id = ?", rs -> rs.getInt(1), dagId).stream()
                .findFirst()
                .orElse(0);
    }

    @Override
    public int versionCount(String dagId) {
        return jdbc.query("SELECT COUNT(*) FROM dag_version WHERE dag_id = ?", rs -> rs.getInt(1), dagId)
                .get(0);
    }

    @Override
    public Set<String> paused() {
        return new HashSet<>(jdbc.query("SELECT dag_id FROM dag WHERE paused = TRUE", rs -> rs.getString(1)));
    }

    @Override
    public boolean setPaused(String dagId, boolean paused) {
        return jdbc.tx(c -> update(c, "UPDATE dag SET paused = ? WHERE dag_id = ?", paused, dagId) == 1);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
