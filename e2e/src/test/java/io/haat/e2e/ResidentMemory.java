package io.haat.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resident set size (RSS, what the operating system holds in RAM for a process: heap in use, metaspace, code cache,
 * thread stacks, direct buffers) of the marketplace's services, read from {@code /proc/<pid>/status}: a snapshot, and
 * the peak over a load sampled every 250 ms. Linux only; empty where there is no {@code /proc} or for an attached
 * marketplace.
 */
final class ResidentMemory implements AutoCloseable {

    static final List<String> SERVICES = List.of("gateway", "identity-service", "catalog-service", "seller-service",
            "order-service", "payment-service", "notification-service");

    private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private ResidentMemory() {
        sampler.scheduleAtFixedRate(() -> now().forEach((service, kb) -> peakKb.merge(service, kb, Math::max)),
                0, 250, TimeUnit.MILLISECONDS);
    }

    /** Starts sampling the peak of every service until {@link #close}. */
    static ResidentMemory sampling() {
        return new ResidentMemory();
    }

    /** The peak RSS of each service since {@link #sampling}, in KiB. */
    Map<String, Long> peakKb() {
        Map<String, Long> ordered = new LinkedHashMap<>();
        SERVICES.forEach(service -> {
            if (peakKb.containsKey(service)) {
                ordered.put(service, peakKb.get(service));
            }
        });
        return ordered;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    /** The RSS of each running service now, in KiB. */
    static Map<String, Long> now() {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Marketplace.get().process(service).ifPresent(process -> {
                long kb = rssKb(process.pid());
                if (kb > 0) {
                    rss.put(service, kb);
                }
            });
        }
        return rss;
    }

    /** {@code VmRSS} of the process, in KiB; 0 when unknown. */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** {@code service 312 MB, ...} */
    static String format(Map<String, Long> kb) {
        StringBuilder text = new StringBuilder();
        kb.forEach((service, value) -> text.append(text.isEmpty() ? "" : ", ").append(service).append(' ')
                .append(value / 1024).append(" MB"));
        return text.isEmpty() ? "not measured (no /proc, or an attached marketplace)" : text.toString();
    }
}
