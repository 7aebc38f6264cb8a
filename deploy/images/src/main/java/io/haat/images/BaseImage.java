package io.haat.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes the base image of every Haat service as an image tarball, without a Docker daemon or a registry:
 * <ul>
 *   <li>layer "runtime": a Java runtime jlink'd from the building JDK (25) into {@code /opt/java} — the modules
 *       Spring Boot, Kafka, PostgreSQL/MongoDB drivers and image processing (headless AWT) use;</li>
 *   <li>layer "system": the shared libraries that runtime links (glibc and the dynamic loader, copied from the building
 *       machine, found by {@code ldd}), a {@code haat} user (10001:10001) and group, {@code /etc/nsswitch.conf} and a
 *       world-writable {@code /tmp} (Jib sets no sticky bit) (mounted over by an emptyDir in Kubernetes: the root filesystem is read-only).</li>
 * </ul>
 * No shell, no package manager: nothing in the image but what a JVM needs. Usage: {@code BaseImage <out.tar> <java.home>}.
 */
public final class BaseImage {

    /** The runtime's modules: java.se (includes java.desktop for ImageIO, java.sql, java.naming...) and friends. */
    static final List<String> MODULES = List.of("java.se", "jdk.unsupported", "jdk.management", "jdk.management.agent",
            "jdk.jfr", "jdk.naming.dns", "jdk.zipfs", "jdk.localedata", "jdk.crypto.cryptoki", "jdk.httpserver");

    /** Native libraries of the runtime that need a display or sound card: not linked, never loaded headless. */
    private static final Set<String> HEADFUL = Set.of("libawt_xawt.so", "libjsound.so", "libsplashscreen.so",
            "libjawt.so");

    static final String USER = "10001:10001";

    private BaseImage() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        Path javaHome = Path.of(args.length > 1 ? args[1] : System.getProperty("java.home"));
        Path work = Files.createTempDirectory("haat-base-image");
        Path runtime = work.resolve("runtime");
        run(List.of(javaHome.resolve("bin/jlink").toString(), "--add-modules", String.join(",", MODULES),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--compress", "zip-6", "--output",
                runtime.toString()));
        for (String headful : HEADFUL) {
            Files.deleteIfExists(runtime.resolve("lib").resolve(headful));
        }

        Path system = work.resolve("system");
        for (String library : linkedLibraries(runtime)) {
            Path target = system.resolve(library.substring(1));
            Files.createDirectories(target.getParent());
            Files.copy(Path.of(library).toRealPath(), target);
        }
        Files.createDirectories(system.resolve("etc"));
        Files.writeString(system.resolve("etc/passwd"), """
                root:x:0:0:root:/root:/sbin/nologin
                haat:x:10001:10001:Haat service:/home/haat:/sbin/nologin
                nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
                """, StandardCharsets.US_ASCII);
        Files.writeString(system.resolve("etc/group"), "root:x:0:\nhaat:x:10001:\nnogroup:x:65534:\n");
        Files.writeString(system.resolve("etc/nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n");

        FileEntriesLayer.Builder systemLayer = FileEntriesLayer.builder().setName("system");
        addTree(systemLayer, system, AbsoluteUnixPath.get("/"));
        systemLayer.addEntry(Files.createDirectories(work.resolve("tmp")), AbsoluteUnixPath.get("/tmp"),
                FilePermissions.fromOctalString("777"));
        systemLayer.addEntry(Files.createDirectories(work.resolve("home")), AbsoluteUnixPath.get("/home/haat"),
                FilePermissions.fromOctalString("755"));
        FileEntriesLayer.Builder runtimeLayer = FileEntriesLayer.builder().setName("runtime");
        addTree(runtimeLayer, runtime, AbsoluteUnixPath.get("/opt/java"));

        Files.createDirectories(out.getParent());
        Jib.fromScratch()
                .addFileEntriesLayer(systemLayer.build())
                .addFileEntriesLayer(runtimeLayer.build())
                .setEnvironment(Map.of("JAVA_HOME", "/opt/java", "PATH", "/opt/java/bin", "LANG", "C.UTF-8"))
                .setUser(USER)
                .setWorkingDirectory(AbsoluteUnixPath.get("/home/haat"))
                .setCreationTime(Instant.EPOCH)
                .addLabel("org.opencontainers.image.title", "haat-jre")
                .addLabel("org.opencontainers.image.description", "Java " + Runtime.version().feature()
                        + " runtime (jlink) on glibc, non-root, no shell: the base of Haat's service images")
                .containerize(Containerizer.to(TarImage.at(out).named("haat/jre:" + Runtime.version().feature())));
        System.out.println("base image written to " + out + " (" + Files.size(out) / (1024 * 1024) + " MiB)");
    }

    /** Absolute paths of the shared libraries the runtime's launcher and native libraries link, as ldd resolves them. */
    static Set<String> linkedLibraries(Path runtime) throws IOException, InterruptedException {
        List<Path> binaries = new ArrayList<>();
        binaries.add(runtime.resolve("bin/java"));
        try (Stream<Path> files = Files.walk(runtime.resolve("lib"))) {
            files.filter(f -> f.toString().endsWith(".so")).forEach(binaries::add);
        }
        Set<String> libraries = new TreeSet<>();
        for (Path binary : binaries) {
            for (String line : run(List.of("ldd", binary.toString())).split("\n")) {
                String path = line.contains("=>") ? line.substring(line.indexOf("=>") + 2).trim() : line.trim();
                path = path.replaceFirst("\\s*\\(0x[0-9a-f]+\\)$", "");
                if (path.startsWith("/") && !path.startsWith(runtime.toString())) {
                    libraries.add(path);
                }
            }
        }
        return libraries;
    }

    private static void addTree(FileEntriesLayer.Builder layer, Path root, AbsoluteUnixPath at) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                boolean executable = permissions.contains(PosixFilePermission.OWNER_EXECUTE);
                layer.addEntry(file, at.resolve(root.relativize(file).toString()),
                        FilePermissions.fromOctalString(executable ? "755" : "644"));
            }
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
