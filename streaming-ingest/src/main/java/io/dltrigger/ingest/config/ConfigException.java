package io.dltrigger.ingest.config;

/** A bad configuration value or file; the message names the key (and the file and line when known). */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
