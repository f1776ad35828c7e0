package org.vietpol.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vietpol.testing.InstalledTool;

/**
 * The explorer in a real headless Chromium: search, the network, a click on a node, its source sentence, a named
 * query, and untrusted text shown as text. Needs Debian's chromium and chromium-driver; skipped without them.
 */
class ExplorerBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String DINH = "Phan Thiên Định";
    static final String THANH_UY_HUE = "Thành ủy Huế";

    @TempDir
    static Path tmp;

    static SeedServer seeds;
    static ChromeDriverService service;
    static WebDriver driver;

    @BeforeAll
    static void start() throws IOException {
        InstalledTool.require(CHROMIUM, "Chromium");
        InstalledTool.require(CHROMEDRIVER, "chromium-driver");
        seeds = SeedServer.start(tmp);
        // The driver and browser are given explicitly, so Selenium never looks for (or downloads) either.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1440,900", "--lang=vi",
                "--user-data-dir=" + tmp.resolve("chromium-profile"));
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null)
            driver.quit();
        if (service != null)
            service.stop();
        if (seeds != null)
            seeds.close();
    }

    @BeforeEach
    void openThePage() {
        driver.get(seeds.url());
        waitFor("the first view", () -> Boolean.TRUE.equals(js("return document.body.classList.contains('ready')")));
        // Collected from here on: blocked content or script errors would mean something slipped through.
        js("window.__problems = [];"
                + "document.addEventListener('securitypolicyviolation', e => window.__problems.push('csp ' + e.violatedDirective + ' ' + e.blockedURI));"
                + "window.addEventListener('error', e => window.__problems.push('error ' + e.message));");
    }

    @Test
    void searchShowsTheNetworkClicksShowSourcesAndNamedQueriesRun() throws Exception {
        // Search, with the diacritics typed; pick the hit.
        search(DINH);
        waitFor("his node joined to " + THANH_UY_HUE, () -> Boolean.TRUE.equals(js(
                "const cy = window.explorer.cy;"
                + "const p = cy.nodes().filter(n => n.data('label') === arguments[0]);"
                + "return p.length === 1 && p.connectedEdges().connectedNodes().some(n => n.data('label') === arguments[1]);",
                DINH, THANH_UY_HUE)));
        assertEquals("Bí thư", js("const cy = window.explorer.cy;"
                + "const e = cy.edges().filter(e => e.source().data('label') === arguments[0] && e.target().data('label') === arguments[1]);"
                + "return e.length ? e[0].data('label') : null;", DINH, THANH_UY_HUE), "edge labelled by the role");

        // Real clicks on the canvas: first the body, then him.
        clickNode(THANH_UY_HUE);
        waitFor("details of " + THANH_UY_HUE, () -> detailsTitle().equals(THANH_UY_HUE));
        // A double-click expands a node: the body's other leaders join the network.
        doubleClickNode(THANH_UY_HUE);
        waitFor("the body's other members", () -> Boolean.TRUE.equals(js(
                "return window.explorer.cy.nodes().some(n => n.data('label') === 'Trần Hùng Nam');")));
        clickNode(DINH);
        waitFor("details of " + DINH, () -> detailsTitle().equals(DINH));
        waitFor("a source sentence naming him", () -> driver.findElements(By.cssSelector("#details blockquote.sentence"))
                .stream().anyMatch(b -> b.getText().contains(DINH)));
        waitFor("a link to the article", () -> driver.findElement(By.cssSelector("#details .source a.article"))
                .getAttribute("href").startsWith("http"));
        waitFor("his posts over time", () -> driver.findElement(By.id("details")).getText().contains("Chức vụ theo thời gian"));

        // A named query from the query panel, its parameter as a form field.
        driver.findElement(By.cssSelector("[role=tab][data-tab=queries]")).click();
        waitFor("the named queries", () -> !driver.findElements(By.cssSelector("#query-name option[value=city-leadership]")).isEmpty());
        new Select(driver.findElement(By.id("query-name"))).selectByValue("city-leadership");
        WebElement city = driver.findElement(By.id("param-city"));
        city.sendKeys("Huế");
        driver.findElement(By.id("run-named")).click();
        waitFor("a result row", () -> driver.findElements(By.cssSelector("#query-results table.results tbody tr"))
                .stream().anyMatch(tr -> tr.getText().contains(DINH) && tr.getText().contains("Bí thư")));
        String shown = driver.findElement(By.id("sparql")).getAttribute("value");
        assertTrue(shown.contains("\"Huế\""), "the bound query is shown: " + shown);
        // Edited by hand, it goes straight to the endpoint.
        js("document.getElementById('sparql').value = arguments[0];",
                "SELECT (COUNT(*) AS ?persons) WHERE { ?p a <https://w3id.org/vietpol/ontology#Person> }");
        driver.findElement(By.id("run-sparql")).click();
        waitFor("the edited query's answer", () -> driver.findElements(By.cssSelector("#query-results table.results th"))
                .stream().anyMatch(th -> th.getText().equals("persons")));

        // The Huế leadership network, for the record.
        driver.findElement(By.cssSelector("[role=tab][data-tab=network]")).click();
        new Select(driver.findElement(By.id("place-pick"))).selectByVisibleText("Huế");
        waitFor("the Huế leadership network", () -> Boolean.TRUE.equals(js(
                "const labels = window.explorer.cy.nodes(':visible').map(n => n.data('label'));"
                + "return ['Thành ủy Huế', 'HĐND thành phố Huế', 'Phan Thiên Định', 'Trần Hùng Nam'].every(l => labels.includes(l))"
                + " && document.body.dataset.busy === '0';")));
        waitFor("the place's details", () -> detailsTitle().equals("Huế"));
        Path png = screenshotDir().resolve("explorer.png");
        Files.createDirectories(png.getParent());
        Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(png) > 10_000, png.toString());

        // Filters hide what does not match: only the Secretary's edges stay.
        new Select(driver.findElement(By.id("filter-role"))).selectByVisibleText("Bí thư");
        waitFor("only the Secretary's edges", () -> Boolean.TRUE.equals(js(
                "const shown = window.explorer.cy.edges(':visible');"
                + "return shown.length > 0 && shown.every(e => e.data('label') === 'Bí thư');")));
        assertEquals(List.of(DINH, THANH_UY_HUE), js("return window.explorer.cy.nodes(':visible').map(n => n.data('label')).sort();"));
        driver.findElement(By.id("filter-clear")).click();
        waitFor("everything back", () -> Boolean.TRUE.equals(js("return window.explorer.cy.elements('.hidden').length === 0;")));

        assertNoProblems();
        // Everything the page loaded came from this server: it works offline.
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name);");
        assertTrue(loaded.stream().anyMatch(u -> u.contains("/webjars/cytoscape/")), loaded.toString());
        for (String u : loaded)
            assertTrue(u.startsWith(seeds.url()), u);
    }

    @Test
    void searchIgnoresDiacriticsAndCase() {
        search("nguyen van nen");
        waitFor("his node", () -> Boolean.TRUE.equals(js(
                "return window.explorer.cy.nodes().some(n => n.data('label') === 'Nguyễn Văn Nên' && n.hasClass('focus'));")));
        waitFor("his details", () -> detailsTitle().equals("Nguyễn Văn Nên"));
    }

    @Test
    void untrustedTextIsShownAsText() {
        search("nguyen van quang");
        waitFor("his details", () -> detailsTitle().equals(SeedServer.HOSTILE_PERSON));
        waitFor("the sentence with markup, as text", () -> driver.findElements(By.cssSelector("#details blockquote.sentence"))
                .stream().anyMatch(b -> b.getText().contains(SeedServer.MARKUP)));
        waitFor("the article title, as text",
                () -> driver.findElement(By.id("details")).getText().contains("Thành ủy Đà Nẵng " + SeedServer.MARKUP));

        // The same title in a query result table.
        driver.findElement(By.cssSelector("[role=tab][data-tab=queries]")).click();
        waitFor("the named queries", () -> !driver.findElements(By.cssSelector("#query-name option[value=articles-naming-person]")).isEmpty());
        new Select(driver.findElement(By.id("query-name"))).selectByValue("articles-naming-person");
        driver.findElement(By.id("param-name")).sendKeys(SeedServer.HOSTILE_PERSON);
        driver.findElement(By.id("run-named")).click();
        waitFor("the title in the table", () -> driver.findElements(By.cssSelector("#query-results td"))
                .stream().anyMatch(td -> td.getText().contains(SeedServer.MARKUP)));

        assertEquals(0L, js("return document.querySelectorAll('img, iframe, object, embed, [onerror], [onload]').length;"));
        assertEquals(1L, js("return document.scripts.length;"), "only the page's own module script");
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
        assertNoProblems();
    }

    // --- helpers

    private static void search(String text) {
        WebElement box = driver.findElement(By.id("search"));
        box.clear();
        box.sendKeys(text);
        waitFor("a search hit for " + text, () -> !driver.findElements(By.cssSelector("#search-results li.hit")).isEmpty());
        waitFor("a click on the first hit", () -> {
            driver.findElements(By.cssSelector("#search-results li.hit")).get(0).click();
            return true;
        });
    }

    /** Clicks a node where the canvas draws it, as a user would. */
    private static void clickNode(String label) {
        waitFor("the network to settle", () -> "0".equals(js("return document.body.dataset.busy;")));
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) js(
                "const n = window.explorer.cy.nodes().filter(n => n.data('label') === arguments[0])[0];"
                + "const p = n.renderedPosition(); const r = document.getElementById('cy').getBoundingClientRect();"
                + "return {x: p.x, y: p.y, w: r.width, h: r.height};", label);
        double x = num(at.get("x")) - num(at.get("w")) / 2, y = num(at.get("y")) - num(at.get("h")) / 2;
        WebElement canvas = driver.findElement(By.id("cy"));
        new Actions(driver).moveToElement(canvas, (int) Math.round(x), (int) Math.round(y)).click().perform();
    }

    private static void doubleClickNode(String label) {
        waitFor("the network to settle", () -> "0".equals(js("return document.body.dataset.busy;")));
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) js(
                "const n = window.explorer.cy.nodes().filter(n => n.data('label') === arguments[0])[0];"
                + "const p = n.renderedPosition(); const r = document.getElementById('cy').getBoundingClientRect();"
                + "return {x: p.x, y: p.y, w: r.width, h: r.height};", label);
        double x = num(at.get("x")) - num(at.get("w")) / 2, y = num(at.get("y")) - num(at.get("h")) / 2;
        WebElement canvas = driver.findElement(By.id("cy"));
        new Actions(driver).moveToElement(canvas, (int) Math.round(x), (int) Math.round(y)).doubleClick().perform();
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static String detailsTitle() {
        List<WebElement> h = driver.findElements(By.id("details-title"));
        return h.isEmpty() ? "" : h.get(0).getText();
    }

    private static void assertNoProblems() {
        assertEquals(List.of(), js("return window.__problems;"));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
        // The page re-renders its panels as data arrives; an element read mid-render is read again.
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    /** The build's output folder (target/), found from where the test classes are. */
    private static Path screenshotDir() {
        try {
            Path classes = Path.of(ExplorerBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (classes.getFileName().toString().equals("test-classes") && classes.getParent() != null)
                return classes.getParent();
        } catch (URISyntaxException | RuntimeException e) {
            // fall through
        }
        return Path.of("target");
    }
}
