package io.dltrigger.training.data;

import java.io.Serializable;

/** The unit of reading and of Spark parallelism: one row group of one features Parquet file. */
public record FeatureSplit(String file, int rowGroup, long rows) implements Serializable {}
