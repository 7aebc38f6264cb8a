package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table and the charts the benchmarks leave under target/bench (no marketplace needed). */
class BenchReportTest {

    @Test
    void everyFigureIsARowOfTheTableAndEveryComparisonAChart() throws Exception {
        LoadRun direct = new LoadRun("direct  GET :8082/categories", 16, 30_000, 0, 10.0, 1_600, 4_200, Map.of());
        LoadRun gateway = new LoadRun("gateway GET /api/v1/categories", 16, 20_000, 2, 10.0, 3_800, 9_100, Map.of());
        PacedRun login = new PacedRun("gateway POST /api/v1/auth/login", Duration.ofMillis(100), 50, 61_000, 95_000, 50,
                Map.of(), Map.of());

        BenchReport.row("Report test, public GET", direct);
        BenchReport.row("Report test, public GET", gateway);
        BenchReport.row("Report test, login", login);
        BenchReport.row("Report test, public GET", "gateway vs direct", "throughput 67% | of direct");

        String table = Files.readString(BenchReport.DIRECTORY.resolve("README.md"));
        assertThat(table).contains("| Report test, public GET | direct  GET :8082/categories, concurrency 16 | 3000 req/s,"
                        + " p50 1.60 ms, p99 4.20 ms, 0 errors of 30000 |")
                .contains("| Report test, login | gateway POST /api/v1/auth/login | p50 61.00 ms, p99 95.00 ms, 50 of 50"
                        + " succeeded |")
                .contains("throughput 67% \\| of direct")
                .contains("-Xmx256m")
                .contains("![Report test, public GET](report-test-public-get.png)");
        Path chart = BenchReport.DIRECTORY.resolve("report-test-public-get.png");
        byte[] png = Files.readAllBytes(chart);
        assertThat(png).as("a PNG image").startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).isGreaterThan(5_000);
    }
}
