package io.haat.e2e;

import io.haat.local.LocalMarketplace;
import io.haat.local.Options;
import java.nio.file.Path;

/**
 * The marketplace the suite talks to: one already running (./run.sh) is reused, otherwise the suite starts it
 * through the same launcher as ./run.sh, once per test JVM, and the launcher stops it when the JVM exits.
 */
final class Marketplace {

    private static LocalMarketplace instance;

    private Marketplace() {
    }

    static synchronized LocalMarketplace get() {
        if (instance == null) {
            Path root = Path.of(System.getProperty("haat.repo.root", "..")).toAbsolutePath().normalize();
            instance = LocalMarketplace.startOrAttach(root, Options.defaults());
        }
        return instance;
    }
}
