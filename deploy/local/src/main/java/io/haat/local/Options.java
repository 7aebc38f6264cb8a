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
     * What a service runs with in production: both JIT tiers (C2 included) and G1, a fixed heap. The end-to-end suite
     * starts its marketplace with these, so its benchmarks measure the code as it will run, not the quick-start JIT.
     */
    public static final List<String> PRODUCTION_JVM = List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC");

    public Options {
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
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
