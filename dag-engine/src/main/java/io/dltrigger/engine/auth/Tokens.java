package io.dltrigger.engine.auth;

import io.dltrigger.engine.model.ApiToken;
import io.dltrigger.engine.model.Role;
import io.dltrigger.engine.store.TokenRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API tokens: 256 random bits, shown once when made; the store keeps their SHA-256 only (a fast hash is enough
 * for a secret of that much entropy: there is nothing to guess), so a copy of the database lets nobody in.
 */
public final class Tokens {
    private static final Logger LOG = LoggerFactory.getLogger(Tokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Tokens start with this, so that a leaked one is easy to recognize (and to scan for). */
    static final String PREFIX = "dlt_";
    /** A token given by a deployment (DLTRIGGER_API_TOKEN) must be at least this long: 128 bits in hex. */
    private static final int MIN_LENGTH = 32;

    private final TokenRepository repo;

    public Tokens(TokenRepository repo) {
        this.repo = repo;
    }

    /** A new token and what the store keeps of it. */
    public record Made(String secret, ApiToken token) {}

    public Made create(String name, Role role, String createdBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return register(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), name, role, createdBy);
    }

    private Made register(String secret, String name, Role role, String createdBy) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a token needs a name (1 to 100 characters)");
        }
        return new Made(secret, repo.create(name, role, hash(secret), createdBy));
    }

    /** The active token a request presents, if any. */
    public Optional<ApiToken> verify(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH || secret.length() > 200) {
            return Optional.empty();
        }
        return repo.byHash(hash(secret));
    }

    /**
     * The admin token of a first start. A deployment may give one ({@code given}, from {@code DLTRIGGER_API_TOKEN}:
     * a Kubernetes Secret), which is registered (hashed) when not yet; else, when {@code file} holds no active token
     * and the store has no active admin token, one is made and written to {@code file} (mode 0600), where
     * {@code bin/dltrigger} finds it. Says where the token is, or how to get one.
     */
    public void ensureAdminToken(Path file, String given) {
        if (given != null && !given.isBlank()) {
            String secret = given.trim();
            if (secret.length() < MIN_LENGTH) {
                throw new IllegalArgumentException(
                        "DLTRIGGER_API_TOKEN is too short to be a secret (at least " + MIN_LENGTH + " characters)");
            }
            if (verify(secret).isEmpty()) {
                register(secret, "bootstrap", Role.ADMIN, "DLTRIGGER_API_TOKEN");
            }
            LOG.info("admin token: the one in DLTRIGGER_API_TOKEN");
            return;
        }
        if (Files.isRegularFile(file) && verify(SecretFiles.read(file)).isPresent()) {
            LOG.info("admin token: {} (bin/dltrigger commands on this machine use it)", file);
            return;
        }
        if (repo.anyAdmin()) {
            LOG.warn(
                    "{} holds no active token; bin/dltrigger needs one made by an admin (--token-file or DLTRIGGER_API_TOKEN)",
                    file);
            return;
        }
        Made admin = create("admin", Role.ADMIN, "engine first start");
        SecretFiles.write(file, admin.secret());
        LOG.info("created an admin API token in {} (mode 0600); bin/dltrigger commands on this machine use it", file);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
