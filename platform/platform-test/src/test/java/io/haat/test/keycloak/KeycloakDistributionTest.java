package io.haat.test.keycloak;

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

class KeycloakDistributionTest {

    @TempDir
    Path dir;

    @Test
    void unpacksTheDistributionWithoutItsTopDirectoryOnce() throws IOException {
        Path zip = zip("keycloak-quarkus-dist-26.5.6.zip", Map.of(
                "keycloak-26.5.6/bin/kc.sh", "#!/bin/sh", "keycloak-26.5.6/version.txt", "Keycloak - Version 26.5.6"));
        Path home = dir.resolve(".haat/keycloak");

        KeycloakDistribution.unpackIfNeeded(zip, home);

        assertThat(home.resolve("version.txt")).hasContent("Keycloak - Version 26.5.6");
        assertThat(Files.isExecutable(home.resolve("bin/kc.sh"))).isTrue();

        Files.writeString(home.resolve("version.txt"), "changed locally");
        KeycloakDistribution.unpackIfNeeded(zip, home);
        assertThat(home.resolve("version.txt")).as("the same distribution is not unpacked twice").hasContent("changed locally");
    }

    @Test
    void refusesEntriesThatEscapeTheTargetDirectory() throws IOException {
        Path zip = zip("evil.zip", Map.of("keycloak/../../outside.txt", "x"));

        assertThatThrownBy(() -> KeycloakDistribution.unpackIfNeeded(zip, dir.resolve("home")))
                .isInstanceOf(UncheckedIOException.class)
                .hasStackTraceContaining("entry outside the target directory");
        assertThat(dir.resolve("outside.txt")).doesNotExist();
    }

    @Test
    void startsInDevModeOnLoopbackWithTheRealmImportedFromItsHome() throws IOException {
        Path realm = Files.writeString(dir.resolve("haat-realm.json"), "{\"realm\": \"haat\"}");
        Path home = dir.resolve("keycloak");

        KeycloakDistribution.placeRealm(realm, home);

        assertThat(home.resolve("data/import/haat-realm.json")).hasContent("{\"realm\": \"haat\"}");
        assertThat(KeycloakDistribution.command(home, 18180)).containsExactly("sh",
                home.resolve("bin/kc.sh").toAbsolutePath().toString(), "start-dev", "--http-host=127.0.0.1",
                "--http-port=18180", "--hostname=http://localhost:18180", "--import-realm");
        assertThat(KeycloakDistribution.environment(Path.of("/opt/jdk")))
                .containsEntry("JAVA_HOME", "/opt/jdk")
                .containsEntry("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .hasEntrySatisfying("JAVA_OPTS_APPEND", opts -> assertThat(opts).contains("--add-opens=java.base/java.lang=ALL-UNNAMED"));
        assertThat(KeycloakDistribution.issuer(18180)).isEqualTo("http://localhost:18180/realms/haat");
    }

    @Test
    void placesThePasswordBlacklistsKeptBesideTheRealmWhereKeycloakReadsThem() throws IOException {
        Path realm = Files.writeString(dir.resolve("haat-realm.json"), "{\"realm\": \"haat\"}");
        Path lists = Files.createDirectories(dir.resolve("password-blacklists"));
        Files.writeString(lists.resolve("common.txt"), "password123\n");
        Files.writeString(lists.resolve("generate.py"), "print()");
        Path home = dir.resolve("keycloak");

        KeycloakDistribution.placeRealm(realm, home);

        assertThat(home.resolve("data/password-blacklists/common.txt")).hasContent("password123");
        assertThat(home.resolve("data/password-blacklists/generate.py")).doesNotExist();
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
