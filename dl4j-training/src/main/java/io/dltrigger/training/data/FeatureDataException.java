package io.dltrigger.training.data;

/** A features file that does not follow the contract; the message names the file, column and row. */
public class FeatureDataException extends RuntimeException {
    public FeatureDataException(String message) {
        super(message);
    }

    public FeatureDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
