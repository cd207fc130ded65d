package io.dltrigger.engine.launch.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** How each kind says it is done, from the status fields of its CRD (k8s/crds/) or of batch/v1. */
class ObjectKindTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectKind.Status status(ObjectKind k, String statusJson) throws Exception {
        JsonNode o = JSON.readTree("{\"status\": " + statusJson + "}");
        return k.status(o);
    }

    @Test
    void aJobEndsWithItsCompleteOrFailedCondition() throws Exception {
        assertEquals(
                ObjectKind.Phase.PENDING,
                status(ObjectKind.JOB, "{\"active\": 1}").phase());
        assertEquals(
                ObjectKind.Phase.PENDING,
                status(ObjectKind.JOB, "{\"conditions\": [{\"type\": \"Complete\", \"status\": \"False\"}]}")
                        .phase());
        assertEquals(
                ObjectKind.Phase.SUCCEEDED,
                status(ObjectKind.JOB, "{\"conditions\": [{\"type\": \"Complete\", \"status\": \"True\"}]}")
                        .phase());
        ObjectKind.Status f = status(
                ObjectKind.JOB,
                "{\"conditions\": [{\"type\": \"Failed\", \"status\": \"True\", \"reason\": \"BackoffLimitExceeded\","
                        + " \"message\": \"Job has reached the specified backoff limit\"}]}");
        assertEquals(ObjectKind.Phase.FAILED, f.phase());
        assertEquals("BackoffLimitExceeded: Job has reached the specified backoff limit", f.message());
    }

    @Test
    void aSparkApplicationEndsCompletedFailedOrSubmissionFailed() throws Exception {
        for (String s : new String[] {"SUBMITTED", "RUNNING", "FAILING", "PENDING_RERUN", "SUCCEEDING"}) {
            assertEquals(
                    ObjectKind.Phase.PENDING,
                    status(ObjectKind.SPARK_APPLICATION, "{\"applicationState\": {\"state\": \"" + s + "\"}}")
                            .phase(),
                    s);
        }
        assertEquals(
                ObjectKind.Phase.SUCCEEDED,
                status(ObjectKind.SPARK_APPLICATION, "{\"applicationState\": {\"state\": \"COMPLETED\"}}")
                        .phase());
        assertEquals(
                "SUBMISSION_FAILED: no quota",
                status(
                                ObjectKind.SPARK_APPLICATION,
                                "{\"applicationState\": {\"state\": \"SUBMISSION_FAILED\", \"errorMessage\": \"no quota\"}}")
                        .message());
    }

    @Test
    void aFlinkDeploymentRunsFinishesOrFails() throws Exception {
        ObjectKind k = ObjectKind.FLINK_DEPLOYMENT;
        assertEquals(
                ObjectKind.Phase.PENDING,
                status(k, "{\"lifecycleState\": \"DEPLOYED\"}").phase());
        assertEquals(
                ObjectKind.Phase.PENDING,
                status(k, "{\"lifecycleState\": \"DEPLOYED\", \"jobStatus\": {\"state\": \"RECONCILING\"}}")
                        .phase());
        assertEquals(
                ObjectKind.Phase.RUNNING,
                status(k, "{\"lifecycleState\": \"STABLE\", \"jobStatus\": {\"state\": \"RUNNING\"}}")
                        .phase());
        assertEquals(
                ObjectKind.Phase.SUCCEEDED,
                status(k, "{\"jobStatus\": {\"state\": \"FINISHED\"}}").phase());
        assertEquals(
                ObjectKind.Phase.FAILED,
                status(k, "{\"lifecycleState\": \"FAILED\"}").phase());
        assertEquals(
                ObjectKind.Phase.FAILED,
                status(k, "{\"jobManagerDeploymentStatus\": \"ERROR\", \"error\": \"bad image\"}")
                        .phase());
        assertEquals(
                "job FAILED: OOM",
                status(k, "{\"jobStatus\": {\"state\": \"FAILED\"}, \"error\": \"OOM\"}")
                        .message());
    }
}
