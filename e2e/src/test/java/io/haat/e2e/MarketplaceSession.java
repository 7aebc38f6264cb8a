package io.haat.e2e;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The suite's session: when it opens, every wait checks its condition at once (Awaitility otherwise waits one poll
 * interval, 0.5-2 s here, before its first look, and most conditions here already hold at the first look: the six
 * journeys took 34 s instead of 98 s against the same running marketplace); when it closes, the marketplace the suite started is stopped while the test JVM is
 * still alive, so the launcher stops every process in order instead of racing the JVM's exit (an attached ./run.sh
 * one is left alone).
 */
public class MarketplaceSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Marketplace.stopIfStarted();
    }
}
