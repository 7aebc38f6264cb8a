package io.haat.e2e;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the marketplace the suite started when the JUnit session closes, while the test JVM is still alive, so the
 * launcher stops every process in order instead of racing the JVM's exit (an attached ./run.sh one is left alone).
 */
public class MarketplaceSession implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Marketplace.stopIfStarted();
    }
}
