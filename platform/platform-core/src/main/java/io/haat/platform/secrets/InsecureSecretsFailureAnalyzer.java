package io.haat.platform.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints an {@link InsecureSecretsException} as one line per secret and what to set, instead of a stack trace. */
class InsecureSecretsFailureAnalyzer extends AbstractFailureAnalyzer<InsecureSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InsecureSecretsException cause) {
        String description = "The service runs with profile(s) " + cause.profiles()
                + ", so it is not a development run, but secrets are development values:"
                + System.lineSeparator() + "  - " + String.join(System.lineSeparator() + "  - ", cause.problems());
        String action = "Set the environment variables named above to real secrets (docs/security.md lists them), "
                + "or run with no profile or only the 'local'/'test' profiles on a developer's machine.";
        return new FailureAnalysis(description, action, cause);
    }
}
