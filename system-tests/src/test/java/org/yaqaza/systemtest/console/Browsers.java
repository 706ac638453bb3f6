package org.yaqaza.systemtest.console;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The browsers a test opened. JUnit tells this watcher how the test ended, after the test's own clean-up: on a
 * failure every open browser's screen is saved under {@code target/browser-screenshots/<class>.<test>-<label>.png}
 * (what the user would have seen), then every browser is closed, whatever the outcome.
 */
public final class Browsers implements TestWatcher {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final Map<String, Browser> OPEN = new LinkedHashMap<>();

    /** A new browser (fresh profile) preferring {@code language}; {@code label} names its screenshot. */
    static synchronized Browser open(String gatewayUrl, String language, String label) {
        Browser browser = new Browser(gatewayUrl, language);
        Browser previous = OPEN.put(label, browser);
        if (previous != null) {
            previous.close();
        }
        return browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String test = context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName();
        synchronized (Browsers.class) {
            OPEN.forEach((label, browser) -> browser.screenshot(SCREENSHOTS.resolve(test + "-" + label + ".png")));
        }
        closeAll();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        closeAll();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        closeAll();
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        closeAll();
    }

    private static synchronized void closeAll() {
        OPEN.values().forEach(Browser::close);
        OPEN.clear();
    }
}
