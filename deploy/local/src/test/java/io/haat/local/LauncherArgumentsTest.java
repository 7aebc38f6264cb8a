package io.haat.local;

import io.haat.local.Launcher.Arguments;
import io.haat.local.Launcher.Command;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LauncherArgumentsTest {

    @Test
    void noArgumentsStartsEverythingAndSeeds() {
        assertThat(Arguments.parse()).isEqualTo(new Arguments(Command.START, true, true));
    }

    @Test
    void readsTheCommandInAnyCase() {
        assertThat(Arguments.parse("stop").command()).isEqualTo(Command.STOP);
        assertThat(Arguments.parse("STATUS").command()).isEqualTo(Command.STATUS);
        assertThat(Arguments.parse("reset").command()).isEqualTo(Command.RESET);
        assertThat(Arguments.parse("--help").command()).isEqualTo(Command.HELP);
    }

    @Test
    void readsFlagsBeforeOrAfterTheCommand() {
        assertThat(Arguments.parse("--infra-only", "start", "--no-seed")).isEqualTo(new Arguments(Command.START, false, false));
        assertThat(Arguments.parse("--infra-only")).isEqualTo(new Arguments(Command.START, false, true));
    }

    @Test
    void rejectsAnUnknownCommandWithTheUsage() {
        assertThatIllegalArgumentException().isThrownBy(() -> Arguments.parse("launch"))
                .withMessageContaining("unknown command 'launch'")
                .withMessageContaining("usage: ./run.sh");
    }

    @Test
    void rejectsAnUnknownFlagAndASecondCommand() {
        assertThatIllegalArgumentException().isThrownBy(() -> Arguments.parse("--fast"))
                .withMessageContaining("unexpected argument '--fast'");
        assertThatIllegalArgumentException().isThrownBy(() -> Arguments.parse("start", "stop"))
                .withMessageContaining("unexpected argument 'stop'");
    }

    @Test
    void killAndRestartNameOnePart() {
        assertThat(Arguments.parse("kill", "order-service"))
                .isEqualTo(new Arguments(Command.KILL, true, true, "order-service"));
        assertThat(Arguments.parse("restart", "postgres").part()).isEqualTo("postgres");
        assertThat(Arguments.parse("RESTART", "kafka").command()).isEqualTo(Command.RESTART);
        assertThat(Arguments.parse("stop").part()).isNull();
    }

    @Test
    void killWithoutAPartOrWithAnUnknownOneIsRefusedWithTheNames() {
        assertThatIllegalArgumentException().isThrownBy(() -> Arguments.parse("kill"))
                .withMessageContaining("kill needs a part").withMessageContaining("order-service");
        assertThatIllegalArgumentException().isThrownBy(() -> Arguments.parse("restart", "oracle"))
                .withMessageContaining("unknown part 'oracle'").withMessageContaining("mongo");
        assertThatIllegalArgumentException().isThrownBy(() -> Arguments.parse("kill", "kafka", "mongo"))
                .withMessageContaining("unexpected argument 'mongo'");
        assertThatIllegalArgumentException().isThrownBy(() -> Arguments.parse("stop", "kafka"))
                .withMessageContaining("unexpected argument 'kafka'");
    }
}
