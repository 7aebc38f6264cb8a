package io.haat.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables a service's Spring configuration ({@code src/main/resources/application*.yml}) reads, and
 * which of them production must set: those without a default, or whose default only works on a developer's machine
 * (an address on localhost, a secret marked development-only or named "dev").
 */
final class SpringSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(HAAT_[A-Z0-9_]+)(?::([^}]*))?}");

    private SpringSettings() {
    }

    /** Variable → why production must set it, for one module. */
    static Map<String, String> required(String module) {
        Map<String, String> required = new TreeMap<>();
        Path resources = Manifests.repositoryRoot().resolve(module).resolve("src/main/resources");
        try (Stream<Path> files = Files.list(resources)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher m = PLACEHOLDER.matcher(line);
                    while (m.find()) {
                        String reason = reason(m.group(2), line);
                        if (reason != null) {
                            required.putIfAbsent(m.group(1), reason + " (" + file.getFileName() + ")");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return required;
    }

    /** Whether a variable's value is a secret: it must come from a Secret, never a ConfigMap or a literal. */
    static boolean secret(String variable) {
        return variable.matches(".*(PASSWORD|SECRET|API_KEY|PRIVATE_KEY|MONGO_URI).*");
    }

    private static String reason(String fallback, String line) {
        if (fallback == null) {
            return "no default";
        }
        if (line.contains("development-only")) {
            return "development-only default";
        }
        if (fallback.contains("localhost") || fallback.contains("127.0.0.1")) {
            return "default on localhost";
        }
        if (fallback.matches("(?i).*\\bdev\\b.*|.*-dev-.*")) {
            return "development default";
        }
        return null;
    }
}
