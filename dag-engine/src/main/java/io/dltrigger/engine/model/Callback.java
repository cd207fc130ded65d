package io.dltrigger.engine.model;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a DAG's alerts go (Airflow's callbacks): the events it wants, and a webhook (an HTTP POST of the alert as
 * JSON) or a command (argv, not shell text: the alert as JSON on its stdin and in {@code DLTRIGGER_ALERT}), tried
 * {@code 1 + retries} times with a doubling delay until it answers 2xx or exits 0.
 */
public record Callback(Set<Event> events, Target target, int retries, Duration retryDelay) {

    /** What happened. */
    public enum Event {
        TASK_SUCCESS,
        TASK_RETRY,
        TASK_FAILURE,
        RUN_SUCCESS,
        RUN_FAILURE,
        /** A run or task took longer than its {@code sla} (it goes on). */
        SLA_MISS;

        public String fileName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Event parse(String text) {
            for (Event e : values()) {
                if (e.fileName().equals(text)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("unknown event '" + text
                    + "' (task_success, task_retry, task_failure, run_success, run_failure, sla_miss)");
        }
    }

    /** Where the alert is delivered. */
    public sealed interface Target {
        /**
         * An HTTP(S) POST to {@code url}, or to the URL in the engine's environment variable {@code urlEnv} (a URL
         * that holds a secret, as chat webhooks do, stays out of the DAG file).
         */
        record Webhook(URI url, String urlEnv) implements Target {
            public Webhook {
                if ((url == null) == (urlEnv == null)) {
                    throw new IllegalArgumentException("a webhook needs its url or the variable holding it");
                }
                if (url != null && !List.of("http", "https").contains(String.valueOf(url.getScheme()))) {
                    throw new IllegalArgumentException("a webhook URL is http:// or https://, got " + url);
                }
            }
        }

        /** A program and its arguments. */
        record Command(List<String> argv) implements Target {
            public Command {
                argv = List.copyOf(argv);
                if (argv.isEmpty()) {
                    throw new IllegalArgumentException("a command needs at least the program");
                }
            }
        }
    }

    public Callback {
        events = Set.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a callback needs the events it wants");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0");
        }
    }
}
