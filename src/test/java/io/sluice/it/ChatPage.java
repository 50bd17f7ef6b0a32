package io.sluice.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The core's chat page in a real headless Chromium, driven through chromium-driver (Debian's
 * {@code chromium} and {@code chromium-driver}, installed by {@code .ci/run}), as a user would use it.
 * Waits are WebDriverWaits on what the page shows, never sleeps.
 */
final class ChatPage implements AutoCloseable {

    /** Long enough for an SMS round trip through core, edge and emulator on a busy 2-core machine. */
    static final Duration WAIT = Duration.ofMinutes(3);
    // Debian's paths; overridable for machines that put them elsewhere.
    private static final String CHROMIUM = System.getProperty("sluice.it.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("sluice.it.chromedriver", "/usr/bin/chromedriver");

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String url;

    private ChatPage(WebDriver driver, String url) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
        // the page redraws lists (buddies, messages) as events arrive: an element found a moment ago
        // may be gone; looking again is the answer, not a failure
        this.wait.ignoring(StaleElementReferenceException.class);
        this.url = url;
    }

    /** Starts a browser on the core's page; nothing is logged in yet. */
    static ChatPage open(SluiceSites sites) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // As root (CI) Chromium needs --no-sandbox; /dev/shm is small in containers.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800");
        // Naming the driver binary keeps Selenium Manager from trying to download one (no internet here).
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChatPage page = new ChatPage(new ChromeDriver(service, options), "http://127.0.0.1:" + sites.coreHttpPort + "/");
        page.driver.get(page.url);
        return page;
    }

    void logIn(String user, String password) {
        WebElement login = visible(By.id("login-user"));
        login.clear();
        login.sendKeys(user);
        WebElement secret = driver.findElement(By.id("login-password"));
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.id("login-button")).click();
    }

    void awaitConnected() {
        wait.until(ExpectedConditions.attributeToBe(By.id("connection-state"), "data-state", "connected"));
    }

    String awaitLoginError() {
        return visible(By.id("login-error")).getText();
    }

    boolean chatViewShown() {
        return driver.findElement(By.id("chat-view")).isDisplayed();
    }

    /** Types a recipient and a text, and presses Send. */
    void sendTo(String to, String text) {
        typeRecipient(to);
        typeText(text);
        driver.findElement(By.id("send-button")).click();
    }

    void typeRecipient(String to) {
        WebElement field = driver.findElement(By.id("to"));
        field.clear();
        field.sendKeys(to);
    }

    void typeText(String text) {
        WebElement field = driver.findElement(By.id("text"));
        field.clear();
        field.sendKeys(text);
    }

    /** The SMS counter under the compose box: encoding, parts, units left (data attributes). */
    Map<String, String> smsCounter() {
        WebElement counter = visible(By.id("sms-length"));
        return Map.of("encoding", counter.getDomAttribute("data-encoding"),
                "parts", counter.getDomAttribute("data-parts"),
                "left", counter.getDomAttribute("data-left"),
                "text", counter.getText());
    }

    boolean smsCounterShown() {
        return driver.findElement(By.id("sms-length")).isDisplayed();
    }

    /** Waits until the outgoing message with this text shows the status; returns the message element. */
    WebElement awaitOutgoingStatus(String text, String status) {
        By message = outgoing(text);
        wait.withMessage(() -> "status " + status + " of '" + text + "'; it shows "
                        + driver.findElements(message).stream().map(m -> m.getDomAttribute("data-status")).toList())
                .until(d -> d.findElements(message).stream().anyMatch(m -> status.equals(m.getDomAttribute("data-status"))));
        return driver.findElement(message);
    }

    /** The ticks shown beside an outgoing message. */
    int ticksOf(WebElement message) {
        return Integer.parseInt(message.findElement(By.className("ticks")).getDomAttribute("data-ticks"));
    }

    String statusTextOf(WebElement message) {
        return message.findElement(By.className("status")).getText();
    }

    WebElement awaitIncoming(String from, String text) {
        By message = By.xpath("//li[contains(@class,'msg-in') and @data-peer=" + xpathLiteral(from)
                + "][.//p[@class='text' and normalize-space(.)=" + xpathLiteral(text) + "]]");
        return wait.withMessage(() -> "a message from " + from + ": " + text)
                .until(ExpectedConditions.presenceOfElementLocated(message));
    }

    /** The unread badge of a conversation in the list; 0 when it is hidden. */
    int unreadOf(String peer) {
        WebElement badge = conversationItem(peer).findElement(By.className("unread"));
        return badge.getDomAttribute("hidden") != null ? 0 : Integer.parseInt(badge.getText().trim());
    }

    void awaitUnread(String peer, int count) {
        wait.withMessage(() -> "unread count " + count + " for " + peer)
                .until(d -> !d.findElements(conversationSelector(peer)).isEmpty() && unreadOf(peer) == count);
    }

    void openConversation(String peer) {
        conversationItem(peer).click();
    }

    /** Adds a buddy with the buddy form, which is enabled once the presence feed has answered. */
    void addBuddy(String buddy) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.id("buddy-name")));
        field.sendKeys(buddy);
        driver.findElement(By.id("buddy-add")).click();
    }

    void removeBuddy(String buddy) {
        driver.findElement(buddySelector(buddy)).findElement(By.className("buddy-remove")).click();
    }

    /** Waits until the buddy list shows this presence (online, sms, offline) for the buddy. */
    void awaitBuddyPresence(String buddy, String presence) {
        wait.withMessage(() -> buddy + " shown " + presence + " in the buddy list")
                .until(ExpectedConditions.attributeToBe(buddySelector(buddy), "data-presence", presence));
    }

    void awaitNoBuddy(String buddy) {
        wait.until(ExpectedConditions.numberOfElementsToBe(buddySelector(buddy), 0));
    }

    private static By buddySelector(String buddy) {
        return By.cssSelector("#buddies li.buddy[data-buddy=\"" + buddy + "\"]");
    }

    String title() {
        return driver.getTitle();
    }

    /**
     * Records every state the connection indicator shows from now on: a reconnect after a drop may
     * pass through 'reconnecting' faster than any poll would see it.
     */
    void recordConnectionStates() {
        ((JavascriptExecutor) driver).executeScript("""
                const indicator = document.getElementById('connection-state');
                window.recordedStates = [];
                new MutationObserver(() => window.recordedStates.push(indicator.dataset.state))
                    .observe(indicator, { attributes: true, attributeFilter: ['data-state'] });
                """);
    }

    /** Waits until the recorded states include all of these, in this order. */
    void awaitRecordedStates(List<String> states) {
        wait.withMessage(() -> "connection states " + states + "; recorded " + recordedStates())
                .until(d -> containsInOrder(recordedStates(), states));
    }

    @SuppressWarnings("unchecked")
    List<String> recordedStates() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("return window.recordedStates || [];");
    }

    void saveScreenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
    }

    private WebElement conversationItem(String peer) {
        return driver.findElement(conversationSelector(peer));
    }

    private static By conversationSelector(String peer) {
        return By.cssSelector("#conversations button.conversation-item[data-peer=\"" + peer + "\"]");
    }

    private static By outgoing(String text) {
        return By.xpath("//li[contains(@class,'msg-out')][.//p[@class='text' and normalize-space(.)="
                + xpathLiteral(text) + "]]");
    }

    private WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static boolean containsInOrder(List<String> seen, List<String> wanted) {
        int next = 0;
        for (String state : seen) {
            if (next < wanted.size() && wanted.get(next).equals(state)) {
                next++;
            }
        }
        return next == wanted.size();
    }

    /** Test texts contain no double quotes; anything else would need concat() in XPath 1.0. */
    private static String xpathLiteral(String text) {
        if (text.contains("\"")) {
            throw new IllegalArgumentException("keep double quotes out of test texts: " + text);
        }
        return "\"" + text + "\"";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
