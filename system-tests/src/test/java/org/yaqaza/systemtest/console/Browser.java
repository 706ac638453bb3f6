package org.yaqaza.systemtest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Debian's headless Chromium driven by its own ChromeDriver (packages chromium and chromium-driver, installed by
 * .ci/run): no cookie, no cache, no storage and no history shared between tests. Each browser prefers one
 * language, as a user's browser would. Starting Chromium costs seconds on the shared machine, so {@link Browsers}
 * hands a finished test's browser to the next test that wants the same language, after {@link #reset(String)}.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final Set<String> origins = new LinkedHashSet<>();
    private String base;

    Browser(String gatewayUrl, String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // headless as root (CI) needs --no-sandbox; /dev/shm is small in containers
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1024",
                "--lang=" + language, "--disable-gpu");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        this.base = gatewayUrl;
        origins.add(gatewayUrl);
    }

    /**
     * Makes this browser as a freshly started one for a new test at {@code gatewayUrl}: every cookie, the HTTP cache
     * and each visited origin's storage cleared, and one new blank tab (fresh session storage, no back history) in
     * place of all the old ones. False when any of it failed (the caller then starts a new browser).
     */
    boolean reset(String gatewayUrl) {
        try {
            String blank = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
            for (String handle : driver.getWindowHandles()) {
                if (!handle.equals(blank)) {
                    driver.switchTo().window(handle).close();
                }
            }
            driver.switchTo().window(blank);
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
            for (String origin : origins) {
                driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin,
                        "storageTypes", "all"));
            }
            Object left = driver.executeCdpCommand("Network.getAllCookies", Map.of());
            if (!(left instanceof Map<?, ?> answer) || !(answer.get("cookies") instanceof List<?> cookies)
                    || !cookies.isEmpty() || driver.getWindowHandles().size() != 1) {
                return false;
            }
            base = gatewayUrl;
            origins.add(gatewayUrl);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return waitFor(css);
    }

    WebElement waitFor(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Through the sign-in page of the gateway's authorization endpoint, as a person would. */
    void signIn(String username, String password) {
        open("/console/");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        find("button[type=submit]").click();
        waitFor("#sign-out");
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Fails the test when axe-core finds a serious or critical violation on the page shown. */
    void assertAccessible() {
        assertEquals(List.of(), accessibilityViolations(), "axe-core on " + path());
    }

    /** axe-core's serious and critical violations on the current page (rule id and the first offending node). */
    List<String> accessibilityViolations() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException(AXE + " is not on the test classpath");
            }
            script(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object raw = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error',"
                        + " impact: 'critical', help: String(e), nodes: []}])));");
        List<Map<String, Object>> violations;
        try {
            violations = JSON.readValue((String) raw, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> violation : violations) {
            Object impact = violation.get("impact");
            if ("serious".equals(impact) || "critical".equals(impact)) {
                Object nodes = violation.get("nodes");
                String first = nodes instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0)) : "";
                serious.add(violation.get("id") + " (" + impact + "): " + violation.get("help") + " " + first);
            }
        }
        return serious;
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // a screenshot is a help for the reader of a failure, never a failure of its own
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            // already gone (e.g. the driver crashed): nothing left to stop
        }
    }
}
