package io.haat.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AotCacheTest {

    @TempDir
    Path dir;

    @Test
    void recordsTrainingDataUntilACacheWasCreatedThenUsesIt() throws IOException {
        AotCache aot = new AotCache(dir);
        assertThat(aot.runOptions()).startsWith("-XX:AOTMode=record", "-XX:AOTConfiguration=" + dir.resolve("app.aotconf"));

        Files.writeString(dir.resolve("app.aot"), "half-written by a killed JVM");
        assertThat(aot.runOptions()).as("a cache without the created marker is not trusted").contains("-XX:AOTMode=record");

        Files.writeString(dir.resolve("app.aot.created"), "");
        assertThat(aot.runOptions()).startsWith("-XX:AOTCache=" + dir.resolve("app.aot")).doesNotContain("-XX:AOTMode=record");
    }

    @Test
    void createsTheCacheFromRecordedDataAndDropsTheData() throws IOException {
        Path java = fakeJdk("25.0.1", "echo \"$@\" > " + dir.resolve("create-args") + "; echo cache > " + dir.resolve("app.aot"));
        Files.writeString(dir.resolve("app.aotconf"), "training data");

        new AotCache(dir).createIfRecorded(java, List.of("-Xmx384m"), dir.resolve("app.jar"), dir.resolve("app.log"));

        assertThat(dir.resolve("app.aot.created")).exists();
        assertThat(dir.resolve("app.aotconf")).doesNotExist();
        assertThat(Files.readString(dir.resolve("create-args")))
                .contains("-Xmx384m -XX:AOTMode=create -XX:AOTConfiguration=" + dir.resolve("app.aotconf"))
                .contains("-jar " + dir.resolve("app.jar"));
    }

    @Test
    void dataTheJvmRejectsIsDroppedSoTheNextRunRecordsAgain() throws IOException {
        Path java = fakeJdk("25", "echo 'Error: corrupt AOT configuration'; exit 1");
        Files.writeString(dir.resolve("app.aotconf"), "truncated");

        new AotCache(dir).createIfRecorded(java, List.of(), dir.resolve("app.jar"), dir.resolve("app.log"));

        assertThat(dir.resolve("app.aot.created")).doesNotExist();
        assertThat(dir.resolve("app.aotconf")).doesNotExist();
        assertThat(dir.resolve("app.log")).content().contains("corrupt AOT configuration");
        assertThat(new AotCache(dir).runOptions()).contains("-XX:AOTMode=record");
    }

    @Test
    void onlyJdk25AndLaterHaveCaches() throws IOException {
        assertThat(AotCache.supported(fakeJdk("25.0.1", "exit 0"))).isTrue();
        assertThat(AotCache.supported(fakeJdk("21.0.4", "exit 0"))).isFalse();
        assertThat(AotCache.supported(dir.resolve("nowhere/bin/java"))).isFalse();
    }

    private Path fakeJdk(String version, String script) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk-" + version));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n" + script + "\n");
        java.toFile().setExecutable(true);
        return java;
    }
}
