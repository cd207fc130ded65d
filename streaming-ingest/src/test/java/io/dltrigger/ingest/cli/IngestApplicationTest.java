package io.dltrigger.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The application-mode entry point returns or throws and never exits the JVM (it would be the JobManager's): had
 * it called System.exit, this test's JVM would end and the build would report the fork's crash.
 */
class IngestApplicationTest {
    @Test
    void aSuccessReturnsAndAFailureThrowsInsteadOfExiting() {
        IngestApplication.main(new String[] {"--version"});
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> IngestApplication.main(new String[] {"ingest", "--no-such-flag"}));
        assertTrue(e.getMessage().contains("exit code 2"), e.getMessage());
    }
}
