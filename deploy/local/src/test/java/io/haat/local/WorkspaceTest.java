package io.haat.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WorkspaceTest {

    @TempDir
    Path repo;

    @Test
    void childClasspathIsTheLauncherClassesThenTheBuiltClasspath() throws IOException {
        Path target = Files.createDirectories(repo.resolve("deploy/local/target"));
        Files.writeString(target.resolve("classpath.txt"), "/m2/a.jar:/m2/b.jar\n");

        assertThat(new Workspace(repo).childClasspath()).isEqualTo(target.resolve("classes") + ":/m2/a.jar:/m2/b.jar");
    }

    @Test
    void saysHowToBuildTheLauncherWhenItsBuildOutputIsMissing() {
        assertThatIllegalStateException().isThrownBy(() -> new Workspace(repo).keycloakDistribution())
                .withMessageContaining("keycloak-dist.txt is missing")
                .withMessageContaining("-pl deploy/local -am install");
    }

    @Test
    void keepsEverythingLocalUnderDotHaat() {
        Workspace workspace = new Workspace(repo);
        assertThat(workspace.logFile("kafka")).isEqualTo(repo.resolve(".haat/logs/kafka.log"));
        assertThat(workspace.pidFile("kafka")).isEqualTo(repo.resolve(".haat/pids/kafka.pid"));
        assertThat(workspace.dataDir("postgres")).isEqualTo(repo.resolve(".haat/postgres"));
        assertThat(workspace.serviceJar("gateway")).isEqualTo(repo.resolve("gateway/target/gateway-0.1.0-SNAPSHOT.jar"));
    }
}
