package io.haat.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * How {@link LocalMarketplace#start} runs.
 *
 * @param startServices           start discovery, the gateway and the services (false: infrastructure and Keycloak only)
 * @param seedDemoAccounts        create the demo accounts (identity-service) and demo data (seller, store, products,
 *                                shipping, the customer's address) when missing
 * @param tolerateServiceFailures keep running when a service fails to start (./run.sh); false fails the start (tests)
 * @param serviceJvmOptions       JVM options of every Spring Boot service
 * @param aotCache                run the services with a JDK AOT cache (recorded by their first run, in .haat/apps)
 * @param infrastructureTimeout   how long each infrastructure part may take to be ready
 * @param serviceTimeout          how long each service may take to be ready (they start together on few cores)
 * @param out                     where progress and the summary go
 */
public record Options(boolean startServices, boolean seedDemoAccounts, boolean tolerateServiceFailures,
                      List<String> serviceJvmOptions, boolean aotCache, Duration infrastructureTimeout, Duration serviceTimeout,
                      PrintStream out) {

    /** Quick start on a small machine: C1 only, a modest heap, the serial collector. */
    public static final List<String> FAST_START_JVM = List.of("-XX:TieredStopAtLevel=1", "-Xmx384m", "-XX:+UseSerialGC");

    /**
     * What a service runs with in production: both JIT tiers (C2 included) and G1, sized for a small footprint (the
     * issue 17 memory goal). The end-to-end suite starts its marketplace with these, so its benchmarks measure the code
     * as it will run, not the quick-start JIT. Measured under the checkout load, a service keeps 60-70 MB live after a
     * full collection; the rest of its RSS is metaspace, code and native memory:
     * <ul>
     *   <li>{@code -Xms32m -Xmx256m}, free ratios 10-30%: the heap grows with the load and gives back what it no longer
     *       needs, instead of holding 256 MB from the start (the old {@code -Xms256m -Xmx512m});</li>
     *   <li>{@code -XX:ReservedCodeCacheSize=48m}: the compiled code of a service is 25-36 MB;</li>
     *   <li>{@code -Xss512k}: no service recurses deeply; about 60 threads each;</li>
     *   <li>{@code -XX:TrimNativeHeapInterval=5000}: returns the C heap the JIT compilers freed to the system (glibc
     *       keeps it otherwise), with {@link SpringServicePart#MALLOC_ARENAS} arenas.</li>
     * </ul>
     */
    public static final List<String> PRODUCTION_JVM = List.of("-Xms32m", "-Xmx256m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-XX:+UseG1GC", "-XX:ReservedCodeCacheSize=48m", "-Xss512k",
            "-XX:TrimNativeHeapInterval=5000");

    public Options {
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    /**
     * Whether the Kafka broker and the MongoDB stand-in get both JIT tiers too: when the services run with them (a
     * benchmark run). A production Kafka runs with C2 and a production MongoDB is native code; measuring production
     * services against C1-only stand-ins would charge the services for the stand-ins' quick start.
     */
    public boolean infrastructureFullJit() {
        return !serviceJvmOptions.contains("-XX:TieredStopAtLevel=1");
    }

    /** Everything, demo accounts seeded, any failure fails the start; progress on standard output. */
    public static Options defaults() {
        return new Options(true, true, false, FAST_START_JVM, true, Duration.ofMinutes(4), Duration.ofMinutes(5), System.out);
    }

    public Options withStartServices(boolean value) {
        return new Options(value, seedDemoAccounts, tolerateServiceFailures, serviceJvmOptions, aotCache, infrastructureTimeout, serviceTimeout, out);
    }

    public Options withSeedDemoAccounts(boolean value) {
        return new Options(startServices, value, tolerateServiceFailures, serviceJvmOptions, aotCache, infrastructureTimeout, serviceTimeout, out);
    }

    public Options withTolerateServiceFailures(boolean value) {
        return new Options(startServices, seedDemoAccounts, value, serviceJvmOptions, aotCache, infrastructureTimeout, serviceTimeout, out);
    }

    public Options withServiceJvmOptions(List<String> value) {
        return new Options(startServices, seedDemoAccounts, tolerateServiceFailures, value, aotCache, infrastructureTimeout, serviceTimeout, out);
    }

    public Options withAotCache(boolean value) {
        return new Options(startServices, seedDemoAccounts, tolerateServiceFailures, serviceJvmOptions, value, infrastructureTimeout, serviceTimeout, out);
    }

    public Options withOut(PrintStream value) {
        return new Options(startServices, seedDemoAccounts, tolerateServiceFailures, serviceJvmOptions, aotCache, infrastructureTimeout, serviceTimeout, value);
    }
}
