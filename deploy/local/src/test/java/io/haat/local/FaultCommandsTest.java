package io.haat.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ./run.sh kill|restart <part>} without a marketplace: by pid file, on stand-in processes. */
class FaultCommandsTest {

    @TempDir
    Path repo;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void everyServiceAndEveryPieceOfInfrastructureCanBeNamed() {
        assertThat(LocalMarketplace.partNames()).containsExactly("postgres", "kafka", "mongo", "mail", "keycloak",
                "discovery", "gateway", "identity-service", "catalog-service", "order-service", "payment-service",
                "seller-service", "notification-service");
    }

    @Test
    void killStopsThePartRecordedUnderThatNameHard() {
        Workspace workspace = new Workspace(repo);
        ProcessLauncher launcher = new ProcessLauncher(workspace);
        Process standIn = launcher.start("kafka", List.of("sh", "-c", "trap '' TERM; sleep 60 & wait"), Map.of());
        launcher.recordPid("kafka", standIn.toHandle());

        assertThat(LocalMarketplace.kill(workspace, "kafka", out)).isTrue();

        assertThat(standIn.toHandle().isAlive()).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("kafka").contains("killed (SIGKILL)");
        assertThat(LocalMarketplace.kill(workspace, "kafka", out)).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("was not running");
    }

    @Test
    void anUnknownPartIsRefusedBeforeAnythingIsTouched() {
        assertThatIllegalArgumentException().isThrownBy(() -> LocalMarketplace.kill(new Workspace(repo), "oracle", out))
                .withMessageContaining("unknown part 'oracle'");
    }

    @Test
    void restartingAServiceWhoseJarIsNotBuiltSaysHowToBuildIt() {
        Options options = Options.defaults().withOut(out);

        assertThatThrownBy(() -> LocalMarketplace.restart(new Workspace(repo), "order-service", options))
                .isInstanceOf(PartFailedException.class)
                .hasMessageContaining("./mvnw -B -q -pl order-service -am install -DskipTests");
    }
}
