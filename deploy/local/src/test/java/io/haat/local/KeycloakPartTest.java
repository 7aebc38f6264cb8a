package io.haat.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeycloakPartTest {

    @TempDir
    Path dir;

    @Test
    void unpacksTheDistributionWithoutItsTopDirectoryOnce() throws IOException {
        Path zip = zip("keycloak-quarkus-dist-26.5.6.zip", Map.of(
                "keycloak-26.5.6/bin/kc.sh", "#!/bin/sh", "keycloak-26.5.6/version.txt", "Keycloak - Version 26.5.6"));
        Path home = dir.resolve(".haat/keycloak");

        KeycloakPart.unpackIfNeeded(zip, home);

        assertThat(home.resolve("version.txt")).hasContent("Keycloak - Version 26.5.6");
        assertThat(Files.isExecutable(home.resolve("bin/kc.sh"))).isTrue();

        Files.writeString(home.resolve("version.txt"), "changed locally");
        KeycloakPart.unpackIfNeeded(zip, home);
        assertThat(home.resolve("version.txt")).as("the same distribution is not unpacked twice").hasContent("changed locally");
    }

    @Test
    void refusesEntriesThatEscapeTheTargetDirectory() throws IOException {
        Path zip = zip("evil.zip", Map.of("keycloak/../../outside.txt", "x"));

        assertThatThrownBy(() -> KeycloakPart.unpackIfNeeded(zip, dir.resolve("home")))
                .isInstanceOf(UncheckedIOException.class)
                .hasStackTraceContaining("entry outside the target directory");
        assertThat(dir.resolve("outside.txt")).doesNotExist();
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path zip = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes());
                out.closeEntry();
            }
        }
        return zip;
    }
}
