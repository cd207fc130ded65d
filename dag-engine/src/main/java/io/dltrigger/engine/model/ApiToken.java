package io.dltrigger.engine.model;

import java.time.Instant;

/** An API token as stored: its name and role, never the token itself (only its hash is kept). */
public record ApiToken(long id, String name, Role role, Instant createdAt, String createdBy, Instant revokedAt) {}
