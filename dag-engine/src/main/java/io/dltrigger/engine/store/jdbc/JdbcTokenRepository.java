package io.dltrigger.engine.store.jdbc;

import static io.dltrigger.engine.store.jdbc.Jdbc.instant;

import io.dltrigger.engine.model.ApiToken;
import io.dltrigger.engine.model.Role;
import io.dltrigger.engine.store.TokenRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Table {@code api_token}. */
final class JdbcTokenRepository implements TokenRepository {
    private static final String COLUMNS = "id, name, role, created_at, created_by, revoked_at";

    private final Jdbc jdbc;

    JdbcTokenRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ApiToken create(String name, Role role, String hash, String createdBy) {
        long now = System.currentTimeMillis();
        long id = jdbc.tx(c -> Jdbc.insert(
                c,
                "INSERT INTO api_token (name, role, hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                name,
                role.fileName(),
                hash,
                now,
                createdBy));
        return new ApiToken(id, name, role, Instant.ofEpochMilli(now), createdBy, null);
    }

    @Override
    public Optional<ApiToken> byHash(String hash) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM api_token WHERE hash = ? AND revoked_at IS NULL",
                        JdbcTokenRepository::row,
                        hash)
                .stream()
                .findFirst();
    }

    @Override
    public List<ApiToken> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_token ORDER BY id", JdbcTokenRepository::row);
    }

    @Override
    public boolean revoke(long id) {
        return jdbc.tx(c -> Jdbc.update(
                        c,
                        "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                        System.currentTimeMillis(),
                        id))
                == 1;
    }

    @Override
    public boolean anyAdmin() {
        return !jdbc.query(
                        "SELECT id FROM api_token WHERE role = ? AND revoked_at IS NULL",
                        rs -> rs.getLong(1),
                        Role.ADMIN.fileName())
                .isEmpty();
    }

    private static ApiToken row(ResultSet rs) throws SQLException {
        return new ApiToken(
                rs.getLong(1),
                rs.getString(2),
                Role.parse(rs.getString(3)),
                instant(rs, 4),
                rs.getString(5),
                instant(rs, 6));
    }
}
