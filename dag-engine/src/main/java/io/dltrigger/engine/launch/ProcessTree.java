package io.dltrigger.engine.launch;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Kills a task's whole process tree. Tasks start in their own session (setsid), so their process
 * group holds every descendant, even ones re-parented to init; a snapshot of the descendants covers
 * any that moved to a group of their own. SIGTERM first, SIGKILL after the grace period for those that
 * ignore it.
 */
public final class ProcessTree {
    private ProcessTree() {}

    public static void kill(long pid, Duration grace) {
        List<ProcessHandle> members = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(root -> {
            members.add(root);
            root.descendants().forEach(members::add);
        });
        signalGroup(pid, "TERM");
        members.forEach(ProcessHandle::destroy);
        if (!awaitDeath(members, grace)) {
            signalGroup(pid, "KILL");
            members.forEach(ProcessHandle::destroyForcibly);
            awaitDeath(members, Duration.ofSeconds(10));
        }
        signalGroup(pid, "KILL"); // late children forked during the grace period
    }

    private static boolean awaitDeath(List<ProcessHandle> members, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        for (ProcessHandle p : members) {
            while (p.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    p.onExit().get(Math.min(left, 50_000_000L), java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // poll again until the deadline
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (java.util.concurrent.ExecutionException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void signalGroup(long pgid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            // no kill(1): the per-process signals above still apply
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
