package io.haat.test;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips (never fails) a test class in Testcontainers mode when Docker is missing. Without
 * {@code -Dhaat.test.containers=true} it does nothing, and Testcontainers is never loaded.
 */
public class HaatInfrastructureExtension implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (HaatInfrastructure.containersMode() && !ContainerBackend.dockerAvailable()) {
            return ConditionEvaluationResult.disabled("-D" + HaatInfrastructure.CONTAINERS_PROPERTY
                    + "=true but Docker is not available: skipping " + context.getDisplayName());
        }
        return ConditionEvaluationResult.enabled("embedded infrastructure, or Docker available");
    }

}
