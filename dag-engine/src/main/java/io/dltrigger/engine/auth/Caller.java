package io.dltrigger.engine.auth;

import io.dltrigger.engine.model.ApiToken;
import io.dltrigger.engine.model.Role;

/**
 * Who asks the engine for something: the holder of an API token (over REST), or a process on the engine's
 * machine that opened the state database itself (the foreground {@code engine run}, a program or test using the
 * Java API), which may do anything: it could change the database directly anyway.
 *
 * @param name as the audit log shows it: {@code token:NAME#ID} or {@code local:USER}
 * @param remote the client's address, for requests over HTTP (null otherwise)
 */
public record Caller(String name, Role role, String remote) {

    /** This process's OS user. */
    public static Caller local() {
        return new Caller("local:" + System.getProperty("user.name"), Role.ADMIN, null);
    }

    public static Caller of(ApiToken token, String remote) {
        return new Caller("token:" + token.name() + "#" + token.id(), token.role(), remote);
    }
}
