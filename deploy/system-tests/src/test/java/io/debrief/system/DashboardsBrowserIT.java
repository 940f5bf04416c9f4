package io.debrief.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.debrief.testsupport.DebriefSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The two pages people look at, in a real headless Chromium against the running system. */
class DashboardsBrowserIT {

    private static DebriefSystem system;
    private static Recruiting recruiting;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.get();
        recruiting = new Recruiting(system.scorecards(), system.tokens());
    }

    @Test
    void calibrationDashboardShowsBarsChecksAndOutcomeChangingLive() {
        try (Browser browser = Browser.open("en-US")) {
            browser.signIn(system.calibrations().baseUrl(), system.tokens().mint("harry-manager", "hiring-manager"));
            browser.wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "open"));

            String loopId = recruiting.openLoop("Tran Thi B", "MID");
            WebElement loop = browser.wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[data-loop-id='" + loopId + "']")));
            loop.click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-pending"), "alice"));

            recruiting.submit(loopId, "alice", Map.of("CONTAINERIZATION", 4, "ORCHESTRATION", 4, "CI_CD", 4, "ML_TOOLS", 3), "YES");
            browser.wait.until(ExpectedConditions.attributeToBe(
                    By.cssSelector("rect.bar[data-area='CONTAINERIZATION']"), "data-score", "4"));
            assertThat(browser.driver.findElement(By.id("d-pending")).getText()).contains("bob", "carol").doesNotContain("alice");
            assertThat(browser.driver.findElement(By.id("d-missing")).getText()).contains("Communication");

            recruiting.submit(loopId, "bob", Map.of("SYSTEM_DESIGN", 4, "MONITORING", 3, "PROBLEM_SOLVING", 3), "YES");
            recruiting.submit(loopId, "carol", Map.of("COMMUNICATION", 2), "NO");
            browser.wait.until(ExpectedConditions.attributeToBe(By.id("d-outcome"), "data-outcome", "NO_HIRE"));

            WebElement communication = browser.driver.findElement(
                    By.cssSelector(".check[data-rule='AREA_MINIMUM'][data-area='COMMUNICATION']"));
            assertThat(communication.getAttribute("data-passed")).isEqualTo("false");
            assertThat(communication.getText()).contains("off by 1");
            assertThat(browser.driver.findElement(By.cssSelector("rect.bar[data-area='COMMUNICATION']"))
                    .getAttribute("class")).contains("below");
            // two checks fail (the average by 1/8 and communication by 1): a plain no hire, not a near miss
            assertThat(browser.driver.findElement(By.cssSelector(".check[data-rule='AVERAGE']")).getAttribute("data-passed"))
                    .isEqualTo("false");
            assertThat(browser.driver.findElement(By.id("d-near-miss")).isDisplayed()).isFalse();
            assertThat(browser.driver.findElements(By.cssSelector("#chart line.minimum"))).hasSize(1);
            assertThat(browser.driver.findElements(By.cssSelector("#chart line.required"))).hasSize(1);
            browser.screenshot("calibration-dashboard");
        }
    }

    @Test
    void recruiterPageCreatesASubscriptionAndShowsDecisionsLive() {
        try (Browser browser = Browser.open("en-US")) {
            browser.signIn(system.notifications().baseUrl(), system.tokens().mint("rita-recruiter", "recruiter"));
            browser.wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "open"));

            browser.driver.findElement(By.id("s-url")).sendKeys("http://127.0.0.1:9/browser-test");
            browser.driver.findElement(By.id("s-description")).sendKeys("ATS from the browser test");
            browser.driver.findElement(By.cssSelector("input[name='levels'][value='SENIOR']")).click();
            browser.driver.findElement(By.cssSelector("#new-subscription button[type='submit']")).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret")));
            assertThat(browser.driver.findElement(By.id("secret")).getText()).startsWith("whsec_");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscriptions"),
                    "ATS from the browser test"));

            String loopId = recruiting.openLoop("Le Van C", "SENIOR");
            recruiting.submit(loopId, "alice", Map.of("CONTAINERIZATION", 5, "ORCHESTRATION", 5, "CI_CD", 4, "ML_TOOLS", 4), "YES");
            recruiting.submit(loopId, "bob", Map.of("SYSTEM_DESIGN", 4, "MONITORING", 4, "PROBLEM_SOLVING", 4), "YES");
            recruiting.submit(loopId, "carol", Map.of("COMMUNICATION", 4), "YES");

            // SENIOR, 5,5,4,4,4,4,4,4: average 4.25 but only two areas at 5 (DOMAIN.md worked example 3)
            WebElement card = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-decision='" + loopId + ":1']")));
            assertThat(card.getAttribute("data-outcome")).isEqualTo("NO_HIRE");
            assertThat(card.getText()).contains("Near miss").contains("Containerization");
            browser.screenshot("recruiter-page");
        }
    }

    @Test
    void pagesFollowTheBrowsersLanguageAndSwitch() {
        try (Browser browser = Browser.open("vi-VN")) {
            browser.signIn(system.calibrations().baseUrl(), system.tokens().mint("rita-recruiter", "recruiter"));
            browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Debrief — hiệu chỉnh trực tiếp"));
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
            new Select(browser.driver.findElement(By.id("lang"))).selectByValue("en");
            browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Debrief — live calibrations"));

            browser.driver.get(system.notifications().baseUrl() + "/");
            // the switch is remembered per site; the recruiter page is another site, so it still follows the browser
            browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Debrief — quyết định tuyển dụng"));
            browser.screenshot("recruiter-page-vi");
        }
    }
}
