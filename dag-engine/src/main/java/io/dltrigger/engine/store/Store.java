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

    @Override
    void close();
}
