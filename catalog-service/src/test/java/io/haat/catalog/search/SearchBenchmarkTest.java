package io.haat.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search at 100,000 products, in-process: index build time, size and heap; p50/p95/p99 of 2,000 typo queries,
 * 2,000 filtered + faceted queries and 2,000 suggestions; the MongoDB regex baseline on 30 queries of each kind
 * (mongo-java-server scans in Java, so the sample is small). Goal: p95 ≤ 5 ms and ≥ 50× the baseline. Tagged
 * {@code benchmark} (run with {@code -DexcludedGroups=none -Dgroups=benchmark}); it prints, and asserts only that
 * the queries found what was meant and none failed, never a time. Run alone, it measures with Lucene's assertions off
 * (production has no {@code -ea}) and prints the JVM's JIT, collector and flags.
 */
@Tag("benchmark")
class SearchBenchmarkTest {

    static {
        // production runs without -ea: Lucene's assertions off before any Lucene class is initialized
        SearchBenchmark.productionAssertions();
    }

    @Test
    void searchAtOneHundredThousandProducts(@TempDir Path directory) {
        SearchBenchmark.Figures figures = new SearchBenchmark(100_000, 2_000, 30, System.out::println).run(directory);

        assertThat(figures.typoFound()).isGreaterThan(0.95);
        assertThat(figures.typoTop1()).isGreaterThan(0.8);
        assertThat(figures.errors()).isZero();
    }
}
