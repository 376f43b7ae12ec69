package vn.haiphong.dx.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driving Tasklist as a person does; every step can leave a screenshot in
 * {@code target/screenshots}. Chromium and ChromeDriver come from Debian ({@code .ci/run} installs them).
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";
    private static final Path SHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String base;
    private final String journey;
    private int step;

    Browser(int port, String journey) throws IOException {
        this(port, journey, 1280, 2400);
    }

    /**
     * A browser of the given window size. Its language is English, so that every Vietnamese text seen is the
     * application's choice and not the browser's; its clock is in Hải Phòng, like the users'.
     */
    Browser(int port, String journey, int width, int height) throws IOException {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=" + width + "," + height,
                "--lang=en-US", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        if (width < 500) {
            // A headless window is at least 500 px wide: a phone's screen is emulated instead.
            options.setExperimentalOption("mobileEmulation",
                    Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .withEnvironment(Map.of("TZ", "Asia/Ho_Chi_Minh")).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        // Generous: the first page load of a test run compiles nothing but serves the webapps' large bundles
        // while the machine (2 cores) may still be busy with other test contexts.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        this.base = "http://localhost:" + port;
        this.journey = journey;
        Files.createDirectories(SHOTS);
    }

    /**
     * Logs in to Tasklist. Under load the login form may still be rendering while keys are typed (keys for the
     * password then land in the user field), so the values are checked before submitting, and a login
     * that does not reach the task list is tried again once.
     */
    void login(String user, String password) {
        for (int attempt = 1; ; attempt++) {
            attemptLogin(user, password);
            try {
                new WebDriverWait(driver, Duration.ofSeconds(attempt == 1 ? 30 : 60))
                        .until(ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("Việc của tôi")));
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                try {
                    shot("login-failed-" + user + "-" + attempt);
                } catch (IOException ignored) {
                    // the timeout is what matters
                }
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    /** Fills in and submits the login form (the caller checks whether it got in). */
    void attemptLogin(String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/camunda/app/tasklist/default/");
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        WebElement secret = driver.findElement(By.cssSelector("input[ng-model=password]"));
        wait.until(d -> {
            name.clear();
            name.sendKeys(user);
            secret.clear();
            secret.sendKeys(password);
            return user.equals(name.getAttribute("value")) && password.equals(secret.getAttribute("value"));
        });
        driver.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /**
     * Waits for Tasklist's newest notification (an error or a success message at the top of the page) and returns
     * its text; closes the ones shown before, so that each call reads a new one.
     */
    String notification() {
        return wait.until(d -> {
            var alerts = driver.findElements(By.cssSelector(".notifications .alert"));
            String last = alerts.isEmpty() ? "" : alerts.get(alerts.size() - 1).getText();
            return last.isBlank() ? null : last;
        });
    }

    void clearNotifications() {
        for (WebElement close : driver.findElements(By.cssSelector(".notifications .alert button.close"))) {
            if (close.isDisplayed()) {
                close.click();
            }
        }
    }

    /** Opens the first task of the list whose name starts with the text, without claiming it. */
    void taskUnclaimed(String nameStart) {
        WebElement task = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//li[contains(@class,'task')]//h4//a[starts-with(normalize-space(.), '" + nameStart + "')]")));
        task.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    }

    /** Clicks a button or link by its visible text. */
    void click(String text) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space(.)='" + text + "'] | //a[normalize-space(.)='" + text + "']")));
        scroll(element);
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    /** Presses "Hoàn thành" when the server is expected to refuse: the form stays. */
    void submit() {
        WebElement button = driver.findElement(By.xpath("//button[normalize-space(.)='Hoàn thành']"));
        wait.until(d -> button.isEnabled());
        scroll(button);
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", button);
    }

    /** Presses the start form's start button when the server is expected to refuse. */
    void submitStart() {
        driver.findElement(By.cssSelector(".modal-footer button.btn-primary")).click();
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Waits until the open task is the one named and its Camunda Form is rendered. */
    void waitForForm(String taskName) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details h2, .task-details .names"), taskName));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form .fjs-form-field")));
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                shot("form-not-shown");
            } catch (IOException ignored) {
                // the timeout is what matters
            }
            throw new AssertionError("The form of «" + taskName + "» did not appear; the page said: " + text(), e);
        }
    }

    @Override
    public String toString() {
        return journey;
    }

    void filter(String name) {
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText(name))).click();
    }

    /** The names of the listed tasks, top to bottom, once the list shows at least the number asked for. */
    java.util.List<String> taskNames(int atLeast) {
        By names = By.xpath("//li[contains(@class,'task')]//h4//a");
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElements(names).size() >= atLeast);
        return wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(names).stream().map(name -> name.getText().trim()).toList());
    }

    /** Opens the first task of the list whose name starts with the text, and claims it if needed. */
    void task(String nameStart) {
        By link = By.xpath("//li[contains(@class,'task')]//h4//a[starts-with(normalize-space(.), '" + nameStart + "')]");
        // The list refreshes itself when new work arrives; a link it just replaced is looked up again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(link).click();
                    return true;
                });
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        for (WebElement claim : driver.findElements(By.xpath("//button[normalize-space(.)='Nhận việc'] | //a[normalize-space(.)='Nhận việc']"))) {
            if (claim.isDisplayed()) {
                claim.click();
                wait.until(ExpectedConditions.invisibilityOf(claim));
                break;
            }
        }
    }

    void type(String field, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id*=Field_" + field + "]")));
        scroll(input);
        input.clear();
        input.sendKeys(text);
        settle();
    }

    /**
     * form-js applies a field's value after a short debounce; a value typed into the next field within that
     * pause can be overwritten, so the browser waits as a person would.
     */
    private static void settle() {
        try {
            Thread.sleep(700);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void choose(String label) {
        WebElement option = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'fjs-form')]//label[normalize-space(.)='" + label + "']")));
        scroll(option);
        option.click();
        settle();
    }

    /** Chooses an option of a select field (form-js draws its own drop-down list). */
    void select(String field, String label) {
        WebElement box = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id*=Field_" + field + "]")));
        scroll(box);
        box.click();
        WebElement option = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + label + "']")));
        option.click();
        settle();
    }

    /** Chooses a file for a page's file field. */
    void attach(String field, java.nio.file.Path file) {
        driver.findElement(By.cssSelector("input[type=file][name=" + field + "]")).sendKeys(file.toAbsolutePath().toString());
    }

    void tick(String field) {
        WebElement box = driver.findElement(By.cssSelector("input[id*=Field_" + field + "]"));
        scroll(box);
        box.click();
    }

    void complete() {
        WebElement form = driver.findElement(By.cssSelector(".fjs-form"));
        WebElement button = driver.findElement(By.xpath("//button[normalize-space(.)='Hoàn thành']"));
        // form-js takes the typed values after a short pause, then Tasklist enables the button.
        wait.until(d -> button.isEnabled());
        scroll(button);
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", button);
        // Tasklist replaces the form once the server has accepted the completion.
        try {
            wait.until(ExpectedConditions.stalenessOf(form));
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                shot("complete-not-accepted");
            } catch (IOException ignored) {
                // the timeout is what matters
            }
            throw e;
        }
    }

    void startProcess(String name) {
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Khởi tạo quy trình"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText(name))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal .fjs-form")));
    }

    void confirmStart() {
        driver.findElement(By.cssSelector(".modal-footer button.btn-primary")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal")));
    }

    /** The value of a form field (text areas keep theirs out of the page text). */
    String value(String field) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id*=Field_" + field + "]"))).getAttribute("value");
    }

    /** The address of a link in the open form, e.g. a document download. */
    String link(String text) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'fjs-form')]//a[normalize-space(.)='" + text + "']"))).getAttribute("href");
    }

    /** The address of a link anywhere on the page. */
    String linkOnPage(String text) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[normalize-space(.)='" + text + "']")))
                .getAttribute("href");
    }

    /** Downloads an address with the browser's session; returns "status content-type bytes". */
    String download(String url) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                    .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' ' + b.byteLength)))
                    .catch(e => done('ERROR ' + e));""", url);
    }

    /** Runs a script in the page and returns its result. */
    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void waitForText(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    void shot(String name) throws IOException {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(String.format("%s-%02d-%s.png", journey, ++step, name)),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void scroll(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
