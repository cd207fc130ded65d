package io.dltrigger.engine.store;

/** The database failed (or refused a change); the engine retries from the store on its next pass. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
