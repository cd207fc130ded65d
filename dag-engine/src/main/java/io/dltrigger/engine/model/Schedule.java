package io.dltrigger.engine.model;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/** A cron schedule (5-field Unix syntax or a preset like {@code @daily}) evaluated in a time zone. */
public final class Schedule {
    private static final Map<String, String> PRESETS = Map.of(
            "@hourly",
            "0 * * * *",
            "@daily",
            "0 0 * * *",
            "@weekly",
            "0 0 * * 0",
            "@monthly",
            "0 0 1 * *",
            "@yearly",
            "0 0 1 1 *");
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime times;

    public Schedule(String expression, ZoneId zone) {
        this.expression = expression;
        this.zone = zone;
        Cron cron;
        try {
            cron = PARSER.parse(PRESETS.getOrDefault(expression.trim(), expression.trim()));
            cron.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad cron expression '" + expression + "': " + e.getMessage(), e);
        }
        this.times = ExecutionTime.forCron(cron);
    }

    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first schedule point strictly after {@code t}. */
    public Optional<Instant> next(Instant t) {
        return times.nextExecution(ZonedDateTime.ofInstant(t, zone)).map(ZonedDateTime::toInstant);
    }

    /** The first schedule point at or after {@code t}. */
    public Optional<Instant> atOrAfter(Instant t) {
        ZonedDateTime z = ZonedDateTime.ofInstant(t, zone);
        if (times.isMatch(z)) {
            return Optional.of(t);
        }
        return next(t);
    }

    /** The last schedule point strictly before {@code t}. */
    public Optional<Instant> previous(Instant t) {
        return times.lastExecution(ZonedDateTime.ofInstant(t, zone)).map(ZonedDateTime::toInstant);
    }

    @Override
    public String toString() {
        return expression + " (" + zone + ")";
    }
}
