package io.dltrigger.engine.launch.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Who an object belongs to: one try of one task instance. Its name is derived from (dag, run, task, map index,
 * try) alone, so that an engine that restarts finds the object it created instead of creating a second one.
 *
 * @param taskInstanceId the engine's id of the task instance, a label that selects all of its tries' objects
 * @param mapIndex -1 for an unmapped task
 */
public record TryIdentity(
        String dagId, String runKey, String taskId, int mapIndex, int tryNumber, long taskInstanceId) {
    /**
     * Short enough for every use of the name: a Flink cluster id (at most 45 characters), the Spark driver pod
     * {@code NAME-driver} and the Job's {@code job-name} pod label (at most 63).
     */
    static final int MAX_NAME = 45;

    public static final String DAG = "dltrigger.io/dag";
    public static final String RUN = "dltrigger.io/run";
    public static final String TASK = "dltrigger.io/task";
    public static final String MAP_INDEX = "dltrigger.io/map-index";
    public static final String TRY = "dltrigger.io/try";
    public static final String TASK_INSTANCE = "dltrigger.io/task-instance";

    /**
     * {@code DAG-TASK-HASH-TRY}: lower case, DNS-1123 (and DNS-1035: it starts with a letter), at most
     * {@link #MAX_NAME} characters; the readable part is cut to fit, the hash of the full identity keeps it unique.
     */
    public String name() {
        String suffix = "-" + hash() + "-" + tryNumber;
        String readable = dns(dagId + "-" + taskId + (mapIndex < 0 ? "" : "-" + mapIndex));
        if (readable.isEmpty() || !Character.isLetter(readable.charAt(0))) {
            readable = "t" + readable;
        }
        readable = readable.substring(0, Math.min(readable.length(), MAX_NAME - suffix.length()));
        return readable.replaceAll("-+$", "") + suffix;
    }

    /** The labels every object of this try carries (values made label-safe; the name is the exact handle). */
    public Map<String, String> labels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(DAG, labelValue(dagId));
        l.put(RUN, labelValue(runKey));
        l.put(TASK, labelValue(taskId));
        if (mapIndex >= 0) {
            l.put(MAP_INDEX, String.valueOf(mapIndex));
        }
        l.put(TRY, String.valueOf(tryNumber));
        l.put(TASK_INSTANCE, String.valueOf(taskInstanceId));
        l.put("app.kubernetes.io/managed-by", "dltrigger-engine");
        return l;
    }

    /**
     * A label value: at most 63 characters of {@code [A-Za-z0-9._-]}, starting and ending alphanumeric. Other
     * characters become {@code _}; a value cut to fit ends with a hash of the whole.
     */
    public static String labelValue(String v) {
        String s = v.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.length() > 63) {
            s = s.substring(0, 52) + "-" + sha256(v).substring(0, 10);
        }
        s = s.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
        return s;
    }

    private String hash() {
        return sha256(dagId + "\0" + runKey + "\0" + taskId + "\0" + mapIndex + "\0" + tryNumber)
                .substring(0, 10);
    }

    private static String dns(String s) {
        return s.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("-+", "-")
                .replaceAll("^-+", "");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
