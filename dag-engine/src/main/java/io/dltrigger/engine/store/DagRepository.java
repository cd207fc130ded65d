package io.dltrigger.engine.store;

import java.util.Optional;
import java.util.Set;

/** DAGs as the store knows them: each distinct definition is a version; a DAG can be paused. */
public interface DagRepository {
    /** Records the DAG and, when its definition changed, a new version; returns the current version. */
    int register(String dagId, String definition, String sourceFile);

    /** A DAG's current definition as registered, and its id. */
    record Definition(String dagId, String text) {}

    /** The current definition of the DAG last registered from {@code sourceFile} (its last good version). */
    Optional<Definition> current(String sourceFile);

    /** The current version, 0 for a DAG never registered. */
    int version(String dagId);

    int versionCount(String dagId);

    Set<String> paused();

    /** Returns false when the DAG was never registered. */
    boolean setPaused(String dagId, boolean paused);
}
