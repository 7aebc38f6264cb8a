package io.haat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * What the benchmarks measured, written as they go to {@code e2e/target/bench/}: {@code README.md}, one Markdown table
 * of every figure (and the JVM flags the services ran with), and a latency chart per benchmark
 * ({@code <benchmark>.png}, p50 and p99 of each side of its comparison, drawn with JFreeChart). The file is rewritten
 * after each figure, so a run cut short still leaves what it measured. {@code -Pbench} fills it at full size.
 */
final class BenchReport {

    /** One side of a comparison: its p50 and p99 in milliseconds. */
    record Latency(String label, double p50Millis, double p99Millis) {

        static Latency of(LoadRun run) {
            return new Latency(run.label().strip() + " (c=" + run.concurrency() + ")", run.p50Micros() / 1000.0,
                    run.p99Micros() / 1000.0);
        }

        static Latency of(PacedRun run) {
            return new Latency(run.label(), run.p50Micros() / 1000.0, run.p99Micros() / 1000.0);
        }
    }

    private record Row(String benchmark, String measurement, String figures) {
    }

    static final Path DIRECTORY = Path.of("target", "bench");
    private static final List<Row> ROWS = new ArrayList<>();
    private static final Map<String, List<Latency>> CHARTS = new LinkedHashMap<>();
    private static final Instant STARTED = Instant.now();

    static {
        // an earlier run's charts and table are not this run's
        try (var old = Files.exists(DIRECTORY) ? Files.list(DIRECTORY) : java.util.stream.Stream.<Path>empty()) {
            for (Path file : old.filter(f -> f.toString().endsWith(".png") || f.endsWith("README.md")).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + DIRECTORY, e);
        }
    }

    private BenchReport() {
    }

    /** A figure: {@code benchmark} groups rows and names the chart; {@code figures} is free text (units included). */
    static synchronized void row(String benchmark, String measurement, String figures) {
        ROWS.add(new Row(benchmark, measurement, figures));
        write();
    }

    /** A closed-loop run's throughput, percentiles and errors, and its place in the benchmark's chart. */
    static void row(String benchmark, LoadRun run) {
        row(benchmark, run.label().strip() + ", concurrency " + run.concurrency(),
                "%.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors of %d".formatted(run.requestsPerSecond(),
                        run.p50Micros() / 1000.0, run.p99Micros() / 1000.0, run.errors(), run.requests()));
        latency(benchmark, Latency.of(run));
    }

    /** A paced run's percentiles (successful requests only) and its place in the benchmark's chart. */
    static void row(String benchmark, PacedRun run) {
        row(benchmark, run.label(), "p50 %.2f ms, p99 %.2f ms, %d of %d succeeded".formatted(run.p50Micros() / 1000.0,
                run.p99Micros() / 1000.0, run.succeeded(), run.sent()));
        latency(benchmark, Latency.of(run));
    }

    /** Adds a bar pair (p50, p99) to {@code benchmark}'s chart and redraws it. */
    static synchronized void latency(String benchmark, Latency latency) {
        List<Latency> series = CHARTS.computeIfAbsent(benchmark, k -> new ArrayList<>());
        series.add(latency);
        draw(benchmark, series);
        write();
    }

    static String fileName(String benchmark) {
        return benchmark.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") + ".png";
    }

    private static void draw(String benchmark, List<Latency> series) {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Latency latency : series) {
            data.addValue(latency.p50Millis(), latency.label(), "p50");
            data.addValue(latency.p99Millis(), latency.label(), "p99");
        }
        JFreeChart chart = ChartFactory.createBarChart(benchmark + " (" + BenchScale.label() + ")", "percentile",
                "latency, ms", data);
        try {
            Files.createDirectories(DIRECTORY);
            ChartUtils.saveChartAsPNG(DIRECTORY.resolve(fileName(benchmark)).toFile(), chart, 900, 500);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw " + benchmark, e);
        }
    }

    private static void write() {
        StringBuilder md = new StringBuilder();
        md.append("# Haat benchmarks\n\n");
        md.append("Run started ").append(STARTED).append(", ").append(BenchScale.label()).append(". Services ran with ")
                .append(Boolean.getBoolean(Marketplace.ATTACH_PROPERTY) ? "the attached marketplace's JVM options"
                        : "`" + String.join(" ", Marketplace.serviceJvmOptions()) + "`")
                .append("; client, gateway and services share this machine (")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores).\n\n");
        md.append("| benchmark | measured | figures |\n|---|---|---|\n");
        for (Row row : ROWS) {
            md.append("| ").append(cell(row.benchmark())).append(" | ").append(cell(row.measurement())).append(" | ")
                    .append(cell(row.figures())).append(" |\n");
        }
        for (String benchmark : CHARTS.keySet()) {
            md.append("\n## ").append(benchmark).append("\n\n![").append(benchmark).append("](")
                    .append(fileName(benchmark)).append(")\n");
        }
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve("README.md"), md);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark table", e);
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
