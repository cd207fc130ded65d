package io.dltrigger.engine.store;

/**
 * The engine's durable state, one repository per concept. Implemented once per kind of database
 * ({@code store/jdbc}: H2 and PostgreSQL through the same SQL); nothing outside the store knows SQL.
 */
public interface Store extends AutoCloseable {
    DagRepository dags();

    RunRepository runs();

    TaskInstanceRepository taskInstances();

    SupervisedJobRepository supervisedJobs();

    LeaseRepository lease();

    AssetRepository assets();

    TokenRepository tokens();

    AuditRepository audit();

    /**
     * Fences every later write with the epoch of the engine lease this process was granted: once another engine
     * takes the lease over, writes throw {@link LeaseLostException} instead of committing.
     */
    void fence(long epoch);

    @Override
    void close();
}
