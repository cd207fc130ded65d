package io.dltrigger.engine.store;

import io.dltrigger.engine.model.ApiToken;
import io.dltrigger.engine.model.Role;
import java.util.List;
import java.util.Optional;

/** API tokens, found by the hash of the token (the token itself is never stored). */
public interface TokenRepository {
    /** Stores a token's hash; returns it as stored. */
    ApiToken create(String name, Role role, String hash, String createdBy);

    /** The active token with this hash. */
    Optional<ApiToken> byHash(String hash);

    /** Every token, revoked ones included, oldest first. */
    List<ApiToken> all();

    /** Returns false when there is no such active token. */
    boolean revoke(long id);

    /** Is there an active admin token? */
    boolean anyAdmin();
}
