package io.dltrigger.engine.store;

import io.dltrigger.engine.model.AuditEntry;
import java.util.List;

/** The audit log: appended to, never changed. */
public interface AuditRepository {
    void append(AuditEntry entry);

    /** The newest entries first. */
    List<AuditEntry> recent(int limit);
}
