package io.haat.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real Kustomize, found or installed by {@code deploy/k8s/tools/kustomize.sh}, run on an overlay. */
final class Kustomize {

    static final Path MODULE = Path.of(System.getProperty("user.dir"));

    private static String binary;

    private Kustomize() {
    }

    /** {@code kustomize build <overlay>}'s output; fails with Kustomize's own message when the overlay does not build. */
    static String build(Path overlay) {
        return run(List.of(binary(), "build", overlay.toString()));
    }

    static String version() {
        return run(List.of(binary(), "version"));
    }

    private static synchronized String binary() {
        if (binary == null) {
            binary = run(List.of("bash", MODULE.resolve("tools/kustomize.sh").toString())).strip();
        }
        return binary;
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            process.getOutputStream().close();
            var out = process.getInputStream().readAllBytes();
            var err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
