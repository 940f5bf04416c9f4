package io.debrief.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.debrief.testsupport.DebriefSystem;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The two pages people look at, in a real headless Chromium against the running system. */
class DashboardsBrowserIT {

    private static final DebriefSystem system = RunningSystem.get();
    private static final Recruiting recruiting = new Recruiting(system.scorecards(), system.tokens());

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
    void theLetterOfADecisionShowsForReviewInBothLanguagesAndCopies() {
        // SENIOR, 5,5,4,4,4,4,4,4: a near miss (DOMAIN.md worked example 3)
        String loopId = decided("Dang Thi G", "SENIOR",
                Map.of("CONTAINERIZATION", 5, "ORCHESTRATION", 5, "CI_CD", 4, "ML_TOOLS", 4), 4, "YES");
        try (Browser browser = Browser.open("en-US")) {
            browser.signIn(system.notifications().baseUrl(), system.tokens().mint("rita-recruiter", "recruiter"));
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-decision='" + loopId + ":1']")));
            browser.driver.findElement(By.cssSelector("[data-decision='" + loopId + ":1'] [data-letter]")).click();

            WebElement letter = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("letter")));
            browser.wait.until(ExpectedConditions.attributeToBe(letter, "data-loop-id", loopId));
            browser.wait.until(ExpectedConditions.attributeToBe(letter, "data-lang", "en"));
            String subject = browser.driver.findElement(By.id("letter-subject")).getText();
            String english = browser.driver.findElement(By.id("letter-body")).getText();
            assertThat(subject).isNotBlank();
            assertThat(english).isNotBlank();
            // never the interviewers, their notes or evidence
            assertThat(english + subject).doesNotContain("alice", "bob", "carol", "private notes");
            browser.screenshot("recruiter-letter");

            browser.driver.findElement(By.id("letter-copy")).click();
            browser.wait.until(ExpectedConditions.textToBe(By.id("letter-copied"), "Copied."));

            new Select(browser.driver.findElement(By.id("letter-lang"))).selectByValue("vi");
            browser.wait.until(ExpectedConditions.attributeToBe(letter, "data-lang", "vi"));
            browser.wait.until(driver -> !driver.findElement(By.id("letter-body")).getText().equals(english));
            assertThat(browser.driver.findElement(By.id("letter-body")).getText()).isNotBlank()
                    .doesNotContain("alice", "bob", "carol", "private notes");
            new Select(browser.driver.findElement(By.id("lang"))).selectByValue("vi");
            browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Debrief — quyết định tuyển dụng"));
            browser.screenshot("recruiter-letter-vi");
        }
    }

    @Test
    void interviewersViewShowsEachInterviewersDeviationFromTheirPanelsLive() {
        String run = Long.toString(System.nanoTime(), 36);
        String lenient = "lenient-" + run;
        String harsh = "harsh-" + run;
        for (int loop = 1; loop <= 4; loop++) {
            decideWithADisagreementOnProblemSolving(lenient, harsh, "third-" + run);
        }
        try (Browser browser = Browser.open("en-US")) {
            browser.signIn(system.calibrations().baseUrl(), system.tokens().mint("harry-manager", "hiring-manager"));
            browser.wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "open"));
            browser.driver.findElement(By.cssSelector("[data-view='interviewers']")).click();

            By lenientRow = By.cssSelector("tr[data-interviewer='" + lenient + "']");
            By harshRow = By.cssSelector("tr[data-interviewer='" + harsh + "']");
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(lenientRow));
            // four loops: too few to classify; the deviation bars already stand around zero
            assertThat(browser.driver.findElement(lenientRow).getAttribute("data-leniency")).isEqualTo("INSUFFICIENT_DATA");
            WebElement above = browser.driver.findElement(lenientRow).findElement(By.cssSelector("rect[data-area='PROBLEM_SOLVING']"));
            assertThat(above.getAttribute("data-deviation")).isEqualTo("2");
            assertThat(above.getAttribute("class")).contains("above");
            WebElement below = browser.driver.findElement(harshRow).findElement(By.cssSelector("rect[data-area='PROBLEM_SOLVING']"));
            assertThat(below.getAttribute("data-deviation")).isEqualTo("-2");
            assertThat(below.getAttribute("class")).contains("below");
            assertThat(browser.driver.findElement(lenientRow).findElements(By.cssSelector("rect[data-area='MONITORING']"))).isEmpty();

            // the fifth decided loop arrives on the stream and the view follows
            decideWithADisagreementOnProblemSolving(lenient, harsh, "third-" + run);
            browser.wait.until(ExpectedConditions.attributeToBe(lenientRow, "data-leniency", "LENIENT"));
            browser.wait.until(ExpectedConditions.attributeToBe(harshRow, "data-leniency", "HARSH"));
            WebElement row = browser.driver.findElement(lenientRow);
            assertThat(row.findElement(By.cssSelector(".leniency")).getText()).isEqualTo("Lenient");
            assertThat(row.getText()).contains("+2", "5 · 5", "5/5 (100 %)");
            assertThat(browser.driver.findElement(harshRow).getText()).contains("-2", "5 · 5", "0/5 (0 %)");
            browser.screenshot("calibration-interviewers");
        }
    }

    @Test
    void theHiringManagersFinalDecisionShowsOnTheDashboard() {
        // MID, average 3.375 and communication 2: NO_HIRE
        String loopId = decided("Bui Van H", "MID",
                Map.of("CONTAINERIZATION", 4, "ORCHESTRATION", 3, "CI_CD", 3, "ML_TOOLS", 3), 2, "NO");
        try (Browser browser = Browser.open("en-US")) {
            browser.signIn(system.calibrations().baseUrl(), system.tokens().mint("harry-manager", "hiring-manager"));
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-loop-id='" + loopId + "']"))).click();
            browser.wait.until(ExpectedConditions.attributeToBe(By.id("d-outcome"), "data-outcome", "NO_HIRE"));
            assertThat(browser.driver.findElement(By.id("d-final")).isDisplayed()).isFalse();

            recruiting.finalDecision(system.calibrations().baseUrl(), loopId, "HIRE",
                    "Communication was assessed in a 15-minute slot only; references confirm it", 1);
            WebElement finalDecision = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("d-final")));
            assertThat(finalDecision.getAttribute("data-outcome")).isEqualTo("HIRE");
            assertThat(finalDecision.getAttribute("data-override")).isEqualTo("true");
            assertThat(finalDecision.getText()).contains("Final decision: Hire", "overrides the computed No hire",
                    "references confirm it", "harry-manager");
            assertThat(browser.driver.findElement(By.cssSelector("[data-loop-id='" + loopId + "']")).getText()).contains("final: Hire");

            // and on the recruiter page, once notification-service has it (a recruiter reloads until then)
            browser.signIn(system.notifications().baseUrl(), system.tokens().mint("rita-recruiter", "recruiter"));
            By onTheCard = By.cssSelector("[data-decision='" + loopId + ":1'] [data-final]");
            long[] loadedAt = {System.nanoTime()};
            WebElement recruiterFinal = browser.wait.until(driver -> {
                List<WebElement> found = driver.findElements(onTheCard);
                if (found.isEmpty() && System.nanoTime() - loadedAt[0] > Duration.ofSeconds(3).toNanos()) {
                    driver.navigate().refresh();
                    loadedAt[0] = System.nanoTime();
                }
                return found.isEmpty() ? null : found.get(0);
            });
            assertThat(recruiterFinal.getAttribute("data-final")).isEqualTo("HIRE");
            assertThat(recruiterFinal.getAttribute("data-override")).isEqualTo("true");
            assertThat(recruiterFinal.getText()).contains("Final decision: Hire", "overrides the computed No hire",
                    "references confirm it", "harry-manager");
            browser.screenshot("recruiter-final-decision");
        }
    }

    @Test
    void anInterviewerWhoMissedTheReminderCadenceIsMarkedOverdueOnBothPages() {
        String run = Long.toString(System.nanoTime(), 36);
        String prompt = "prompt-" + run;
        String late = "late-" + run;
        String notYet = "not-yet-" + run;
        // the first two interviews have just ended; the third ends tomorrow (RunningSystem: overdue 3 s after the end)
        Instant ended = Instant.now();
        String loopId = recruiting.openLoop("Vo Thi K", List.of(prompt, late, notYet),
                List.of(ended, ended, ended.plus(Duration.ofDays(1))));
        recruiting.submit(loopId, prompt, Map.of("CONTAINERIZATION", 4, "ORCHESTRATION", 4, "CI_CD", 4, "ML_TOOLS", 4), "YES");

        try (Browser browser = Browser.open("en-US")) {
            // the calibration dashboard: the loop list names exactly the interviewer who is late, as reminder 1 arrives
            browser.signIn(system.calibrations().baseUrl(), system.tokens().mint("harry-manager", "hiring-manager"));
            By note = By.cssSelector("[data-loop-id='" + loopId + "'] .overdue-note");
            browser.wait.until(ExpectedConditions.attributeToBe(note, "data-overdue", late));
            assertThat(browser.driver.findElement(note).getText()).isEqualTo("overdue: " + late);

            browser.driver.findElement(By.cssSelector("[data-loop-id='" + loopId + "']")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-pending"), notYet));
            List<WebElement> pending = browser.driver.findElements(By.cssSelector("#d-pending li"));
            assertThat(pending).extracting(WebElement::getText).containsExactlyInAnyOrder(late + " · overdue", notYet);
            assertThat(browser.driver.findElements(By.cssSelector("#d-pending li.overdue[data-overdue='true']")))
                    .extracting(WebElement::getText).containsExactly(late + " · overdue");
            browser.screenshot("calibration-overdue");

            // the interviewer's page, as the late interviewer sees it: their loop, and the panel with who is overdue
            browser.signIn(system.scorecards().baseUrl(), system.tokens().mint(late, "interviewer"));
            WebElement mine = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#loops [data-loop-id='" + loopId + "']")));
            assertThat(mine.findElement(By.cssSelector(".badge.overdue")).getText()).startsWith("overdue");
            mine.click();
            browser.wait.until(ExpectedConditions.attributeToBe(By.id("loop"), "data-loop-id", loopId));
            browser.driver.findElement(By.cssSelector(".panel-box summary")).click();
            WebElement lateSeat = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#l-panel tr[data-interviewer='" + late + "']")));
            assertThat(lateSeat.getAttribute("data-overdue")).isEqualTo("true");
            assertThat(lateSeat.findElement(By.cssSelector(".badge.overdue")).getText()).isEqualTo("overdue · 1 reminder");
            WebElement promptSeat = browser.driver.findElement(By.cssSelector("#l-panel tr[data-interviewer='" + prompt + "']"));
            assertThat(promptSeat.getAttribute("data-overdue")).isEqualTo("false");
            assertThat(promptSeat.findElements(By.cssSelector(".badge.overdue"))).isEmpty();
            assertThat(promptSeat.getText()).contains("submitted (version 1)");
            WebElement laterSeat = browser.driver.findElement(By.cssSelector("#l-panel tr[data-interviewer='" + notYet + "']"));
            assertThat(laterSeat.getAttribute("data-overdue")).isEqualTo("false");
            assertThat(laterSeat.getText()).contains("to do");
            browser.screenshot("interviewer-overdue");
        }
    }

    /** A complete loop: alice's deep dive as given, bob 4 in system design, monitoring and problem solving, carol's communication. */
    private static String decided(String candidate, String level, Map<String, Integer> alice, int communication,
                                  String carolsRecommendation) {
        String loopId = recruiting.openLoop(candidate, level);
        recruiting.submit(loopId, "alice", alice, "YES");
        recruiting.submit(loopId, "bob", Map.of("SYSTEM_DESIGN", 4, "MONITORING", 4, "PROBLEM_SOLVING", 4), "YES");
        recruiting.submit(loopId, "carol", Map.of("COMMUNICATION", communication), carolsRecommendation);
        return loopId;
    }

    /** MID, every area scored: the lenient one gives problem solving 5 where the harsh one gives 3 (area 4, HIRE). */
    private static void decideWithADisagreementOnProblemSolving(String lenient, String harsh, String third) {
        String loopId = recruiting.openLoop("Calibration candidate", "MID", lenient, harsh, third);
        recruiting.submit(loopId, lenient, Map.of("CONTAINERIZATION", 4, "ORCHESTRATION", 4, "CI_CD", 4, "ML_TOOLS", 4,
                "MONITORING", 4, "PROBLEM_SOLVING", 5), "YES");
        recruiting.submit(loopId, harsh, Map.of("SYSTEM_DESIGN", 4, "PROBLEM_SOLVING", 3), "NO");
        recruiting.submit(loopId, third, Map.of("COMMUNICATION", 4), "YES");
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
