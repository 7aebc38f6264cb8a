package io.haat.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search benchmark, small (5,000 products), in every build: prints the same figures as
 * {@link SearchBenchmarkTest} and checks what it measured is sound (every product indexed, typo queries find
 * what was meant), never a time.
 */
class SearchBenchmarkSmokeTest {

    @Test
    void printsTheFiguresOfASmallCatalog(@TempDir Path directory) {
        SearchBenchmark.Figures figures = new SearchBenchmark(5_000, 300, 10, System.out::println).run(directory);

        assertThat(figures.indexBytes()).isPositive();
        assertThat(figures.typoFound()).isGreaterThan(0.95);
        assertThat(figures.typoTop1()).isGreaterThan(0.8);
        assertThat(figures.errors()).isZero();
        assertThat(figures.typo()[0]).isPositive();
        assertThat(figures.mongoTypo()[0]).isPositive();
    }
}
