package org.ketaminepk.cli.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.protocol.Protocols;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer in a real browser: Debian's headless {@code chromium} driven by its {@code chromedriver} through
 * Selenium, one browser for the class. Skipped, loudly, when the browser is not installed; a failure instead when the
 * environment says {@code CI=true} ({@code .ci/run} installs both).
 */
class ExplorerBrowserTest {
    private static final Path CHROMIUM = onPath("explorer.chromium", "chromium");
    private static final Path CHROMEDRIVER = onPath("explorer.chromedriver", "chromedriver");
    private static final Path OUT = Path.of("target", "explorer");

    private static ExplorerServer server;
    private static WebDriver driver;
    private static JavascriptExecutor js;

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "explorer browser tests SKIPPED: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing "
                    + "(apt-get install chromium chromium-driver; .ci/run does this)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " — not allowed when CI=true");
            }
            System.err.println("\n*** " + why + " ***\n");
            Assumptions.abort(why);
        }
        server = ExplorerServer.start("127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1500,1100", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        js = (JavascriptExecutor) driver;
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    /** @return the program named by the system property, else the first {@code name} on the PATH, else /usr/bin/name */
    private static Path onPath(String property, String name) {
        String given = System.getProperty(property);
        if (given != null) {
            return Path.of(given);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name);
            }
        }
        return Path.of("/usr/bin", name);
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens the page on a scenario and waits for the first drawing. */
    private static void open(String hash) {
        driver.get("about:blank");
        driver.get(server.uri() + "#" + hash);
        waiting().until(d -> Boolean.TRUE.equals(js.executeScript(
                "return !!(window.explorer && explorer.plot && explorer.current && explorer.timings.length > 0)")));
    }

    /** @return the ketamine Cmax in the metrics table (read in one script: the table is rebuilt on every answer) */
    private static double shownCmax(String series) {
        Object v = js.executeScript("const c = document.querySelector('td[data-series=' + arguments[0] + ']"
                + "[data-analyte=ketamine][data-metric=cmax]'); return c ? c.dataset.value : null;", series);
        return v == null ? Double.NaN : Double.parseDouble((String) v);
    }

    private static double shownCmax() {
        return shownCmax("current");
    }

    private static double libraryCmax(double weightKg) {
        return Simulation.run(Models.get("racemic-composite"), Patient.standardAdult().withWeightKg(weightKg),
                Protocols.get("crps-schwartzman-2009").regimen(), TimeGrid.uniform(244, 1.0 / 60)).profile()
                .series(Analyte.KETAMINE).cmaxNgPerMl();
    }

    @Test
    void changingTheWeightRedrawsTableAndCurveWithTheLibrarysValues() throws IOException {
        open("protocol=crps-schwartzman-2009");
        assertEquals(libraryCmax(70), shownCmax(), 1e-9);
        WebElement weight = driver.findElement(By.id("weight-num"));
        weight.clear();
        weight.sendKeys("90");
        double expected = libraryCmax(90);
        waiting().until(d -> Math.abs(shownCmax() - expected) < 1e-9);
        Number drawnPeak = (Number) js.executeScript("const y = explorer.plot.data[1].filter(v => v !== null);"
                + "return Math.max.apply(null, y);");
        assertEquals(expected, drawnPeak.doubleValue(), expected * 1e-5, "the drawn ketamine peak");
        assertTrue(driver.getCurrentUrl().contains("weight=90"), driver.getCurrentUrl());
        Files.write(OUT.resolve("explorer-page.png"), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** A course too dense to draw cycle by cycle is drawn as each curve's peaks and troughs, and the page says so. */
    @Test
    void aDenseCourseIsDrawnAsPeaksAndTroughs() {
        open("dose=" + "oral%2050%20mg%20every%208%20h%20x480&step=5min");
        waiting().until(d -> !Double.isNaN(shownCmax()));
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) js.executeScript(
                "return explorer.plot.series.slice(1).map(s => s.label);");
        assertEquals(List.of("ketamine peaks", "norketamine peaks", "ketamine troughs", "norketamine troughs"),
                labels);
        assertTrue(driver.findElement(By.id("band-note")).getText().contains("too close together to draw one by one"),
                driver.findElement(By.id("band-note")).getText());
        Number drawnPeak = (Number) js.executeScript("const y = explorer.plot.data[1].filter(v => v !== null);"
                + "return Math.max.apply(null, y);");
        assertEquals(shownCmax(), drawnPeak.doubleValue(), shownCmax() * 1e-3, "the drawn ketamine peaks");
    }

    /** The effect panel of a dense course, like the concentration panel, draws peaks and troughs and says why. */
    @Test
    void aDenseCoursesEffectIsDrawnAsPeaksAndTroughs() throws IOException {
        open("dose=" + "oral%2050%20mg%20every%208%20h%20x480&step=5min&endpoint=olofsen-2022-antinociception");
        WebElement panel = driver.findElement(By.id("effect-panel"));
        waiting().until(d -> panel.isDisplayed() && shownEffect("peak-effect") != null);
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) js.executeScript(
                "return explorer.effectPlot.series.slice(1).map(s => s.label);");
        assertEquals(2, labels.size(), labels.toString());
        assertTrue(labels.get(0).endsWith(" peaks") && labels.get(1).endsWith(" troughs"), labels.toString());
        Boolean below = (Boolean) js.executeScript("const d = explorer.effectPlot.data;"
                + "return d[2].length === d[1].length && d[2].every((v, i) => v <= d[1][i]);");
        assertTrue(below, "the troughs line stays at or below the peaks line");
        Number drawnPeak = (Number) js.executeScript("return Math.max.apply(null, explorer.effectPlot.data[1]);");
        double peak = Double.parseDouble(shownEffect("peak-effect"));
        assertEquals(peak, drawnPeak.doubleValue(), peak * 1e-3, "the drawn effect peaks");
        WebElement note = driver.findElement(By.id("effect-dense-note"));
        assertTrue(note.isDisplayed() && note.getText().contains("too close together to draw one by one"),
                note.getText());
        @SuppressWarnings("unchecked")
        List<String> chart = (List<String>) js.executeScript("return explorer.plot.series.map(s => s.label);");
        assertTrue(chart.contains("ketamine effect site peaks") && chart.contains("ketamine effect site troughs"),
                chart.toString());
        Files.write(OUT.resolve("explorer-dense-effect.png"),
                ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));

        open("protocol=crps-schwartzman-2009&endpoint=olofsen-2022-antinociception");
        waiting().until(d -> d.findElement(By.id("effect-panel")).isDisplayed() && shownEffect("peak-effect") != null);
        assertEquals(2, ((Number) js.executeScript("return explorer.effectPlot.series.length")).intValue());
        assertTrue(!driver.findElement(By.id("effect-dense-note")).isDisplayed());
    }

    @Test
    void aBadDoseShowsTheCommandLinesErrorBesideTheBox() {
        open("dose=" + "bolus%2020%20mg");
        new Select(driver.findElement(By.id("protocol"))).selectByValue("");
        WebElement dose = driver.findElement(By.id("dose"));
        dose.clear();
        dose.sendKeys("0.5 mg/kg ovr 40 min");
        WebElement error = driver.findElement(By.id("dose-error"));
        waiting().until(d -> error.isDisplayed() && error.getText().contains("column 11"));
        assertTrue(error.getText().startsWith("dose \"0.5 mg/kg ovr 40 min\", column 11 ('ovr'): unknown word"),
                error.getText());
        assertTrue(dose.getAttribute("class").contains("invalid"));
    }

    /**
     * A field in error is marked for a screen reader as well as in red: aria-invalid, and the error's text as its
     * description, so that moving to the field reads what is wrong with it; both go when the field is put right.
     */
    @Test
    void aFieldInErrorIsInvalidAndDescribedByItsErrorForAssistiveTechnology() {
        open("protocol=crps-schwartzman-2009");
        WebElement duration = driver.findElement(By.id("duration"));
        duration.sendKeys("3 fortnights");
        WebElement error = driver.findElement(By.id("view-error"));
        waiting().until(d -> error.isDisplayed());
        assertEquals("true", duration.getAttribute("aria-invalid"));
        assertEquals("view-error", duration.getAttribute("aria-describedby"));
        assertEquals(error.getText(), js.executeScript("const e = document.getElementById('duration');"
                + "return document.getElementById(e.getAttribute('aria-describedby')).textContent;"));
        duration.clear();
        duration.sendKeys("2d");
        waiting().until(d -> !error.isDisplayed());
        assertEquals(null, duration.getAttribute("aria-invalid"));
        assertEquals(null, duration.getAttribute("aria-describedby"));
    }

    /** A refused weight marks the box it was typed in, not the slider beside it (which stops at its end). */
    @Test
    void aRefusedWeightMarksTheBoxItWasTypedIn() {
        open("protocol=crps-schwartzman-2009");
        WebElement weight = driver.findElement(By.id("weight-num"));
        weight.clear();
        weight.sendKeys("400");
        WebElement error = driver.findElement(By.id("patient-error"));
        waiting().until(d -> error.isDisplayed() && error.getText().contains("weight must be between"));
        assertTrue(weight.getAttribute("class").contains("invalid"), weight.getAttribute("class"));
        assertEquals("true", weight.getAttribute("aria-invalid"));
        assertFalse(driver.findElement(By.id("weight")).getAttribute("class").contains("invalid"));
    }

    /**
     * A child's weight and height must be given (the adult defaults are refused under 18 years); a 16-year-old who
     * weighs 70 kg, the number the box shows, can be given by typing it: a value the user set is sent even when it
     * equals the default.
     */
    @Test
    void aChildsWeightEqualToTheDefaultCanBeGiven() {
        driver.get("about:blank");
        driver.get(server.uri() + "#protocol=crps-schwartzman-2009&age=16&height=170");
        WebElement error = driver.findElement(By.id("patient-error"));
        waiting().until(d -> error.isDisplayed() && error.getText().startsWith("weight is needed"));
        WebElement weight = driver.findElement(By.id("weight-num"));
        assertEquals("70", weight.getAttribute("value"));
        weight.clear();
        weight.sendKeys("70");
        double expected = Simulation.run(Models.get("racemic-composite"), Patient.standardAdult().withAgeYears(16)
                .withWeightKg(70).withHeightCm(170), Protocols.get("crps-schwartzman-2009").regimen(),
                TimeGrid.uniform(244, 1.0 / 60)).profile().series(Analyte.KETAMINE).cmaxNgPerMl();
        waiting().until(d -> Math.abs(shownCmax() - expected) < 1e-9);
        assertFalse(error.isDisplayed());
        assertTrue(driver.getCurrentUrl().contains("weight=70"), driver.getCurrentUrl());
    }

    /**
     * Every warning of the run can be read on the page (the command line's "all are in --json" means nothing here):
     * two of a kind are listed, and the rest of that kind behind a line that opens to show them.
     */
    @Test
    void everyWarningCanBeReadOnThePage() throws Exception {
        open("dose=" + "bolus%2020%20mg");
        // every warning, as the JSON export (the command line's --json) writes them
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                driver.findElement(By.id("export-json")).getAttribute("href"))).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> expected = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("series").path(0).path("warnings")
                .forEach(w -> expected.add(w.path("message").asText()));
        assertTrue(expected.size() > 3, expected.toString());
        WebElement list = driver.findElement(By.id("warnings"));
        assertFalse(list.getText().contains("--json"), list.getText());
        @SuppressWarnings("unchecked")
        List<String> listed = (List<String>) js.executeScript("return [...document.querySelectorAll('#warnings li')]"
                + ".filter(li => !li.querySelector('li')).map(li => li.textContent);");
        assertTrue(listed.containsAll(expected), listed + " against " + expected);
        WebElement more = driver.findElement(By.cssSelector("#warnings details summary"));
        assertTrue(more.getText().matches("and \\d+ more of the same kind \\(assumption\\)"), more.getText());
        more.click();
        assertTrue(list.getText().contains(expected.get(expected.size() - 1)), list.getText());
    }

    /**
     * After a refused change the picture still shown is the last scenario that could be drawn: all of it is dimmed,
     * the effect panel and the pump schedule as well as the concentration chart and the tables.
     */
    @Test
    void aRefusedChangeDimsEveryPanelOfTheOldPicture() {
        for (String scenario : new String[] {"dose=" + "0.5%20mg%2Fkg%20over%2040%20min&endpoint="
            + "olofsen-2022-antinociception", "target=" + "150%20ng%2FmL%20for%202%20h"}) {
            open(scenario);
            String panel = scenario.startsWith("target") ? "schedule-panel" : "effect-panel";
            assertTrue(driver.findElement(By.id(panel)).isDisplayed(), panel);
            WebElement duration = driver.findElement(By.id("duration"));
            duration.clear();
            duration.sendKeys("3 fortnights");
            waiting().until(d -> driver.findElement(By.id("view-error")).isDisplayed());
            for (String id : new String[] {"chart", panel}) {
                double opacity = Double.parseDouble((String) js.executeScript(
                        "return getComputedStyle(document.getElementById(arguments[0])).opacity", id));
                assertTrue(opacity < 0.6, id + " dimmed: opacity " + opacity);
            }
        }
    }

    /**
     * With virtual patients the effect panel draws their median and their middle 50 % and 90 % around the typical
     * patient's curve, and its legend says how many patients, whose variability, and that ke0 is assumed not to vary.
     * Where no variability reaches the endpoint's driver (the default model's ketamine) one line says the bands have
     * no width, and none is drawn.
     */
    @Test
    void theEffectPanelOfAPopulationDrawsItsBands() throws IOException {
        open("dose=" + "0.5%20mg%2Fkg%20over%2040%20min&model=otto-2021&endpoint=olofsen-2022-antinociception"
                + "&population=50");
        WebElement legend = driver.findElement(By.id("effect-bands-legend"));
        waiting().until(d -> legend.isDisplayed() && legend.getText().contains("50 virtual patients"));
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) js.executeScript(
                "return explorer.effectPlot.series.slice(1).map(s => s.label);");
        assertEquals(List.of("typical patient", "median of 50 virtual patients"), labels);
        String text = legend.getText();
        for (String part : new String[] {"middle 50 %", "middle 90 %", "median of 50 virtual patients like this one "
            + "(seed 2026; variability: V1, CL, Vn, CLn published by Otto et al. 2021)", "Assumption: the effect "
            + "site's ke0 is the typical patient's for every virtual patient: no between-patient variability of it "
            + "is drawn."}) {
            assertTrue(text.contains(part), part + " in: " + text);
        }
        // the bands drawn hold the median and spread around it
        Boolean ordered = (Boolean) js.executeScript("const b = explorer.effectBands;"
                + "return b.t.length > 100 && b.t.every((t, i) => b.lo90[i] <= b.lo50[i] && b.lo50[i] <= b.hi50[i]"
                + " && b.hi50[i] <= b.hi90[i]) && b.t.some((t, i) => b.hi90[i] - b.lo90[i] > 0.02);");
        assertTrue(ordered, "5th <= 25th <= 75th <= 95th percentile, and a band with width");
        Number medianPoints = (Number) js.executeScript("return explorer.effectPlot.data[2].filter(v => v != null)"
                + ".length");
        assertEquals(((Number) js.executeScript("return explorer.current.effect.population.time_h.length"))
                .intValue(), medianPoints.intValue());
        assertEquals("Olofsen 2022, antinociception (pressure pain threshold) in healthy volunteers — the typical "
                + "patient and 50 virtual patients", driver.findElement(By.id("effect-title")).getText());
        String note = driver.findElement(By.id("effect-note")).getText();
        assertTrue(note.startsWith("The metrics are the typical patient's.") && !note.contains("ketamine-pk simulate"),
                note);
        Files.write(OUT.resolve("explorer-population-effect.png"),
                ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));

        open("protocol=crps-schwartzman-2009&endpoint=olofsen-2022-antinociception&population=50");
        WebElement flat = driver.findElement(By.id("effect-bands-legend"));
        waiting().until(d -> flat.isDisplayed() && flat.getText().startsWith("Ketamine: no between-patient "
                + "variability reaches it"));
        assertTrue(flat.getText().endsWith("so every virtual patient has the same ketamine curve and the same "
                + "effect: the bands have no width."), flat.getText());
        assertEquals(2, ((Number) js.executeScript("return explorer.effectPlot.series.length")).intValue());
        assertTrue((Boolean) js.executeScript("return explorer.effectBands === null"));
        assertTrue(driver.findElement(By.id("effect-note")).getText().contains("Assumption: the effect site's ke0"));

        open("protocol=crps-schwartzman-2009&endpoint=olofsen-2022-antinociception");
        waiting().until(d -> d.findElement(By.id("effect-note")).getText().startsWith("Effect site:"));
        assertFalse(driver.findElement(By.id("effect-bands-legend")).isDisplayed());
        assertFalse(driver.findElement(By.id("effect-title")).getText().contains("virtual patients"));
    }

    /** A pinned dense course is drawn as its peaks and its troughs, as the current one, not as its peaks alone. */
    @Test
    void aPinnedDenseCourseKeepsItsPeaksAndTroughs() {
        open("dose=" + "oral%2050%20mg%20every%208%20h%20x480&step=5min&weight=55");
        waiting().until(d -> !Double.isNaN(shownCmax()));
        driver.findElement(By.id("pin")).click();
        WebElement weight = driver.findElement(By.id("weight-num"));
        weight.clear();
        weight.sendKeys("110");
        waiting().until(d -> !Double.isNaN(shownCmax("pinned")) && Math.abs(shownCmax() - shownCmax("pinned")) > 1);
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) js.executeScript(
                "return explorer.plot.series.slice(1).map(s => s.label);");
        assertTrue(labels.containsAll(List.of("pinned ketamine peaks", "pinned norketamine peaks",
                "pinned ketamine troughs", "pinned norketamine troughs")), labels.toString());
        int peaks = labels.indexOf("pinned ketamine peaks") + 1;
        int troughs = labels.indexOf("pinned ketamine troughs") + 1;
        // where both lines have a point (the pinned course's times joined with the current one's leave gaps)
        Boolean below = (Boolean) js.executeScript("const d = explorer.plot.data, p = arguments[0], t = arguments[1];"
                + "const both = d[t].map((v, i) => [v, d[p][i]]).filter(([v, w]) => typeof v === 'number'"
                + " && typeof w === 'number');"
                + "return both.length > 100 && both.every(([v, w]) => v <= w);", peaks, troughs);
        assertTrue(below, "the pinned troughs stay at or below the pinned peaks");
    }

    @Test
    void aSharedAddressOpensTheSamePictureWithThePinnedCurve() {
        open("protocol=crps-schwartzman-2009&weight=55");
        driver.findElement(By.id("pin")).click();
        WebElement weight = driver.findElement(By.id("weight-num"));
        weight.clear();
        weight.sendKeys("110");
        double expected = libraryCmax(110);
        waiting().until(d -> Math.abs(shownCmax() - expected) < 1e-9);
        String shared = driver.getCurrentUrl();
        assertTrue(shared.contains("pin.weight=55"), shared);

        open(shared.substring(shared.indexOf('#') + 1));
        waiting().until(d -> !Double.isNaN(shownCmax("pinned")));
        assertEquals("110", driver.findElement(By.id("weight-num")).getAttribute("value"));
        assertEquals(expected, shownCmax(), 1e-9);
        assertEquals(libraryCmax(55), shownCmax("pinned"), 1e-9);
    }

    /**
     * A shared link pasted into a tab that already shows the explorer changes only the part after #, which reloads
     * nothing: the page still draws the scenario of that link, with its pinned curve, and drops a pin the link lacks.
     */
    @Test
    void aLinkOpenedInATabThatShowsTheExplorerDrawsItsScenario() {
        open("protocol=crps-schwartzman-2009&weight=55");
        driver.findElement(By.id("pin")).click();
        driver.get(server.uri() + "#protocol=crps-schwartzman-2009&weight=90&pinned=1&pin.protocol=crps-schwartzman-2009"
                + "&pin.weight=110");
        double expected = libraryCmax(90);
        waiting().until(d -> Math.abs(shownCmax() - expected) < 1e-9
                && Math.abs(shownCmax("pinned") - libraryCmax(110)) < 1e-9);
        assertEquals("90", driver.findElement(By.id("weight-num")).getAttribute("value"));
        assertEquals("90", driver.findElement(By.id("weight")).getAttribute("value"));

        driver.get(server.uri() + "#protocol=crps-schwartzman-2009&weight=60");
        waiting().until(d -> Math.abs(shownCmax() - libraryCmax(60)) < 1e-9 && Double.isNaN(shownCmax("pinned")));
        assertFalse(driver.findElement(By.id("unpin")).isEnabled());
        assertFalse(driver.getCurrentUrl().contains("pinned"), driver.getCurrentUrl());
    }

    @Test
    void exportsThePictureAsPngThroughTheCommandLinesCharts() throws Exception {
        open("protocol=crps-schwartzman-2009&weight=80");
        String href = driver.findElement(By.id("export-png")).getAttribute("href");
        HttpResponse<byte[]> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(1600, ImageIO.read(new ByteArrayInputStream(r.body())).getWidth());
        Files.write(OUT.resolve("explorer-export.png"), r.body());
    }

    /** A 19-digit seed, as --seed takes it, stays exact in the form, in the answer and on the page. */
    @Test
    void aNineteenDigitSeedTravelsExactly() {
        String seed = "9223372036854775807";
        open("dose=" + "0.5%20mg%2Fkg%20over%2040%20min&model=otto-2021&population=50&seed=" + seed);
        assertEquals(seed, js.executeScript("return document.getElementById('seed').value"));
        assertEquals(seed, js.executeScript("return String(explorer.current.population.seed)"));
        WebElement note = driver.findElement(By.id("band-note"));
        assertTrue(note.getText().contains("(seed " + seed + ")"), note.getText());
    }

    /** With a population, a regimen's exports leave it out and say so: the server refuses it there. */
    @Test
    void aRegimensExportsSayTheyHoldTheTypicalPatientOnly() throws Exception {
        open("dose=" + "0.5%20mg%2Fkg%20over%2040%20min&model=otto-2021&population=50&seed=3");
        WebElement note = driver.findElement(By.id("export-note"));
        waiting().until(d -> note.isDisplayed());
        String href = driver.findElement(By.id("export-csv")).getAttribute("href");
        assertTrue(!href.contains("population") && !href.contains("seed"), href);
        HttpResponse<byte[]> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        new Select(driver.findElement(By.id("population"))).selectByValue("");
        waiting().until(d -> !note.isDisplayed());
    }

    /**
     * An address whose endpoint the page's list does not hold as written: the list used to go blank and the curve was
     * drawn without the effect, without a word. The value is now sent as written: a short name the command line
     * takes ("antinociception") gives the effect panel, an unknown one the server's one-line error beside the list.
     */
    @Test
    void aListValueFromTheAddressThatTheListLacksIsSentNotDropped() {
        open("dose=" + "bolus%2010%20mg&endpoint=antinociception");
        WebElement panel = driver.findElement(By.id("effect-panel"));
        waiting().until(d -> panel.isDisplayed());
        assertEquals("antinociception", js.executeScript("return document.getElementById('endpoint').value"));
        // refused: nothing is drawn, so not open(), which waits for a drawing
        driver.get("about:blank");
        driver.get(server.uri() + "#dose=bolus%2010%20mg&endpoint=no-such-endpoint");
        WebElement error = driver.findElement(By.id("effect-error"));
        waiting().until(d -> error.isDisplayed());
        assertTrue(error.getText().contains("no-such-endpoint"), error.getText());
    }

    /**
     * An address whose first scenario is refused (virtual patients on a model without published variability) left the
     * heading at "Loading…" for ever, with the reason only beside the population list, far down the form. The heading
     * now says nothing is drawn and why.
     */
    @Test
    void aRefusedFirstScenarioSaysNothingIsDrawnAndWhy() {
        driver.get("about:blank");
        driver.get(server.uri() + "#dose=bolus%2010%20mg&model=kamp-2020&population=100");
        WebElement error = driver.findElement(By.id("population-error"));
        waiting().until(d -> error.isDisplayed());
        String title = driver.findElement(By.id("title")).getText();
        String subtitle = driver.findElement(By.id("subtitle")).getText();
        assertEquals("Nothing to draw", title);
        assertTrue(subtitle.startsWith("The field marked in red has an error: population: model kamp-2020 publishes "
                + "no between-patient variability"), subtitle);
    }

    /**
     * A curve pinned in target mode, then a regimen: the regimen's export links leave the pinned pump schedule out
     * (the server knows no pinned target: its files are compare's), say so, and the file comes.
     */
    @Test
    void aPinnedTargetIsLeftOutOfARegimensExportsAndTheyComeAndSaySo() throws Exception {
        open("dose=" + "bolus%2020%20mg&model=otto-2021&pinned=1&pin.target=150%20ng%2FmL%20for%202%20h"
                + "&pin.model=otto-2021");
        waiting().until(d -> Boolean.TRUE.equals(js.executeScript("return !!explorer.pinned")));
        WebElement note = driver.findElement(By.id("export-pin-target-note"));
        waiting().until(d -> note.isDisplayed());
        String href = driver.findElement(By.id("export-csv")).getAttribute("href");
        assertFalse(href.contains("pin."), href);
        HttpResponse<byte[]> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), () -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(driver.findElement(By.id("export-pin-note")).isDisplayed());
    }

    /**
     * A pinned curve with another step: the export links leave the pinned step out (the server refuses it, as compare
     * writes both series on one grid), the page says both are on this window and step, and the file comes.
     */
    @Test
    void aPinnedCurvesExportsTakeThisScenariosGridAndSaySo() throws Exception {
        open("dose=" + "bolus%2020%20mg&step=5min");
        driver.findElement(By.id("pin")).click();
        WebElement note = driver.findElement(By.id("export-pin-note"));
        assertFalse(note.isDisplayed(), "the same step: nothing to say");
        new Select(driver.findElement(By.id("step"))).selectByValue("15min");
        waiting().until(d -> note.isDisplayed());
        String href = driver.findElement(By.id("export-csv")).getAttribute("href");
        assertTrue(href.contains("pin.dose=") && !href.contains("pin.step") && href.contains("&step=15min"), href);
        HttpResponse<byte[]> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), () -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(2 * 97 + 1, new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).lines().count(),
                "both series every 15 min over 24 h");
        driver.findElement(By.id("unpin")).click();
        waiting().until(d -> !note.isDisplayed());
    }

    @Test
    void choosingAnEndpointShowsTheEffectPanelWithTheLibrarysValues() throws IOException {
        open("dose=" + "0.5%20mg%2Fkg%20over%2040%20min&model=domino-1984");
        assertTrue(!driver.findElement(By.id("effect-panel")).isDisplayed());
        new Select(driver.findElement(By.id("endpoint"))).selectByValue("navarrete-2025-ani");
        WebElement panel = driver.findElement(By.id("effect-panel"));
        waiting().until(d -> panel.isDisplayed() && shownEffect("peak-effect") != null);
        Scenario s = Scenario.parse(java.util.Map.of("dose", List.of("0.5 mg/kg over 40 min"), "model",
                List.of("domino-1984")), "", 0);
        org.ketaminepk.effect.EffectMetrics m = org.ketaminepk.effect.EffectSimulation.run(
                org.ketaminepk.effect.Endpoints.get("navarrete-2025-ani"), s.model(), s.patient(), s.regimen(),
                s.grid(), org.ketaminepk.effect.EffectSimulation.Options.DEFAULT).metrics();
        assertEquals(m.peakEffect(), Double.parseDouble(shownEffect("peak-effect")), 0);
        assertEquals(m.peakTimeH(), Double.parseDouble(shownEffect("peak-time")), 0);
        assertEquals(m.peakEffectSiteNgPerMl(), Double.parseDouble(shownEffect("peak-effect-site")), 0);
        Object labels = js.executeScript("return explorer.plot.series.map(x => x.label)");
        assertTrue(labels.toString().contains("ketamine effect site"), labels.toString());
        Number effectPoints = (Number) js.executeScript("return explorer.effectPlot.data[1].length");
        assertEquals(((Number) js.executeScript("return explorer.plot.data[0].length")).intValue(),
                effectPoints.intValue());
        assertTrue(driver.getCurrentUrl().contains("endpoint=navarrete-2025-ani"), driver.getCurrentUrl());
        Files.write(OUT.resolve("explorer-effect.png"), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));

        new Select(driver.findElement(By.id("endpoint"))).selectByValue("");
        waiting().until(d -> !panel.isDisplayed());
    }

    private static String shownEffect(String metric) {
        return (String) js.executeScript("const c = document.querySelector('#effect-metrics td[data-metric=' "
                + "+ arguments[0] + ']'); return c ? (c.dataset.value || null) : null;", metric);
    }

    @Test
    void aTargetGivesThePumpScheduleTable() throws IOException {
        open("protocol=crps-schwartzman-2009&model=domino-1984");
        assertTrue(!driver.findElement(By.id("schedule-panel")).isDisplayed());
        WebElement target = driver.findElement(By.id("target"));
        target.sendKeys("150 ng/mL for 1 h");
        WebElement panel = driver.findElement(By.id("schedule-panel"));
        waiting().until(d -> panel.isDisplayed()
                && driver.findElements(By.cssSelector("#schedule tbody tr")).size() > 1);
        org.ketaminepk.target.TargetPlan plan = org.ketaminepk.target.TargetController.plasma(
                Simulation.standard().individualize(Models.DOMINO_1984, Patient.standardAdult()),
                org.ketaminepk.target.PumpSettings.standard().withRateStepMlPerH(0.1))
                .plan(org.ketaminepk.target.TargetSchedule.parse("150 ng/mL for 1 h"), 3);
        List<WebElement> rows = driver.findElements(By.cssSelector("#schedule tbody tr"));
        assertEquals(plan.segments().size(), rows.size());
        assertEquals(plan.segments().get(0).rateMlPerH(), Double.parseDouble(rows.get(0).getAttribute(
                "data-rate-ml-per-h")), 0);
        assertTrue(driver.findElement(By.id("title")).getText().startsWith("Target-controlled infusion, plasma"),
                driver.findElement(By.id("title")).getText());
        Object labels = js.executeScript("return explorer.plot.series.map(x => x.label)");
        assertTrue(labels.toString().contains("target"), labels.toString());
        assertTrue(driver.findElement(By.id("export-png")).isDisplayed(), "the target's exports are offered");
        Files.write(OUT.resolve("explorer-target.png"), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));

        target.clear();
        target.sendKeys("150 ng/mL for ever");
        WebElement error = driver.findElement(By.id("target-error"));
        waiting().until(d -> error.isDisplayed() && !error.getText().isBlank());
    }

    /**
     * Target mode computes no regimen metrics: the page says so in a line, without the metrics table's header above
     * an empty body; the table comes back with the regimen.
     */
    @Test
    void targetModeShowsNoEmptyMetricsTable() {
        open("protocol=crps-schwartzman-2009&target=" + "150%20ng%2FmL%20for%201%20h");
        WebElement table = driver.findElement(By.id("metrics"));
        WebElement note = driver.findElement(By.id("band-note"));
        waiting().until(d -> note.getText().startsWith("Target mode: the metrics of a regimen are not computed"));
        assertFalse(table.isDisplayed(), "an empty metrics table");
        driver.findElement(By.id("target")).clear();
        driver.findElement(By.id("target")).sendKeys(" ");
        waiting().until(d -> !Double.isNaN(shownCmax()) && table.isDisplayed());
        assertTrue(table.isDisplayed());
    }

    /** Each heading of the adjustments table stands over its column: aligned as the column's cells are. */
    @Test
    void theAdjustmentsHeadingsAreAlignedWithTheirColumns() {
        open("protocol=crps-schwartzman-2009&child-pugh=B&egfr=30");
        waiting().until(d -> driver.findElements(By.cssSelector("#adjustments tbody tr")).size() > 1);
        @SuppressWarnings("unchecked")
        List<String> misaligned = (List<String>) js.executeScript("const t = document.getElementById('adjustments');"
                + "const cells = t.tBodies[0].rows[0].cells;"
                + "return [...t.tHead.rows[0].cells].filter((th, i) => getComputedStyle(th).textAlign"
                + " !== getComputedStyle(cells[i]).textAlign).map(th => th.textContent);");
        assertEquals(List.of(), misaligned);
    }

    /**
     * On a log scale each curve is drawn as low as the PNG chart's axis reaches (the power of ten below half the
     * lowest concentration of interest), not cut at 1 ng/mL: the terminal phase, read for the half-life, stays whole.
     */
    @Test
    void aLogScaleDrawsTheTerminalPhaseBelowOneNgPerMl() {
        open("dose=" + "bolus%2020%20mg&log=true");
        Map<?, ?> at = (Map<?, ?>) js.executeScript("const u = explorer.plot, k = u.data[1];"
                + "const y = explorer.current.display.ketamine_ng_per_mL;"
                + "return {drawn: k[k.length - 1], end: y[y.length - 1], floor: u.scales.y.min};");
        double end = ((Number) at.get("end")).doubleValue();
        assertTrue(end < 1, "ketamine at the end of the window: " + end + " ng/mL");
        assertTrue(at.get("drawn") != null, "ketamine drawn to the end of the window");
        assertEquals(end, ((Number) at.get("drawn")).doubleValue(), 0);
        assertEquals(0.01, ((Number) at.get("floor")).doubleValue(), 1e-12, "the axis's floor, as the PNG chart's");
    }

    /** The kidney value's box is named for what it holds: an eGFR, or a creatinine with its unit. */
    @Test
    void theKidneyValuesBoxIsNamedForWhatItHolds() {
        open("protocol=crps-schwartzman-2009");
        WebElement kind = driver.findElement(By.id("kidney-kind"));
        WebElement value = driver.findElement(By.id("kidney-value"));
        new Select(kind).selectByValue("egfr");
        assertEquals("eGFR, mL/min/1.73 m²", value.getAccessibleName());
        new Select(kind).selectByValue("creatinine");
        assertEquals("serum creatinine, with its unit (mg/dL or µmol/L)", value.getAccessibleName());
    }

    /**
     * An endpoint without a published ke0 is refused; the refusal is printed under the endpoint list, which is marked,
     * not under the patient, whose fields have nothing to do with it.
     */
    @Test
    void anEndpointWithoutAKe0IsRefusedBesideTheEndpointList() {
        open("protocol=crps-schwartzman-2009");
        WebElement endpoint = driver.findElement(By.id("endpoint"));
        new Select(endpoint).selectByValue("schuttler-1987-eeg");
        WebElement error = driver.findElement(By.id("effect-error"));
        waiting().until(d -> error.isDisplayed());
        assertTrue(error.getText().contains("no published ke0"), error.getText());
        assertFalse(driver.findElement(By.id("patient-error")).isDisplayed());
        assertTrue(endpoint.getAttribute("class").contains("invalid"), endpoint.getAttribute("class"));
        assertEquals("effect-error", endpoint.getAttribute("aria-describedby"));
    }

    /**
     * Onset and offset are durations counted from different moments (the first dose; the end of the last input), so
     * an offset shorter than the onset is no contradiction: the headings of the effect metrics say from when.
     */
    @Test
    void theEffectsOnsetAndOffsetSayFromWhenTheyAreCounted() {
        open("dose=" + "0.5%20mg%2Fkg%20over%2040%20min&endpoint=herd-2008-sedation");
        waiting().until(d -> driver.findElement(By.id("effect-panel")).isDisplayed());
        @SuppressWarnings("unchecked")
        List<String> heads = (List<String>) js.executeScript("return [...document.querySelectorAll("
                + "'#effect-metrics thead th')].map(th => th.textContent);");
        assertTrue(heads.contains("onseth from the first dose to half the peak"), heads.toString());
        assertTrue(heads.contains("offseth after the last input, to below half the peak"), heads.toString());
    }

    @Test
    void targetModeExportsTheTargetCommandsFiles() throws Exception {
        open("target=" + "150%20ng%2FmL%20for%201%20h&model=domino-1984&weight=80");
        waiting().until(d -> driver.findElement(By.id("schedule-panel")).isDisplayed());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String f : List.of("png", "svg", "csv", "json")) {
            WebElement link = driver.findElement(By.id("export-" + f));
            assertTrue(link.isDisplayed(), f);
            assertEquals("ketamine-pk-target." + f, link.getAttribute("download"));
            String href = link.getAttribute("href");
            assertTrue(href.contains("/api/target?") && href.contains("format=" + f) && href.contains("weight=80"),
                    href);
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), () -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            Map<String, List<String>> params = new java.util.LinkedHashMap<>();
            for (String pair : URI.create(href).getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.computeIfAbsent(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                        k -> new ArrayList<>()).add(java.net.URLDecoder.decode(kv[1],
                                java.nio.charset.StandardCharsets.UTF_8));
            }
            params.remove("format");
            if (f.equals("png")) {
                assertEquals(1600, ImageIO.read(new ByteArrayInputStream(r.body())).getWidth());
                Files.write(OUT.resolve("explorer-target-export.png"), r.body());
            } else {
                assertArrayEquals(TargetScenario.parse(params).export(f, 1600, 900), r.body(), f);
            }
        }
    }

    @Test
    void aManualSchemeShowsTheBolusAndRatesAndDrawsItsCurveAgainstTheTarget() throws Exception {
        open("target=" + "150%20ng%2FmL%20for%202%20h&model=domino-1984");
        waiting().until(d -> driver.findElement(By.id("schedule-panel")).isDisplayed());
        int drawn = ((Number) js.executeScript("return explorer.timings.length")).intValue();
        assertTrue(!driver.findElement(By.id("tolerance")).isDisplayed(), "the tolerance belongs to a manual scheme");
        new Select(driver.findElement(By.id("manual"))).selectByValue("true");
        WebElement panel = driver.findElement(By.id("manual-panel"));
        waiting().until(d -> panel.isDisplayed() && !driver.findElement(By.id("schedule-panel")).isDisplayed());

        org.ketaminepk.target.ManualScheme m = org.ketaminepk.target.ManualScheme.design(
                org.ketaminepk.target.TargetController.plasma(Simulation.standard().individualize(Models.DOMINO_1984,
                        Patient.standardAdult()), org.ketaminepk.target.PumpSettings.standard()
                        .withRateStepMlPerH(0.1)), 150, 2, 0.15);
        List<WebElement> rows = driver.findElements(By.cssSelector("#manual-scheme tbody tr"));
        assertEquals(m.steps().size() + 1, rows.size(), "the bolus, then each rate");
        assertEquals(m.bolusMg(), Double.parseDouble(rows.get(0).getAttribute("data-bolus-mg")), 0);
        assertTrue(rows.get(0).getText().contains("bolus"), rows.get(0).getText());
        for (int i = 0; i < m.steps().size(); i++) {
            assertEquals(m.steps().get(i).rateMlPerH(), Double.parseDouble(rows.get(i + 1).getAttribute(
                    "data-rate-ml-per-h")), 0);
        }
        String achieved = driver.findElement(By.cssSelector("#manual-lines tr[data-line=achieved]")).getText();
        assertTrue(achieved.contains("within ±15 %"), achieved);
        assertTrue(driver.findElement(By.id("title")).getText().startsWith("Manual scheme for 150 ng/mL for 2 h"),
                driver.findElement(By.id("title")).getText());
        // the chart draws the scheme's curve and the target
        waiting().until(d -> ((Number) js.executeScript("return explorer.timings.length")).intValue() > drawn);
        Object labels = js.executeScript("return explorer.plot.series.map(x => x.label)");
        assertTrue(labels.toString().contains("ketamine") && labels.toString().contains("target"), labels.toString());
        Number points = (Number) js.executeScript("return explorer.plot.data[1].filter(v => v > 0).length");
        assertTrue(points.intValue() > 100, "ketamine points drawn: " + points);
        assertTrue(driver.getCurrentUrl().contains("manual=true"), driver.getCurrentUrl());
        assertTrue(driver.findElement(By.id("export-protocol")).isDisplayed(), "the files of target --manual");
        assertTrue(driver.findElement(By.id("export-protocol")).getAttribute("href").contains("manual=true"));
        // the CSV and JSON links fetch the files of target --manual --csv/--json, byte for byte
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String f : List.of("csv", "json")) {
            WebElement link = driver.findElement(By.id("export-" + f));
            assertTrue(link.isDisplayed(), f);
            String href = link.getAttribute("href");
            assertTrue(href.contains("manual=true") && href.contains("format=" + f), href);
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), () -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            Path file = Files.createDirectories(OUT).resolve("explorer-manual." + f);
            Files.deleteIfExists(file);
            int code = org.ketaminepk.cli.Main.commandLine(new org.ketaminepk.cli.Main(),
                    new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(
                            java.io.Writer.nullWriter())).execute("target", "--target", "150 ng/mL for 2 h", "--model",
                    "domino-1984", "--manual", "--" + f, file.toString());
            assertEquals(0, code, f);
            assertArrayEquals(Files.readAllBytes(file), r.body(), f);
        }
        js.executeScript("window.scrollTo(0, 0)");
        Files.write(OUT.resolve("explorer-manual.png"), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));

        WebElement tolerance = driver.findElement(By.id("tolerance"));
        tolerance.sendKeys("60");
        WebElement error = driver.findElement(By.id("target-error"));
        waiting().until(d -> error.isDisplayed() && error.getText().startsWith("tolerance must be greater than 0"));
        tolerance.clear();
        tolerance.sendKeys("10%");
        waiting().until(d -> !error.isDisplayed() && driver.findElement(By.cssSelector(
                "#manual-lines tr[data-line=achieved]")).getText().contains("within ±10 %"));
        assertTrue(driver.getCurrentUrl().contains("tolerance=10%25"), driver.getCurrentUrl());
    }

    /** @return the RGBA of the chart's canvas at the time and ketamine concentration given */
    private static List<?> pixelAt(double timeH, double ngPerMl) {
        return (List<?>) js.executeScript("const u = explorer.plot; const x = Math.round(u.valToPos(arguments[0], 'x', "
                + "true)); const y = Math.round(u.valToPos(arguments[1], 'y', true));"
                + "return Array.from(u.ctx.getImageData(x, y, 1, 1).data);", timeH, ngPerMl);
    }

    private static int blueOverRed(List<?> rgba) {
        return ((Number) rgba.get(2)).intValue() - ((Number) rgba.get(0)).intValue();
    }

    /**
     * The concentration chart shades a population's middle 50 % darker than its middle 90 %, and the note under it
     * says whose variability it is and which analyte it does not reach.
     */
    @Test
    void aPopulationsMiddleHalfIsShadedDarkerAndItsNoteSaysWhoseVariability() {
        open("dose=" + "0.5%20mg%2Fkg%20over%2040%20min&model=otto-2021&population=50&seed=3");
        waiting().until(d -> Boolean.TRUE.equals(js.executeScript(
                "return !!(explorer.current.population && explorer.current.population.size === 50)")));
        // the time where norketamine's bands are tallest on screen; one point inside the middle 50 % (a quarter of
        // the way from the median to the 75th percentile, away from the typical curve's line), one inside the 90 %
        // only (half-way from the 75th to the 95th)
        Map<?, ?> at = (Map<?, ?>) js.executeScript("const p = explorer.current.population; const u = explorer.plot;"
                + "const k = p.norketamine_ng_per_mL; let best = 0;"
                + "for (let i = 0; i < p.time_h.length; i++) {"
                + "  const h = u.valToPos(k.p25[i], 'y') - u.valToPos(k.p95[i], 'y');"
                + "  if (h > u.valToPos(k.p25[best], 'y') - u.valToPos(k.p95[best], 'y')) best = i; }"
                + "return {t: p.time_h[best], half: k.p50[best] + 0.25 * (k.p75[best] - k.p50[best]),"
                + "  wide: (k.p75[best] + k.p95[best]) / 2};");
        double t = ((Number) at.get("t")).doubleValue();
        double half = ((Number) at.get("half")).doubleValue();
        double wide = ((Number) at.get("wide")).doubleValue();
        List<?> halfWith = pixelAt(t, half);
        List<?> wideWith = pixelAt(t, wide);
        WebElement note = driver.findElement(By.id("band-note"));
        assertTrue(note.getText().contains("the middle 90 % and, darker, the middle 50 % of 50 virtual patients like "
                + "this one (seed 3); variability:") && note.getText().contains("published by Otto"), note.getText());

        new Select(driver.findElement(By.id("population"))).selectByValue("");
        waiting().until(d -> Boolean.TRUE.equals(js.executeScript("return !explorer.current.population")));
        // norketamine is #D55E00: each layer of its shading makes a point redder and less blue than what lies behind
        int halfShift = blueOverRed(pixelAt(t, half)) - blueOverRed(halfWith);
        int wideShift = blueOverRed(pixelAt(t, wide)) - blueOverRed(wideWith);
        assertTrue(wideShift > 5 && halfShift > wideShift + 5, () -> "two layers inside the middle 50 % ("
                + halfShift + ") against one outside it (" + wideShift + ")");

        // the default model: its variability is borrowed, and ketamine's band has no width
        open("dose=" + "0.5%20mg%2Fkg%20over%2040%20min&population=50&seed=3");
        waiting().until(d -> Boolean.TRUE.equals(js.executeScript(
                "return !!(explorer.current.population && explorer.current.population.size === 50)")));
        String text = driver.findElement(By.id("band-note")).getText();
        assertTrue(text.contains("variability: Vn, CLn borrowed from Otto 2021.") && text.contains("Ketamine: no "
                + "between-patient variability reaches it") && !text.contains("published variability"), text);
    }

    @Test
    void aPopulationInTargetModeDrawsTheBandAndPrintsTheAttainment() throws Exception {
        open("target=" + "150%20ng%2FmL%20for%202%20h&model=otto-2021&population=50&seed=3");
        WebElement attainment = driver.findElement(By.id("attainment"));
        waiting().until(d -> attainment.isDisplayed() && Boolean.TRUE.equals(js.executeScript(
                "return !!(explorer.current.population && explorer.current.population.size === 50)")));
        assertTrue(attainment.getText().startsWith("The same pump schedule given to 50 virtual patients (seed 3"),
                attainment.getText());
        assertTrue(attainment.getText().contains("Distance from the target at the end of each step"),
                attainment.getText());
        assertTrue(driver.findElement(By.id("subtitle")).getText().contains("50 virtual patients, seed 3"));
        String href = driver.findElement(By.id("export-csv")).getAttribute("href");
        assertTrue(href.contains("/api/target?") && href.contains("population=50") && href.contains("seed=3"), href);

        // a point inside the ketamine band, between the median and the 95th percentile at 1.5 h
        Map<?, ?> at = (Map<?, ?>) js.executeScript("const p = explorer.current.population;"
                + "const i = p.time_h.findIndex(t => t >= 1.5); const k = p.ketamine_ng_per_mL;"
                + "return {t: p.time_h[i], y: (k.p50[i] + 3 * k.p95[i]) / 4};");
        double t = ((Number) at.get("t")).doubleValue();
        double y = ((Number) at.get("y")).doubleValue();
        List<?> withBand = pixelAt(t, y);
        Files.write(OUT.resolve("explorer-target-population.png"), ((ChromeDriver) driver).getScreenshotAs(
                OutputType.BYTES));

        new Select(driver.findElement(By.id("population"))).selectByValue("");
        waiting().until(d -> !attainment.isDisplayed() && Boolean.TRUE.equals(js.executeScript(
                "return !explorer.current.population")));
        // the same time and concentration (so the same shaded concentration band behind it), now without the band;
        // the ketamine band is #0072B2 at 20 %: bluer and less red than what lies behind it
        List<?> without = pixelAt(t, y);
        assertTrue(blueOverRed(withBand) > blueOverRed(without) + 10, () -> "the band is drawn: " + withBand
                + " with the population, " + without + " without");
    }

    /** Shows the page in a viewport of the width given (a phone, a narrow window), or back at the class's size. */
    private static void viewport(int widthPx) {
        if (widthPx <= 0) {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } else {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", widthPx,
                    "height", 1100, "deviceScaleFactor", 1, "mobile", false));
        }
    }

    /**
     * In a narrow window (a phone at 420 px, a half screen at 800 px) nothing pushes the page wider than the window:
     * the long names in the lists, the charts and the wide tables fit or scroll inside their own box.
     */
    @Test
    void aNarrowWindowKeepsThePageAndBothChartsWithinItsWidth() throws IOException {
        try {
            for (int width : new int[] {800, 420}) {
                viewport(width);
                open("dose=" + "0.5%20mg%2Fkg%20over%2040%20min&model=otto-2021&endpoint=olofsen-2022-antinociception");
                waiting().until(d -> js.executeScript("return explorer.effectPlot") != null);
                List<?> widths = (List<?>) js.executeScript("const e = document.documentElement;"
                        + "return [innerWidth, e.scrollWidth, e.clientWidth, document.getElementById('chart')"
                        + ".clientWidth, explorer.plot.width, explorer.effectPlot.width];");
                assertEquals(width, ((Number) widths.get(0)).intValue(), widths.toString());
                // the page's width against the window's, less its vertical scroll bar
                assertEquals(widths.get(2), widths.get(1), "the page's width in a window " + width + " px wide");
                for (int i : new int[] {4, 5}) {
                    assertEquals(((Number) widths.get(3)).intValue(), ((Number) widths.get(i)).intValue(), 20,
                            "each chart as wide as its column: " + widths);
                }
                Files.write(OUT.resolve("explorer-" + width + "px.png"),
                        ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
            }
        } finally {
            viewport(0);
        }
    }

    /** When the window changes width, the effect chart follows it as the concentration chart does. */
    @Test
    void bothChartsFollowTheWindowsWidth() {
        open("dose=" + "0.5%20mg%2Fkg%20over%2040%20min&model=otto-2021&endpoint=olofsen-2022-antinociception");
        String same = "const w = document.getElementById('chart').clientWidth;"
                + "return w < arguments[0] && explorer.plot.width === w && explorer.effectPlot.width === w;";
        waiting().until(d -> Boolean.TRUE.equals(js.executeScript(same, 1500)));
        try {
            viewport(1000);
            waiting().until(d -> Boolean.TRUE.equals(js.executeScript(same, 1000)));
        } finally {
            viewport(0);
        }
        waiting().until(d -> Boolean.TRUE.equals(js.executeScript("const w = document.getElementById('chart')"
                + ".clientWidth; return w > 1000 && explorer.plot.width === w && explorer.effectPlot.width === w;")));
    }

    /**
     * While an answer is slow (virtual patients take seconds on a slow machine) the page says it is computing and
     * dims the curves and tables it still shows, so that the old picture is not read as the new scenario's; when the
     * answer comes both go.
     */
    @Test
    void aSlowAnswerShowsABusyStateAndDimsTheOldPicture() {
        open("dose=" + "0.5%20mg%2Fkg%20over%2040%20min&model=otto-2021");
        WebElement results = driver.findElement(By.id("results"));
        WebElement busy = driver.findElement(By.id("busy"));
        assertFalse(busy.isDisplayed());
        // the server made slow: each answer held back 2 s in the page
        js.executeScript("const f = window.fetch; window.fetch = (...a) => new Promise((ok) => setTimeout(() =>"
                + " ok(f(...a)), 2000));");
        new Select(driver.findElement(By.id("population"))).selectByValue("50");
        waiting().until(d -> busy.isDisplayed());
        assertEquals("true", results.getAttribute("aria-busy"));
        assertEquals("role=status", "role=" + busy.getAttribute("role"));
        assertTrue(busy.getText().contains("50 virtual patients"), busy.getText());
        double opacity = Double.parseDouble((String) js.executeScript(
                "return getComputedStyle(document.getElementById('chart')).opacity"));
        assertTrue(opacity < 0.6, "the old curves are dimmed: opacity " + opacity);
        waiting().until(d -> Boolean.TRUE.equals(js.executeScript(
                "return !!(explorer.current.population && explorer.current.population.size === 50)")));
        waiting().until(d -> !busy.isDisplayed());
        assertEquals("false", results.getAttribute("aria-busy"));
        assertEquals("1", js.executeScript("return getComputedStyle(document.getElementById('chart')).opacity"));
    }

    /**
     * Records, without judging it, the time from a slider change to the redrawn chart (median of 20), measured by
     * the page with performance.now(), for the 10-day CRPS protocol on a one-minute grid; the README quotes it.
     */
    @Test
    void recordsTheRedrawTimeOfTwentySliderChanges() throws IOException {
        open("protocol=crps-schwartzman-2009");
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long before = ((Number) js.executeScript("return explorer.timings.length")).longValue();
            js.executeScript("const s = document.getElementById('weight'); s.value = String(60 + arguments[0]);"
                    + "s.dispatchEvent(new Event('input', {bubbles: true}));", i);
            waiting().until(d -> ((Number) js.executeScript("return explorer.timings.length")).longValue() > before);
            ms.add(((Number) js.executeScript("return explorer.timings[explorer.timings.length - 1]")).doubleValue());
        }
        assertEquals(20, ms.size());
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        double median = (sorted.get(9) + sorted.get(10)) / 2;
        String line = String.format(Locale.ROOT, "explorer redraw after a slider change, crps-schwartzman-2009 on a "
                + "1-min grid (14 641 points): median %.1f ms of 20 (min %.1f, max %.1f)", median, sorted.get(0),
                sorted.get(19));
        System.out.println(line);
        Files.writeString(OUT.resolve("redraw-ms.txt"), line + "\n");
        assertTrue(sorted.get(0) > 0, "the page measured each redraw");
    }
}
