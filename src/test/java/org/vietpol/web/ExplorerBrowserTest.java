package org.vietpol.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
 * query, untrusted text shown as text; posts over time (the timeline of a post with its changes and evidence, a
 * person's career, the holders "as of" a day) and the interface in Vietnamese and English. Needs Debian's chromium
 * and chromium-driver; skipped without them.
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
        // The language chosen is kept in localStorage: each test starts from the default, Vietnamese.
        if (js("return localStorage.getItem('vietpol.lang');") != null) {
            js("localStorage.clear();");
            driver.get(seeds.url());
        }
        waitFor("the first view", () -> Boolean.TRUE.equals(js("return document.body.classList.contains('ready')")));
        watchProblems();
    }

    /** Collected from here on: blocked content or script errors would mean something slipped through. */
    private static void watchProblems() {
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

    // --- posts over time (issue 14): the seeds plus the three Quảng Ninh articles, A then B as Bí thư

    static final String A = SeedServer.A, B = SeedServer.B;
    static final String SECRETARY_POST = "https://w3id.org/vietpol/id/post/secretary/quang-ninh/party-committee";

    @Test
    void thePostTimelineShowsAThenBWithTheChangesAndTheEvidenceOnHover() throws Exception {
        assertEquals(List.of(), seeds.report.skipped(), "every article loaded");
        openQuangNinh();
        // From the place's details, as a user would: its posts over time.
        driver.findElement(By.id("open-posts")).click();
        waitFor("the posts tab", () -> driver.findElement(By.id("tab-posts")).isDisplayed());
        By row = By.cssSelector(".post-row[data-post='" + SECRETARY_POST + "']");
        waitFor("the row of the Bí thư Tỉnh ủy Quảng Ninh post", () -> !driver.findElements(row).isEmpty()
                && driver.findElement(row).findElements(By.cssSelector(".bar")).size() == 2);
        WebElement post = driver.findElement(row);
        assertTrue(post.getText().contains("Bí thư") && post.getText().contains("Tỉnh ủy Quảng Ninh"), post.getText());

        // A's bar, then B's: A's ends where B's begins; B's is still going on.
        WebElement barA = bar(A), barB = bar(B);
        assertTrue(barA.getText().contains(A) && barB.getText().contains(B));
        assertTrue(barA.getRect().getX() < barB.getRect().getX(), "A before B");
        int endOfA = barA.getRect().getX() + barA.getRect().getWidth();
        assertTrue(Math.abs(endOfA - barB.getRect().getX()) <= 2, "B takes over when A leaves: " + endOfA + " " + barB.getRect());
        assertTrue(barB.getAttribute("class").contains("ongoing"), "B's tenure goes on");
        assertTrue(!barA.getAttribute("class").contains("ongoing") && barA.getRect().getWidth() > 50, barA.getRect().toString());
        assertTrue(barB.findElement(By.cssSelector(".open-end")).isDisplayed(), "an open end marker on B's bar");
        assertTrue(barA.findElements(By.cssSelector(".open-end")).isEmpty(), "none on A's");

        // The changes as marks: A elected and retiring, B elected.
        assertEquals("được bầu", mark(post, "start", A).getText());
        assertEquals("nghỉ hưu", mark(post, "end", A).getText());
        assertEquals("được bầu", mark(post, "start", B).getText());
        assertEquals("Elected", mark(post, "start", B).getAttribute("data-kind"));

        // Hovering A's bar shows the sentences of both ends.
        new Actions(driver).moveToElement(barA).perform();
        WebElement tip = driver.findElement(By.id("posts-tip"));
        waitFor("the evidence of A's election and retirement", () -> tip.isDisplayed()
                && tip.getText().contains("Nguyễn Văn An được bầu giữ chức Bí thư Tỉnh ủy Quảng Ninh")
                && tip.getText().contains("Nguyễn Văn An, Bí thư Tỉnh ủy Quảng Ninh, nghỉ hưu theo chế độ"));
        assertTrue(tip.getText().contains("2020-10-15 – 2024-03-20"), tip.getText());
        assertTrue(tip.getText().contains(B), "the successor named: " + tip.getText());
        assertTrue(tip.findElements(By.cssSelector("blockquote.sentence")).size() == 2, tip.getText());
        Path png = screenshotDir().resolve("screenshots/posts-timeline.png");
        Files.createDirectories(png.getParent());
        Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertNonTrivial(png);
        // Hovering a change mark shows its own sentence.
        new Actions(driver).moveToElement(mark(post, "start", B)).perform();
        waitFor("the sentence of B's election", () -> tip.isDisplayed()
                && tip.getText().contains("Hội nghị đã bầu đồng chí Trần Minh Bình, Phó Bí thư Tỉnh ủy, giữ chức Bí thư Tỉnh ủy Quảng Ninh"));
        new Actions(driver).moveToElement(driver.findElement(By.cssSelector("#tab-posts h2"))).perform();
        waitFor("the tip gone", () -> !tip.isDisplayed());

        // A click on A's bar: his career below.
        barA.click();
        waitFor("A's career", () -> driver.findElements(By.cssSelector("#posts-career .career-table tbody tr")).stream()
                .anyMatch(tr -> tr.getText().contains("2020-10-15 – 2024-03-20") && tr.getText().contains("Bí thư")));
        assertNoProblems();
    }

    @Test
    void theCareerOfAListsHisTenureInTheDetails() {
        search(A);
        waitFor("his details", () -> detailsTitle().equals(A));
        waitFor("his career", () -> !driver.findElements(By.cssSelector("#details section.career tbody tr")).isEmpty());
        List<WebElement> tenures = driver.findElements(By.cssSelector("#details section.career tbody tr"));
        assertEquals(1, tenures.size(), "one tenure");
        String text = tenures.get(0).getText();
        for (String part : List.of("2020-10-15 – 2024-03-20", "Bí thư", "Tỉnh ủy Quảng Ninh", "Quảng Ninh", "được bầu", "nghỉ hưu", B))
            assertTrue(text.contains(part), part + " in " + text);
        assertTrue(driver.findElement(By.cssSelector("#details section.career h3")).getText().equals("Quá trình công tác"));
        assertNoProblems();
    }

    @Test
    void asOfADayTheNetworkAndTheLeadershipShowTheHoldersOfThatDay() {
        openQuangNinh();
        waitFor("A and B both, with no day set", () -> leaders().containsAll(List.of(A, B)) && visibleNodes().containsAll(List.of(A, B)));

        typeDate("as-of", "2023-01-01");
        waitFor("A, not B, on 2023-01-01", () -> leadershipOn("2023-01-01") && leaders().contains(A) && !leaders().contains(B)
                && visibleNodes().contains(A) && !visibleNodes().contains(B));
        assertTrue(driver.findElement(By.cssSelector("#details section.leadership h3")).getText().contains("2023-01-01"));
        assertTrue(driver.findElement(By.id("status")).getText().contains("2023-01-01"));

        typeDate("as-of", "2024-12-31");
        waitFor("B, not A, on 2024-12-31", () -> leadershipOn("2024-12-31") && leaders().contains(B) && !leaders().contains(A)
                && visibleNodes().contains(B) && !visibleNodes().contains(A));
        // The edge kept is B's as Bí thư of the Tỉnh ủy.
        assertEquals(Boolean.TRUE, js("return window.explorer.cy.edges(':visible').some(e => e.source().data('label') === arguments[0]"
                + " && e.target().data('label') === 'Tỉnh ủy Quảng Ninh' && e.data('label') === 'Bí thư');", B));

        driver.findElement(By.id("as-of-clear")).click();
        waitFor("everyone again", () -> leadershipOn("") && leaders().containsAll(List.of(A, B))
                && visibleNodes().containsAll(List.of(A, B)));
        assertEquals("", driver.findElement(By.id("as-of")).getAttribute("value"));
        assertNoProblems();
    }

    @Test
    void englishChangesTheInterfaceAndTheRoleNamesAndIsKept() throws IOException {
        openQuangNinh();
        WebElement networkTab = driver.findElement(By.cssSelector("[role=tab][data-tab=network]"));
        assertEquals("Mạng lưới", networkTab.getText());
        assertEquals("vi", js("return document.documentElement.lang;"));

        driver.findElement(By.cssSelector("[data-lang=en]")).click();
        waitFor("the tabs in English", () -> networkTab.getText().equals("Network"));
        assertEquals("en", js("return document.documentElement.lang;"));
        assertEquals("en", js("return localStorage.getItem('vietpol.lang');"));
        assertEquals("Posts over time", driver.findElement(By.cssSelector("[role=tab][data-tab=posts]")).getText());
        assertTrue(driver.findElement(By.id("search")).getAttribute("placeholder").startsWith("Find a person"));
        assertEquals("true", driver.findElement(By.cssSelector("[data-lang=en]")).getAttribute("aria-pressed"));
        // Role names from the ontology's English labels: in the leadership panel, on the network's edges, in the filters.
        waitFor("the leadership in English", () -> driver.findElement(By.cssSelector("#details section.leadership h3")).getText().equals("Leadership")
                && roleLabels().contains("Secretary") && !roleLabels().contains("Bí thư"));
        waitFor("the edges in English", () -> Boolean.TRUE.equals(js(
                "return window.explorer.cy.edges().some(e => e.data('label') === 'Secretary')"
                + " && !window.explorer.cy.edges().some(e => e.data('label') === 'Bí thư');")));
        assertTrue(new Select(driver.findElement(By.id("filter-role"))).getOptions().stream().anyMatch(o -> o.getText().equals("Secretary")));

        // Kept across a reload; the timeline's rows, change kinds and career in English too.
        driver.navigate().refresh();
        waitFor("the page again", () -> Boolean.TRUE.equals(js("return document.body.classList.contains('ready')")));
        watchProblems();
        assertEquals("en", js("return document.documentElement.lang;"));
        assertEquals("Network", driver.findElement(By.cssSelector("[role=tab][data-tab=network]")).getText());
        openQuangNinh();
        driver.findElement(By.id("open-posts")).click();
        By row = By.cssSelector(".post-row[data-post='" + SECRETARY_POST + "']");
        waitFor("the Secretary's row in English", () -> !driver.findElements(row).isEmpty()
                && driver.findElement(row).findElement(By.cssSelector(".post-head .role")).getText().equals("Secretary")
                && driver.findElement(row).findElements(By.cssSelector(".mark")).stream().anyMatch(m -> m.getText().equals("retired")));

        Path png = screenshotDir().resolve("screenshots/posts-timeline-en.png");
        Files.createDirectories(png.getParent());
        Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertNonTrivial(png);

        // And back.
        driver.findElement(By.cssSelector("[data-lang=vi]")).click();
        waitFor("Vietnamese again", () -> driver.findElement(By.cssSelector("[role=tab][data-tab=posts]")).getText().equals("Chức vụ theo thời gian")
                && driver.findElement(row).findElement(By.cssSelector(".post-head .role")).getText().equals("Bí thư"));
        assertEquals("vi", js("return document.documentElement.lang;"));
        assertEquals("vi", js("return localStorage.getItem('vietpol.lang');"));
        assertNoProblems();
    }

    /** The place's network and details, from the place picker. */
    private static void openQuangNinh() {
        new Select(driver.findElement(By.id("place-pick"))).selectByVisibleText("Quảng Ninh");
        waitFor("the place's details", () -> detailsTitle().equals("Quảng Ninh")
                && !driver.findElements(By.cssSelector("#details section.leadership")).isEmpty());
        waitFor("the network to settle", () -> "0".equals(js("return document.body.dataset.busy;")));
    }

    private static WebElement bar(String person) {
        return driver.findElement(By.cssSelector(".post-row[data-post='" + SECRETARY_POST + "'] .bar[data-person='" + person + "']"));
    }

    private static WebElement mark(WebElement row, String end, String person) {
        return row.findElement(By.cssSelector(".mark." + end + "[data-person='" + person + "']"));
    }

    /** The people in the leadership panel. */
    private static List<String> leaders() {
        return driver.findElements(By.cssSelector("#details section.leadership button.entity.person")).stream()
                .map(WebElement::getText).toList();
    }

    private static List<String> roleLabels() {
        return driver.findElements(By.cssSelector("#details section.leadership .role")).stream().map(WebElement::getText).toList();
    }

    private static boolean leadershipOn(String day) {
        List<WebElement> s = driver.findElements(By.cssSelector("#details section.leadership"));
        return !s.isEmpty() && day.equals(s.get(0).getAttribute("data-as-of")) && "0".equals(js("return document.body.dataset.busy;"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> visibleNodes() {
        return (List<String>) js("return window.explorer.cy.nodes(':visible').map(n => n.data('label'));");
    }

    /**
     * Types a day into a date field as a user would. The field orders day, month and year as the browser's locale
     * does, so a first day typed tells which order it is: 01, 02, 2003 read as 1 February or as 2 January.
     */
    private static void typeDate(String id, String isoDay) {
        WebElement input = driver.findElement(By.id(id));
        js("arguments[0].focus();", input);
        input.sendKeys(Keys.LEFT, Keys.LEFT, Keys.LEFT, "01022003");
        String probe = input.getAttribute("value");
        boolean dayFirst = probe.equals("2003-02-01");
        assertTrue(dayFirst || probe.equals("2003-01-02"), "a day typed into the field: " + probe);
        String[] p = isoDay.split("-");
        // Back to the first part of the field, then the day in its order.
        input.sendKeys(Keys.LEFT, Keys.LEFT, Keys.LEFT, dayFirst ? p[2] + p[1] + p[0] : p[1] + p[2] + p[0]);
        waitFor("the day typed: " + isoDay, () -> isoDay.equals(input.getAttribute("value")));
    }

    /** A screenshot with something drawn in it: many colours, and the bars' blue. */
    private static void assertNonTrivial(Path png) throws IOException {
        assertTrue(Files.size(png) > 10_000, png + " " + Files.size(png));
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        boolean bars = false;
        for (int y = 0; y < image.getHeight(); y += 2)
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                bars |= rgb == 0x2463b4;
            }
        assertTrue(colours.size() > 50, png + ": " + colours.size() + " colours");
        assertTrue(bars, png + ": the bars' colour");
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
