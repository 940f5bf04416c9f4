package io.debrief.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, the system's own (Debian's {@code chromium} and {@code chromium-driver}); nothing is
 * downloaded. In CI a missing browser fails the tests; on a developer machine it skips them with the reason.
 */
final class Browser implements AutoCloseable {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    final ChromeDriver driver;
    final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        // the pages redraw what they show as live data arrives: an element found a moment ago may have been replaced
        this.wait = (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class);
    }

    /** @param language the browser's preferred language, as navigator.languages reports it */
    static Browser open(String language) {
        String binary = firstExisting(BROWSERS);
        String chromedriver = firstExisting(DRIVERS);
        if (binary == null || chromedriver == null) {
            String reason = "headless browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(reason);
            }
            Assumptions.abort(reason);
        }
        try {
            Path profile = Files.createTempDirectory("chromium-profile-");
            ChromeOptions options = new ChromeOptions()
                    .setBinary(binary)
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--no-first-run",
                            "--disable-sync", "--disable-quic", "--window-size=1280,1000",
                            "--user-data-dir=" + profile, "--lang=" + language);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(chromedriver))
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstExisting(List<String> candidates) {
        return candidates.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElse(null);
    }

    /**
     * Opens {@code baseUrl} as a signed-in user: the session cookie the pages' sign-in sets (HttpOnly, same site), never
     * a token in a URL.
     */
    void signIn(String baseUrl, String token) {
        driver.get(baseUrl + "/q/health/live");
        driver.manage().addCookie(new Cookie.Builder("debrief_token", token).path("/").isHttpOnly(true)
                .sameSite("Strict").build());
        driver.get(baseUrl + "/");
    }

    /**
     * Signs in as a person does: opens the page, waits for its sign-in form, pastes the token and submits it; the page
     * hands it to {@code POST /api/session} once and reloads with the HttpOnly cookie, showing who is signed in.
     */
    void signInThroughTheForm(String baseUrl, String token) {
        driver.get(baseUrl + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(token);
        driver.findElement(By.cssSelector("#signin-form button[type='submit']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("signin")));
    }

    /** Runs script in the page (arguments as {@code arguments[i]}); what it returns. */
    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Resizes the window, e.g. to a phone's width. */
    void windowSize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a tall window's view from the element with this id down as {@code target/screenshots/NAME.png}. */
    Path screenshotFrom(String id, String name, int height) {
        Dimension before = driver.manage().window().getSize();
        windowSize(before.getWidth(), height);
        script("document.getElementById(arguments[0]).scrollIntoView({block: 'start'});", id);
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Saves what the page shows now as {@code target/screenshots/NAME.png}. */
    Path screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
