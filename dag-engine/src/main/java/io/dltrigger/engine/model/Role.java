package io.dltrigger.engine.model;

import java.util.Locale;

/** What an API token may do; each role may do what the ones before it may. */
public enum Role {
    /** Read DAGs, runs, tasks, logs, metrics and the audit log. */
    VIEWER,
    /** Also trigger, backfill, pause, unpause and clear. */
    OPERATOR,
    /** Also create, list and revoke tokens. */
    ADMIN;

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.fileName().equals(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "' (one of viewer, operator, admin)");
    }
}
