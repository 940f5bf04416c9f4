package io.debrief.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.debrief.testsupport.DebriefSystem;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The interviewer's page of scorecard-service in a real headless Chromium against the running system. */
class InterviewerPageBrowserIT {

    private static final List<String> DEEP_DIVE_FOCUS = List.of("CONTAINERIZATION", "ORCHESTRATION", "CI_CD", "ML_TOOLS",
            "MONITORING", "PROBLEM_SOLVING");

    private static final DebriefSystem system = RunningSystem.get();
    private static final Recruiting recruiting = new Recruiting(system.scorecards(), system.tokens());

    @Test
    void interviewerSubmitsThroughTheFormSeesTheServersViolationBesideItsFieldAndAmends() {
        String loopId = recruiting.openLoop("Pham Thi D", "MID");
        recruiting.submit(loopId, "bob", Map.of("SYSTEM_DESIGN", 4, "MONITORING", 3), "YES");
        try (Browser browser = Browser.open("en-US")) {
            browser.signInThroughTheForm(system.scorecards().baseUrl(), system.tokens().mint("alice", "interviewer"));

            WebElement mine = browser.wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#loops [data-loop-id='" + loopId + "']")));
            assertThat(mine.getAttribute("data-pending")).isEqualTo("true");
            mine.click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#focus-areas details[data-area='CONTAINERIZATION'] input[value='4']")));

            // the stage's focus areas first and open, the others collapsed; the rubric beside each area
            assertThat(areas(browser, "#focus-areas")).containsExactlyElementsOf(DEEP_DIVE_FOCUS);
            assertThat(areas(browser, "#other-areas")).containsExactly("SYSTEM_DESIGN", "COMMUNICATION");
            assertThat(browser.driver.findElement(By.cssSelector("#other-areas details[data-area='COMMUNICATION']"))
                    .getAttribute("open")).isNull();
            assertThat(browser.driver.findElements(By.cssSelector("#focus-areas details[data-area='CONTAINERIZATION'] .rubric li")))
                    .isNotEmpty();
            assertThat(browser.driver.findElements(By.cssSelector("#focus-areas details[data-area='CONTAINERIZATION'] .meaning")))
                    .hasSize(5);
            assertThat(browser.driver.findElements(By.cssSelector("#red-flags .flag-kind")))
                    .extracting(kind -> kind.getAttribute("data-kind")).containsExactly("technical", "behavioural");
            // blind feedback: bob has submitted, alice has not, so his scorecard is not on her page
            assertThat(browser.driver.findElement(By.id("others-hidden")).isDisplayed()).isTrue();
            assertThat(browser.driver.findElements(By.cssSelector("#others-list [data-interviewer='bob']"))).isEmpty();

            score(browser, "CONTAINERIZATION", 4);
            score(browser, "CI_CD", 3);
            submit(browser);
            // the client's own check: a recommendation is required, and nothing was sent
            WebElement recommendationError = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("err-recommendation")));
            assertThat(recommendationError.getText()).isEqualTo("Choose a recommendation.");
            assertThat(latestStatus(loopId, "alice")).isEqualTo(404);

            browser.driver.findElement(By.cssSelector("input[name='recommendation'][value='YES']")).click();
            // a value the page has no rule for and the server refuses: its violation appears beside the evidence field
            browser.script("document.getElementById('evidence-CONTAINERIZATION').value = 'multi-stage builds\\u0000';");
            submit(browser);
            WebElement evidenceError = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("err-evidence-CONTAINERIZATION")));
            assertThat(evidenceError.getText()).contains("NUL");
            assertThat(evidenceError.getAttribute("data-violated")).isEqualTo("evidence[CONTAINERIZATION]");
            assertThat(browser.driver.findElement(By.id("evidence-CONTAINERIZATION")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.driver.findElement(By.id("err-recommendation")).isDisplayed()).isFalse();
            assertThat(latestStatus(loopId, "alice")).isEqualTo(404);

            WebElement evidence = browser.driver.findElement(By.id("evidence-CONTAINERIZATION"));
            evidence.clear();
            evidence.sendKeys("Explained multi-stage builds and a non-root user");
            submit(browser);
            browser.wait.until(ExpectedConditions.textToBe(By.id("form-done"), "Version 1 submitted."));

            // amending shows and starts from my latest version
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("amending"), "version 1"));
            assertThat(browser.driver.findElement(By.cssSelector("input[name='score-CONTAINERIZATION'][value='4']")).isSelected()).isTrue();
            assertThat(browser.driver.findElement(By.id("evidence-CONTAINERIZATION")).getAttribute("value"))
                    .isEqualTo("Explained multi-stage builds and a non-root user");
            assertThat(browser.driver.findElement(By.id("submit-scorecard")).getText()).isEqualTo("Submit version 2");
            // mine is in: the panel's scorecards appear
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#others-list [data-interviewer='bob']")));
            assertThat(browser.driver.findElements(By.cssSelector("#others-list [data-interviewer='alice']"))).isEmpty();
            browser.screenshotFrom("loop", "interviewer-form", 1800);

            score(browser, "CONTAINERIZATION", 5);
            submit(browser);
            browser.wait.until(ExpectedConditions.textToBe(By.id("form-done"), "Version 2 submitted."));
            JsonPath latest = latest(loopId, "alice");
            assertThat(latest.getInt("version")).isEqualTo(2);
            assertThat(latest.getMap("scores")).isEqualTo(Map.of("CONTAINERIZATION", 5, "CI_CD", 3));
            assertThat(latest.getString("evidence.CONTAINERIZATION")).isEqualTo("Explained multi-stage builds and a non-root user");
            assertThat(latest.getString("recommendation")).isEqualTo("YES");
        }
    }

    @Test
    void theFormAndItsRubricReadInVietnameseAndTheSwitchKeepsWhatWasTyped() {
        String loopId = recruiting.openLoop("Vo Thi E", "MID");
        try (Browser browser = Browser.open("vi-VN")) {
            browser.signIn(system.scorecards().baseUrl(), system.tokens().mint("carol", "interviewer"));
            browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Debrief — phỏng vấn"));
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#loops [data-loop-id='" + loopId + "']"))).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#focus-areas details[data-area='COMMUNICATION'] input[value='3']")));
            assertThat(areas(browser, "#focus-areas")).containsExactly("PROBLEM_SOLVING", "COMMUNICATION");
            assertThat(browser.driver.findElement(By.cssSelector("#focus-areas details[data-area='COMMUNICATION'] summary")).getText())
                    .contains("Giao tiếp");
            score(browser, "COMMUNICATION", 3);
            browser.driver.findElement(By.id("evidence-COMMUNICATION")).sendKeys("Giải thích rõ ràng");
            browser.screenshotFrom("loop", "interviewer-form-vi", 1800);

            // a phone's width: one column, nothing wider than the window
            browser.windowSize(390, 844);
            browser.wait.until(driver -> (Boolean) browser.script(
                    "return document.documentElement.scrollWidth <= window.innerWidth;"));
            browser.windowSize(1280, 1000);

            String vietnameseRubric = browser.driver.findElement(By.cssSelector("details[data-area='COMMUNICATION'] .rubric")).getText();
            new Select(browser.driver.findElement(By.id("lang"))).selectByValue("en");
            browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Debrief — interviews"));
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#focus-areas details[data-area='COMMUNICATION'] summary"), "Communication"));
            browser.wait.until(driver -> !driver.findElement(By.cssSelector("details[data-area='COMMUNICATION'] .rubric")).getText()
                    .equals(vietnameseRubric));
            assertThat(browser.driver.findElement(By.cssSelector("input[name='score-COMMUNICATION'][value='3']")).isSelected()).isTrue();
            assertThat(browser.driver.findElement(By.id("evidence-COMMUNICATION")).getAttribute("value")).isEqualTo("Giải thích rõ ràng");
        }
    }

    @Test
    void recruiterOpensALoopFromThePlanAndSeesTheCoverageWarningBeforeSubmitting() {
        try (Browser browser = Browser.open("en-US")) {
            browser.signIn(system.scorecards().baseUrl(), system.tokens().mint("rita-recruiter", "recruiter"));
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open-loop")));
            String candidateId = "cand-browser-" + System.nanoTime();
            browser.driver.findElement(By.id("o-candidate-id")).sendKeys(candidateId);
            browser.driver.findElement(By.id("o-candidate-name")).sendKeys("Hoang Van F");
            new Select(browser.driver.findElement(By.id("o-level"))).selectByValue("MID");
            List<WebElement> rows = browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#o-stages .stage-row"), 3));
            assertThat(rows).extracting(row -> row.getAttribute("data-stage"))
                    .containsExactly("TECHNICAL_DEEP_DIVE", "SYSTEM_DESIGN", "CULTURAL_FIT");
            rows.get(0).findElement(By.className("o-interviewer")).sendKeys("alice");
            rows.get(1).findElement(By.className("o-interviewer")).sendKeys("bob");
            // tomorrow 10:30 in the browser's own time zone (the field is a datetime-local): in the future on any day
            String end = (String) browser.script("const input = arguments[0]; const day = new Date(Date.now() + 86400000);"
                    + " const two = (n) => String(n).padStart(2, '0');"
                    + " input.value = `${day.getFullYear()}-${two(day.getMonth() + 1)}-${two(day.getDate())}T10:30`;"
                    + " input.dispatchEvent(new Event('input', {bubbles: true})); return new Date(input.value).toISOString();",
                    rows.get(0).findElement(By.className("o-end")));
            assertThat(java.time.Instant.parse(end)).isAfter(java.time.Instant.now());

            // the cultural fit is left unstaffed: nobody covers communication, and the page says so before submitting
            WebElement coverage = browser.driver.findElement(By.id("o-coverage"));
            browser.wait.until(ExpectedConditions.attributeToBe(coverage, "data-uncovered", "COMMUNICATION"));
            assertThat(coverage.getText()).contains("Communication");
            browser.screenshot("interviewer-open-loop");

            browser.driver.findElement(By.id("open-submit")).click();
            WebElement opened = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("opened")));
            String loopId = browser.wait.until(driver -> opened.getAttribute("data-loop-id"));
            assertThat(browser.driver.findElement(By.id("opened-coverage")).getAttribute("data-uncovered")).isEqualTo("COMMUNICATION");

            JsonPath loop = given().baseUri(system.scorecards().baseUrl()).header("Authorization", recruiting.recruiter())
                    .get("/api/loops/" + loopId).then().statusCode(200).extract().jsonPath();
            assertThat(loop.getString("candidate.id")).isEqualTo(candidateId);
            assertThat(loop.getList("panel.interviewerId")).containsExactly("alice", "bob");
            assertThat(loop.getList("panel.stage")).containsExactly("TECHNICAL_DEEP_DIVE", "SYSTEM_DESIGN");
            assertThat(java.time.Instant.parse(loop.getString("panel[0].scheduledEnd"))).isEqualTo(java.time.Instant.parse(end));
            assertThat(loop.getList("coverageWarnings")).containsExactly("COMMUNICATION");
        }
    }

    private static List<String> areas(Browser browser, String container) {
        return browser.driver.findElements(By.cssSelector(container + " details.area")).stream()
                .map(area -> area.getAttribute("data-area")).toList();
    }

    private static void score(Browser browser, String area, int score) {
        WebElement radio = browser.driver.findElement(By.cssSelector("input[name='score-" + area + "'][value='" + score + "']"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", radio);
        radio.click();
    }

    private static void submit(Browser browser) {
        WebElement button = browser.driver.findElement(By.id("submit-scorecard"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
        browser.wait.until(ExpectedConditions.elementToBeClickable(button)).click();
    }

    private static int latestStatus(String loopId, String interviewer) {
        return given().baseUri(system.scorecards().baseUrl()).header("Authorization", recruiting.recruiter())
                .get("/api/loops/" + loopId + "/scorecards/" + interviewer).statusCode();
    }

    private static JsonPath latest(String loopId, String interviewer) {
        return given().baseUri(system.scorecards().baseUrl()).header("Authorization", recruiting.recruiter())
                .get("/api/loops/" + loopId + "/scorecards/" + interviewer).then().statusCode(200).extract().jsonPath();
    }
}
