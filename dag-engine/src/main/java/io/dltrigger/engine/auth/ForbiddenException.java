package io.dltrigger.engine.auth;

import io.dltrigger.engine.model.Role;

/** The caller's role may not do this (a {@code 403} over REST). */
public final class ForbiddenException extends RuntimeException {
    public ForbiddenException(Caller caller, String action, Role needed) {
        super(caller.name() + " (" + caller.role().fileName() + ") may not " + action + ": it needs the "
                + needed.fileName() + " role");
    }
}
