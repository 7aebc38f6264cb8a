package io.haat.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ProcessLauncherTest {

    @TempDir
    Path repo;

    @Test
    void findsTheProcessOfAPidFile() {
        ProcessLauncher launcher = new ProcessLauncher(new Workspace(repo));
        launcher.recordPid("self", ProcessHandle.current());

        assertThat(launcher.running("self")).map(ProcessHandle::pid).contains(ProcessHandle.current().pid());
    }

    @Test
    void aPidReusedByAnotherProcessIsNotTakenForThePart() throws IOException {
        ProcessLauncher launcher = new ProcessLauncher(new Workspace(repo));
        Files.createDirectories(repo.resolve(".haat/pids"));
        // our own pid, but a start time that is not ours: the recorded process is gone and its pid was reused
        Files.writeString(repo.resolve(".haat/pids/postgres.pid"), ProcessHandle.current().pid() + " 1000\n");

        assertThat(launcher.running("postgres")).isEmpty();
    }

    @Test
    void aRunningPartIsStillFoundWhenTheReportedStartTimeHasDriftedWithTheBootTime() throws IOException {
        ProcessLauncher launcher = new ProcessLauncher(new Workspace(repo));
        Files.createDirectories(repo.resolve(".haat/pids"));
        long started = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        // recorded at start; an hour later the JDK reported it 6 s later (the kernel's boot time had moved)
        Files.writeString(repo.resolve(".haat/pids/gateway.pid"), ProcessHandle.current().pid() + " " + (started - 6_000)
                + "\n");

        assertThat(launcher.running("gateway")).map(ProcessHandle::pid).contains(ProcessHandle.current().pid());
        assertThat(ProcessLauncher.sameStart(started, started + 5 * 60_000)).as("a pid reused minutes later").isFalse();
    }

    @Test
    void startsLogsAndStopsAProcessAndItsChildren() throws IOException {
        ProcessLauncher launcher = new ProcessLauncher(new Workspace(repo));
        // the shell ignores SIGTERM and so does the sleep it starts: stop must escalate to SIGKILL for both
        Process process = launcher.start("stubborn", List.of("sh", "-c", "trap '' TERM; echo hello; sleep 60 & wait"), Map.of());
        launcher.recordPid("stubborn", process.toHandle());
        ProcessHandle shell = process.toHandle();
        await().atMost(Duration.ofSeconds(10)).until(() -> shell.children().findAny().isPresent()
                && launcher.logTail("stubborn", 1).equals("hello"));
        ProcessHandle sleep = shell.children().findFirst().orElseThrow();

        assertThat(launcher.stop("stubborn", ProcessLauncher.Signal.TERM, Duration.ofMillis(500))).isTrue();

        assertThat(shell.isAlive()).isFalse();
        assertThat(sleep.isAlive()).isFalse();
        assertThat(repo.resolve(".haat/pids/stubborn.pid")).doesNotExist();
        assertThat(Files.readString(repo.resolve(".haat/logs/stubborn.log"))).contains("starting stubborn: sh -c").contains("hello");
        assertThat(launcher.stop("stubborn", ProcessLauncher.Signal.TERM, Duration.ofMillis(500))).isFalse();
    }

    @Test
    void aPartThatExitsBeforeItIsReadyFailsWithItsLog() {
        ProcessLauncher launcher = new ProcessLauncher(new Workspace(repo));
        Process process = launcher.start("broken", List.of("sh", "-c", "echo 'FATAL: no config'; exit 3"), Map.of());
        launcher.recordPid("broken", process.toHandle());

        assertThatThrownBy(() -> Probes.await("broken", Duration.ofSeconds(30),
                        () -> launcher.running("broken").isPresent(), () -> false, launcher))
                .isInstanceOf(PartFailedException.class)
                .hasMessageContaining("broken: exited before it was ready")
                .hasMessageContaining("FATAL: no config");
    }

    @Test
    void shortensALongClasspathInTheLoggedCommand() {
        String classpath = String.join(":", Collections.nCopies(40, "/root/.m2/repository/some/library.jar"));
        assertThat(ProcessLauncher.describe(List.of("java", "-cp", classpath, "io.haat.local.KafkaMain")))
                .isEqualTo("java -cp <40 classpath entries> io.haat.local.KafkaMain");
    }

    @Test
    void killsAProcessAndItsChildrenAtOnceWithoutAskingThemToStop() throws IOException {
        ProcessLauncher launcher = new ProcessLauncher(new Workspace(repo));
        // a part that would take its time on SIGTERM (it writes a line first): SIGKILL gives it no chance to
        Process process = launcher.start("victim", List.of("sh", "-c", "trap 'echo stopped-at-$((6*7)); exit 0' TERM; sleep 60 & wait"),
                Map.of());
        launcher.recordPid("victim", process.toHandle());
        ProcessHandle shell = process.toHandle();
        await().atMost(Duration.ofSeconds(10)).until(() -> shell.children().findAny().isPresent());
        ProcessHandle sleep = shell.children().findFirst().orElseThrow();

        assertThat(launcher.kill("victim")).isTrue();

        assertThat(shell.isAlive()).isFalse();
        assertThat(sleep.isAlive()).isFalse();
        assertThat(process.exitValue()).as("killed by signal 9").isEqualTo(137);
        assertThat(Files.readString(repo.resolve(".haat/logs/victim.log"))).doesNotContain("stopped-at-42");
        assertThat(launcher.running("victim")).isEmpty();
        assertThat(launcher.kill("victim")).as("nothing left to kill").isFalse();
    }
}
