package org.yaqaza.systemtest.console;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The browsers a test opened. JUnit tells this watcher how the test ended, after the test's own clean-up: on a
 * failure every open browser's screen is saved under {@code target/browser-screenshots/<class>.<test>-<label>.png}
 * (what the user would have seen) and every browser is closed; after a success the browsers are kept for the next
 * test that asks for the same language, which gets one reset to a fresh state ({@link Browser#reset(String)}):
 * starting Chromium and its driver costs seconds per browser on the shared machine. The kept browsers are closed
 * when the test run ends.
 */
public final class Browsers implements TestWatcher, BeforeAllCallback {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    /** Kept browsers per language: a test opens at most a few at once. */
    private static final int KEPT_PER_LANGUAGE = 3;
    private static final Map<String, Browser> OPEN = new LinkedHashMap<>();
    private static final Map<Browser, String> LANGUAGES = new HashMap<>();
    private static final Map<String, Deque<Browser>> IDLE = new HashMap<>();

    /** A browser in a fresh state (no cookie, cache, storage or history) preferring {@code language}. */
    static synchronized Browser open(String gatewayUrl, String language, String label) {
        Browser browser = null;
        Deque<Browser> idle = IDLE.getOrDefault(language, new ArrayDeque<>());
        while (browser == null && !idle.isEmpty()) {
            Browser kept = idle.pop();
            if (kept.reset(gatewayUrl)) {
                browser = kept;
            } else {
                quit(kept);
            }
        }
        if (browser == null) {
            browser = new Browser(gatewayUrl, language);
            LANGUAGES.put(browser, language);
        }
        Browser previous = OPEN.put(label, browser);
        if (previous != null) {
            keep(previous);
        }
        return browser;
    }

    /** {@link #open A browser} signed in to the console as {@code account}. */
    static Browser signedIn(String gatewayUrl, String account, String password, String language) {
        Browser browser = open(gatewayUrl, language, account + "-" + language);
        browser.signIn(account, password);
        return browser;
    }

    /** Closes the kept browsers when JUnit closes its root store, after the last test class of the run. */
    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KeptBrowsers.class, key -> new KeptBrowsers(), KeptBrowsers.class);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String test = context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName();
        synchronized (Browsers.class) {
            OPEN.forEach((label, browser) -> browser.screenshot(SCREENSHOTS.resolve(test + "-" + label + ".png")));
            // a failed test's browsers are not handed on: whatever went wrong stays with them
            OPEN.values().forEach(Browsers::quit);
            OPEN.clear();
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        keepAll();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        keepAll();
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        keepAll();
    }

    private static synchronized void keepAll() {
        OPEN.values().forEach(Browsers::keep);
        OPEN.clear();
    }

    private static synchronized void keep(Browser browser) {
        Deque<Browser> idle = IDLE.computeIfAbsent(LANGUAGES.get(browser), l -> new ArrayDeque<>());
        if (idle.size() < KEPT_PER_LANGUAGE && !idle.contains(browser)) {
            idle.push(browser);
        } else if (!idle.contains(browser)) {
            quit(browser);
        }
    }

    private static synchronized void quit(Browser browser) {
        LANGUAGES.remove(browser);
        browser.close();
    }

    private static synchronized void quitKept() {
        List<Browser> kept = new ArrayList<>();
        IDLE.values().forEach(kept::addAll);
        IDLE.clear();
        kept.forEach(Browsers::quit);
    }

    // AutoCloseable: the root store closes it once, when the whole test run ends (JUnit 5.13+)
    private static final class KeptBrowsers implements AutoCloseable {

        KeptBrowsers() {
            // a JVM that ends without closing JUnit's root store must not leave Chromium processes behind
            Runtime.getRuntime().addShutdownHook(new Thread(Browsers::quitKept, "yaqaza-browsers-quit"));
        }

        @Override
        public void close() {
            quitKept();
        }
    }
}
