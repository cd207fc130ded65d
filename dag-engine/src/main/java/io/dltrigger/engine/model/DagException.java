package io.dltrigger.engine.model;

/** An invalid DAG; {@code line} is where in its file (0 when the DAG was built in Java). */
public class DagException extends RuntimeException {
    private final int line;

    public DagException(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
