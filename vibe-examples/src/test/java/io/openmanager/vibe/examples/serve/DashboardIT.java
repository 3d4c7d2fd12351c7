package io.openmanager.vibe.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's headless Chromium, driven through its chromedriver by Selenium, opens {@code vibe serve}'s dashboard: 20
 * server cards, charts that change, an incident when the scenario fires, the Korean view, no console error, no request
 * beyond the server; a screenshot goes to {@code target/dashboard.png}.
 */
class DashboardIT {
    // Fires 2 simulated minutes in: at --speed 30, four seconds after the start.
    private static final String SCENARIO = "scenario db-outage {\n"
            + "  title \"Database outage (test)\"\n"
            + "  trigger at 2026-01-05T00:02:00Z\n"
            + "  duration 30m\n"
            + "  at 0s on db-primary-01 set cpu_usage 99\n"
            + "  at 0s on db-primary-01 set response_time 9000\n"
            + "  at 5s on web-server-01 set response_time 7000\n"
            + "}\n";

    @TempDir
    Path tmp;

    @Test
    void theDashboardShowsTheFleetLiveAndTheIncident() throws Exception {
        Path chromium = Tools.require("chromium", "chromium");
        Path chromedriver = Tools.require("chromedriver", "chromium-driver");
        Path scenarios = Files.writeString(tmp.resolve("outage.scenarios"), SCENARIO);
        try (VibeServe serve = new VibeServe(tmp, "--speed", "30", "--scenarios",
                scenarios.toString())) {
            ChromeDriver driver = chrome(chromium, chromedriver, tmp);
            try {
                String base = serve.base().toString();
                driver.get(base + "/");
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                wait.until(d -> d.findElements(By.cssSelector("#cards .card canvas")).size() == 20);
                assertThat(driver.findElements(By.cssSelector("#cards .card"))).hasSize(20);
                assertThat(driver.findElement(By.cssSelector(".card[data-server='db-primary-01'] .name")).getText())
                        .isEqualTo("db-primary-01");

                String chart = ".card[data-server='web-server-01'] canvas";
                String before = canvas(driver, chart);
                String clockBefore = driver.findElement(By.id("clock")).getText();
                wait.until(d -> !canvas(driver, chart).equals(before));
                assertThat(driver.findElement(By.id("clock")).getText()).isNotEqualTo(clockBefore);

                wait.until(d -> !d.findElements(By.cssSelector("#incidents li.incident")).isEmpty());
                WebElement incident = driver.findElement(By.cssSelector("#incidents li.incident"));
                assertThat(incident.getText()).contains("Database outage (test)").contains("db-primary-01");
                wait.until(d -> !d.findElements(By.cssSelector(".card.critical, .card.warning")).isEmpty());

                driver.findElement(By.id("lang-ko")).click();
                assertThat(driver.findElement(By.cssSelector("[data-i18n='title']")).getText())
                        .isEqualTo("Vibe 실시간 모니터링");
                driver.findElement(By.id("lang-en")).click();
                Thread.sleep(2_500); // one more redraw of the charts for the picture
                Path shot = Path.of("target", "dashboard.png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));

                List<String> errors = new ArrayList<>();
                for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                    if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                        errors.add(entry.getMessage());
                    }
                }
                assertThat(errors).as("console errors").isEmpty();
                // Chromium's own pages (chrome://, the new tab before the first navigation) never touch the network.
                List<String> network = new ArrayList<>();
                for (String url : requestedUrls(driver)) {
                    if (url.matches("(?i)(https?|wss?|ftp)://.*")) {
                        network.add(url);
                    }
                }
                assertThat(network).isNotEmpty().allMatch(url -> url.startsWith(base + "/"),
                        "a request to " + base + " itself");
            } finally {
                driver.quit();
            }
        }
    }

    private static String canvas(ChromeDriver driver, String selector) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "var c = document.querySelector(arguments[0]); return c ? c.toDataURL() : '';", selector);
    }

    /** Every URL the page asked for, from Chromium's network log. */
    private static List<String> requestedUrls(ChromeDriver driver) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = json.readTree(entry.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                urls.add(message.path("params").path("request").path("url").asText());
            }
        }
        return urls;
    }

    /**
     * Takes a picture of a running dashboard for the documentation: arguments base URL, PNG file, seconds to wait.
     * {@code docs/serve.md} names the command.
     */
    public static void main(String[] args) throws Exception {
        Path profile = Files.createTempDirectory("vibe-dashboard-chrome");
        ChromeDriver driver = chrome(Tools.require("chromium", "chromium"),
                Tools.require("chromedriver", "chromium-driver"), profile);
        try {
            driver.get(args[0]);
            Thread.sleep(Long.parseLong(args[2]) * 1000);
            Files.write(Path.of(args[1]), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }

    private static ChromeDriver chrome(Path chromium, Path chromedriver, Path profile) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // The flags this machine's Chromium needs (see the environment notes): no sandbox as root, no background
        // traffic to the outside, and a new empty profile.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1600,1200",
                "--user-data-dir=" + Files.createDirectories(profile.resolve("chrome-profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().withLogFile(profile.resolve("chromedriver.log").toFile()).build();
        return new ChromeDriver(service, options);
    }
}
