package io.dltrigger.engine.dagfile;

/** A DAG file refused: which file, which line (1-based, 0 if unknown) and why. */
public class DagFileException extends RuntimeException {
    private final String file;
    private final int line;
    private final String cause;

    public DagFileException(String file, int line, String cause) {
        super(file + ":" + line + ": " + cause);
        this.file = file;
        this.line = line;
        this.cause = cause;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return cause;
    }
}
