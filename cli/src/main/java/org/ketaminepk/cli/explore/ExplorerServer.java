package org.ketaminepk.cli.explore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.jfree.chart.JFreeChart;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.chart.ChartFiles;
import org.ketaminepk.cli.chart.ChartRequest;
import org.ketaminepk.cli.chart.ConcentrationChart;
import org.ketaminepk.cli.chart.PlotSeries;
import org.ketaminepk.cli.report.CsvOutput;
import org.ketaminepk.cli.report.JsonOutput;
import org.ketaminepk.cli.report.Run;
import org.ketaminepk.effect.EffectResult;
import org.ketaminepk.population.PopulationOutcome;

/**
 * The explorer's local web server, on the JDK's own {@code com.sun.net.httpserver}: the page and its scripts from
 * the class path (an allow-list, never a file path), and a small JSON API that simulates with the library and draws
 * exports with the command line's chart and report code.
 *
 * <p>Built to be left running: every request is bounded in size ({@value #MAX_BODY_BYTES} bytes), in grid points
 * ({@link Scenario#MAX_POINTS}) and in compute time ({@value #COMPUTE_TIMEOUT_S} s, then 503); at most
 * {@value #COMPUTE_THREADS} simulations run at once and {@value #COMPUTE_QUEUE} wait (then 503). Every answer carries
 * a Content-Security-Policy of {@code default-src 'self'} and the usual hardening headers. No request writes a file.
 */
public final class ExplorerServer implements AutoCloseable {
    /** Largest request body or query string, bytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Most bytes of a too-large body read and dropped so that the client sees the 413 answer. */
    static final long MAX_DRAINED_BYTES = 4L * 1024 * 1024;
    /** Seconds one simulation or drawing may take before the request is answered with 503. */
    static final int COMPUTE_TIMEOUT_S = 20;
    /** Simulations computed at once. */
    static final int COMPUTE_THREADS = 2;
    /** Simulations waiting for a thread before requests are turned away with 503. */
    static final int COMPUTE_QUEUE = 16;
    /** Display columns of {@code /api/simulate} when {@code px} is not given. */
    static final int DEFAULT_COLUMNS = 1200;
    /** Largest export image side, px (a 10 000 px square would take 400 MB to draw). */
    static final int MAX_EXPORT_PX = 4000;

    private static final String PARAMS = "org.ketaminepk.explore.params";
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final String OWN = "/org/ketaminepk/cli/explore/";

    /** URL path → class-path resource and content type: the only files the server sends. */
    static final Map<String, String[]> ASSETS = Map.of(
            "/", new String[] {OWN + "index.html", "text/html; charset=utf-8"},
            "/explore.js", new String[] {OWN + "explore.js", "text/javascript; charset=utf-8"},
            "/explore.css", new String[] {OWN + "explore.css", "text/css; charset=utf-8"},
            "/uPlot.min.js", new String[] {UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"},
            "/uPlot.min.css", new String[] {UPLOT + "uPlot.min.css", "text/css; charset=utf-8"});

    static {
        // the JDK server's own limits on slow clients (read once, when its classes load), unless set by the user
        System.setProperty("sun.net.httpserver.maxReqTime",
                System.getProperty("sun.net.httpserver.maxReqTime", "30"));
        System.setProperty("sun.net.httpserver.maxRspTime",
                System.getProperty("sun.net.httpserver.maxRspTime", "60"));
    }

    private final HttpServer server;
    private final ExecutorService requests;
    private final ThreadPoolExecutor compute;
    private final Map<String, byte[]> assets = new LinkedHashMap<>();

    private ExplorerServer(HttpServer server, ExecutorService requests, ThreadPoolExecutor compute) {
        this.server = server;
        this.requests = requests;
        this.compute = compute;
    }

    /**
     * Starts a server.
     *
     * @param host the address to bind, e.g. 127.0.0.1
     * @param port the port, 0 for any free one
     * @return the running server
     * @throws IOException if the address cannot be bound
     */
    public static ExplorerServer start(String host, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 64);
        ExecutorService requests = Executors.newFixedThreadPool(16, daemon("explore-http"));
        ThreadPoolExecutor compute = new ThreadPoolExecutor(COMPUTE_THREADS, COMPUTE_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(COMPUTE_QUEUE), daemon("explore-compute"), new ThreadPoolExecutor.AbortPolicy());
        ExplorerServer s = new ExplorerServer(http, requests, compute);
        s.loadAssets();
        http.createContext("/", s::handle);
        http.setExecutor(requests);
        http.start();
        return s;
    }

    /** @return the address to open, e.g. {@code http://127.0.0.1:8080/} */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** Stops accepting requests and ends the worker threads. */
    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
        compute.shutdownNow();
    }

    private void loadAssets() throws IOException {
        for (Map.Entry<String, String[]> e : ASSETS.entrySet()) {
            try (InputStream in = ExplorerServer.class.getResourceAsStream(e.getValue()[0])) {
                if (in == null) {
                    throw new IOException("missing resource " + e.getValue()[0] + " (a broken build)");
                }
                assets.put(e.getKey(), in.readAllBytes());
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** An answer other than 200, with its message for the error document. */
    static final class HttpError extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String field;
        final String value;

        HttpError(int status, String field, String value, String message) {
            super(message);
            this.status = status;
            this.field = field;
            this.value = value;
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            securityHeaders(ex.getResponseHeaders());
            String path = ex.getRequestURI().getRawPath();
            try {
                if (path.startsWith("/api/")) {
                    api(ex, path);
                } else {
                    asset(ex, path);
                }
            } catch (HttpError e) {
                error(ex, e.status, e.field, e.value, e.getMessage(), null);
            } catch (InvalidInputException e) {
                error(ex, 400, e.field(), valueOf(ex, e.field()), parameterWording(e.getMessage()), e);
            } catch (IOException e) {
                // the client went away; nothing to answer
            } catch (RuntimeException e) {
                error(ex, 500, null, null, "internal failure: " + e, null);
            }
        }
    }

    /** An option of the command line that the API reads as a parameter of the same name: {@code --max-rate}. */
    private static final java.util.regex.Pattern OPTION = java.util.regex.Pattern.compile("--([a-z][a-z0-9-]*)");

    /**
     * The parsers shared with the command line name their options ("--syringe must be ..."); a request gives the same
     * values as parameters without the dashes, so the message names the parameter instead. Options that are no
     * parameter of the API keep their dashes.
     */
    static String parameterWording(String message) {
        java.util.regex.Matcher m = OPTION.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            boolean parameter = Scenario.KEYS.contains(name) || TargetScenario.KEYS.contains(name);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(parameter ? name : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** @return the value the request gave for {@code field}, for the error document, or null */
    @SuppressWarnings("unchecked")
    private static String valueOf(HttpExchange ex, String field) {
        Object p = ex.getAttribute(PARAMS);
        if (field == null || !(p instanceof Map)) {
            return null;
        }
        List<String> v = ((Map<String, List<String>>) p).get(field);
        return v == null || v.isEmpty() ? null : clip(v.get(v.size() - 1));
    }

    static void securityHeaders(Headers h) {
        h.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; frame-ancestors 'none'; "
                + "base-uri 'none'; form-action 'self'");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Cache-Control", "no-store");
    }

    private void asset(HttpExchange ex, String path) throws IOException, HttpError {
        byte[] body = assets.get(path);
        if (body == null) {
            throw new HttpError(404, null, null, "no such page: " + clip(path) + " (the explorer serves /, and its "
                    + "API under /api/)");
        }
        method(ex, "GET", "HEAD");
        send(ex, 200, ASSETS.get(path)[1], "HEAD".equals(ex.getRequestMethod()) ? null : body, body.length);
    }

    private void api(HttpExchange ex, String path) throws IOException, HttpError {
        switch (path) {
            case "/api/models":
                method(ex, "GET");
                json(ex, ApiJson.models());
                return;
            case "/api/protocols":
                method(ex, "GET");
                json(ex, ApiJson.protocols());
                return;
            case "/api/endpoints":
                method(ex, "GET");
                json(ex, ApiJson.endpoints());
                return;
            case "/api/target": {
                method(ex, "GET", "POST");
                Map<String, List<String>> p = params(ex);
                checkTargetKeys(p);
                if (p.containsKey("format")) {
                    targetExport(ex, p);
                    return;
                }
                for (String k : List.of("image-width", "image-height")) {
                    if (p.containsKey(k)) {
                        throw new HttpError(400, k, clip(Scenario.one(p, k)), k + " applies to an image export; add "
                                + "format=png or format=svg");
                    }
                }
                int px = integer(p, "px", DEFAULT_COLUMNS, 50, 4000);
                json(ex, computed(() -> TargetScenario.parse(p).answer(px)));
                return;
            }
            case "/api/simulate": {
                method(ex, "GET", "POST");
                Map<String, List<String>> p = params(ex);
                checkKeys(p, List.of("px"));
                for (String k : p.keySet()) {
                    if (k.startsWith("pin.")) {
                        throw new HttpError(400, clip(k), null, "parameter '" + clip(k) + "' names the pinned "
                                + "scenario of an export; /api/simulate draws one scenario, so leave it out");
                    }
                }
                int px = integer(p, "px", DEFAULT_COLUMNS, 50, 4000);
                String body = computed(() -> {
                    Scenario s = Scenario.parse(p, "", 0);
                    Run run = s.run();
                    PopulationOutcome pop = s.populationBands(run);
                    EffectResult effect = s.effect();
                    return ApiJson.simulation(s, run, pop, effect, s.populationEffect(run, pop, effect), px);
                });
                json(ex, body);
                return;
            }
            case "/api/export": {
                method(ex, "GET", "POST");
                Map<String, List<String>> p = params(ex);
                checkKeys(p, List.of("format", "image-width", "image-height"));
                for (String k : p.keySet()) {
                    String base = k.startsWith("pin.") ? k.substring(4) : k;
                    if (k.startsWith("pin.") && PIN_SHARES.contains(base)) {
                        // both series on one grid and one chart, as compare writes them: the pinned scenario's own
                        // window, step or scale would be replaced unsaid, so it is refused
                        throw new HttpError(400, clip(k), clip(Scenario.one(p, k)), k + ": an export with a pinned "
                                + "scenario is " + (base.equals("log") ? "one chart on one scale, as 'compare' "
                                + "draws its series; log sets it for both" : "one table on one time grid, as "
                                + "'compare' writes its series with one --step and one --duration; step and "
                                + "duration set it for both (without duration, the window covers both regimens)")
                                + ", so leave " + k + " out");
                    }
                    if (EXPORT_LEAVES_OUT.contains(base)) {
                        // the export draws and writes the typical patient's curves only: refused, not dropped
                        throw new HttpError(400, clip(k), clip(Scenario.one(p, k)), k + ": the export holds the "
                                + "typical patient's concentrations only, not a population's bands or an effect; "
                                + "leave it out, or write those with 'ketamine-pk simulate --population N' or "
                                + "'--effect ENDPOINT'");
                    }
                }
                export(ex, p);
                return;
            }
            default:
                throw new HttpError(404, null, null, "no such API: " + clip(path) + " (see /api/models, "
                        + "/api/protocols, /api/endpoints, /api/simulate, /api/target, /api/export)");
        }
    }

    /** @return the export format asked for, in lower case */
    private static String format(Map<String, List<String>> p) throws HttpError {
        return format(p, List.of("png", "svg", "csv", "json"));
    }

    /** @return the export format asked for, one of {@code formats}, in lower case */
    private static String format(Map<String, List<String>> p, List<String> formats) throws HttpError {
        String format = Scenario.one(p, "format");
        if (format == null || !formats.contains(format.toLowerCase(Locale.ROOT))) {
            throw new HttpError(400, "format", format, "format must be one of " + String.join(", ", formats)
                    + " but was " + (format == null ? "missing" : "'" + format + "'"));
        }
        return format.toLowerCase(Locale.ROOT);
    }

    /** Refuses an image size with a file that is not an image, where it would be ignored. */
    private static void imageSizeOnlyForImages(Map<String, List<String>> p, String format) throws HttpError {
        if (!format.equals("png") && !format.equals("svg")) {
            for (String k : List.of("image-width", "image-height")) {
                if (p.containsKey(k)) {
                    throw new HttpError(400, k, clip(Scenario.one(p, k)), k + " applies to an image export; it "
                            + "does nothing with format=" + format + ", so leave it out");
                }
            }
        }
    }

    /**
     * The files of {@code target} for a target request with {@code format}: {@code protocol} is the file of
     * {@code --protocol-out}.
     */
    private void targetExport(HttpExchange ex, Map<String, List<String>> p) throws IOException, HttpError {
        String f = format(p, List.of("png", "svg", "csv", "json", "protocol"));
        imageSizeOnlyForImages(p, f);
        int width = integer(p, "image-width", 1600, ChartFiles.MIN_SIZE_PX, MAX_EXPORT_PX);
        int height = integer(p, "image-height", 900, ChartFiles.MIN_SIZE_PX, MAX_EXPORT_PX);
        byte[] body = computedBytes(() -> TargetScenario.parse(p).export(f, width, height));
        sendFile(ex, f.equals("protocol") ? "ketamine-pk-target-protocol.txt" : "ketamine-pk-target." + f, f, body);
    }

    private void export(HttpExchange ex, Map<String, List<String>> p) throws IOException, HttpError {
        String f = format(p);
        imageSizeOnlyForImages(p, f);
        int width = integer(p, "image-width", 1600, ChartFiles.MIN_SIZE_PX, MAX_EXPORT_PX);
        int height = integer(p, "image-height", 900, ChartFiles.MIN_SIZE_PX, MAX_EXPORT_PX);
        byte[] body = computedBytes(() -> {
            boolean pinned = p.keySet().stream().anyMatch(k -> k.startsWith("pin."));
            Scenario current = Scenario.parse(p, "", 0);
            List<Scenario> scenarios = new ArrayList<>();
            if (pinned) {
                // one grid for both, as compare writes every series on one: this scenario's step and duration, and
                // without a duration a window that covers both regimens, as compare's default covers every series
                Scenario pin;
                try {
                    pin = Scenario.parse(p, "pin.", "", current.grid().endH());
                } catch (InvalidInputException e) {
                    throw "step".equals(e.field()) || "duration".equals(e.field())
                            ? e.withHint("the window covers the pinned scenario's doses too") : e;
                }
                TimeGrid g = pin.grid();
                scenarios.add(pin.withLabel("pinned: " + pin.label()));
                scenarios.add(current.withGrid(g).withLabel("current: " + current.label()));
            } else {
                scenarios.add(current);
            }
            List<Run> runs = new ArrayList<>();
            for (Scenario s : scenarios) {
                runs.add(s.run());
            }
            TimeGrid grid = scenarios.get(0).grid();
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            switch (f) {
                case "csv":
                case "json": {
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    if (f.equals("csv")) {
                        CsvOutput.write(w, runs, runs.size() > 1);
                    } else {
                        JsonOutput.write(w, runs.size() > 1 ? "compare" : "simulate", runs, grid);
                    }
                    w.flush();
                    break;
                }
                default: {
                    List<PlotSeries> series = new ArrayList<>();
                    List<String> captions = new ArrayList<>();
                    captions.add("ketamine-pk: a teaching and review tool, not a dosing device.");
                    for (Run r : runs) {
                        series.add(new PlotSeries(runs.size() > 1 ? r.label() : "", r.result().profile()));
                        String prefix = runs.size() > 1 ? r.label() + ": " : "";
                        for (String w : Run.collapse(r.result().warnings(), 1)) {
                            captions.add(prefix + w);
                        }
                        for (String n : r.notes()) {
                            captions.add(prefix + n);
                        }
                    }
                    Scenario c = scenarios.get(scenarios.size() - 1);
                    JFreeChart chart = ConcentrationChart.create(new ChartRequest(current.title(), c.subtitle(),
                            series, current.logScale(), captions));
                    if (f.equals("png")) {
                        ChartFiles.writePng(chart, out, width, height);
                    } else {
                        ChartFiles.writeSvg(chart, out, width, height);
                    }
                }
            }
            return out.toByteArray();
        });
        sendFile(ex, "ketamine-pk." + f, f, body);
    }

    private static void sendFile(HttpExchange ex, String name, String format, byte[] body) throws IOException {
        String type = switch (format) {
            case "png" -> "image/png";
            case "svg" -> "image/svg+xml";
            case "csv" -> "text/csv; charset=utf-8";
            case "protocol" -> "text/plain; charset=utf-8";
            default -> "application/json; charset=utf-8";
        };
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
        send(ex, 200, type, body, body.length);
    }

    /** A computation that may be refused (busy) or cut short (too slow), both answered with 503. */
    private interface Work<T> {
        T call() throws IOException;
    }

    private String computed(Work<String> work) throws HttpError, IOException {
        return run(work);
    }

    private byte[] computedBytes(Work<byte[]> work) throws HttpError, IOException {
        return run(work);
    }

    private <T> T run(Work<T> work) throws HttpError, IOException {
        Future<T> f;
        try {
            f = compute.submit((Callable<T>) work::call);
        } catch (RejectedExecutionException e) {
            throw new HttpError(503, null, null, "the explorer is busy with other requests; try again in a moment");
        }
        try {
            return f.get(COMPUTE_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new HttpError(503, null, null, "the computation took longer than " + COMPUTE_TIMEOUT_S
                    + " s and was stopped; choose a shorter duration or a longer step");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, null, null, "the explorer is shutting down");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof InvalidInputException iie) {
                throw iie;
            }
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }

    private static void method(HttpExchange ex, String... allowed) throws HttpError {
        String m = ex.getRequestMethod();
        for (String a : allowed) {
            if (a.equals(m)) {
                return;
            }
        }
        ex.getResponseHeaders().set("Allow", String.join(", ", allowed));
        throw new HttpError(405, null, clip(m), "method " + clip(m) + " is not allowed here; use "
                + String.join(" or ", allowed));
    }

    /** Refuses parameter names that no scenario reads, so a typo is not silently ignored. */
    private static void checkKeys(Map<String, List<String>> p, List<String> extra) throws HttpError {
        for (String k : p.keySet()) {
            String base = k.startsWith("pin.") ? k.substring(4) : k;
            if (!Scenario.KEYS.contains(base) && !extra.contains(k)) {
                throw new HttpError(400, clip(k), null, "unknown parameter '" + clip(k) + "'; accepted: "
                        + String.join(", ", Scenario.KEYS) + ", " + String.join(", ", extra)
                        + " (and pin.NAME for the pinned scenario of an export)");
            }
        }
    }

    /** Parameters of the current scenario that an export with a pinned one applies to both: pin.NAME is refused. */
    static final List<String> PIN_SHARES = List.of("duration", "step", "log");

    /** Scenario parameters that {@code /api/export} does not write (the command line does). */
    private static final List<String> EXPORT_LEAVES_OUT = List.of("population", "seed", "endpoint");

    /** What a target request reads besides the target: the display columns, or a file format and image size. */
    private static final List<String> TARGET_EXTRA_KEYS = List.of("px", "format", "image-width", "image-height");

    /** Refuses parameter names that a target request does not read. */
    private static void checkTargetKeys(Map<String, List<String>> p) throws HttpError {
        for (String k : p.keySet()) {
            if (!TargetScenario.KEYS.contains(k) && !TARGET_EXTRA_KEYS.contains(k)) {
                throw new HttpError(400, clip(k), null, "unknown parameter '" + clip(k) + "'; accepted: "
                        + String.join(", ", TargetScenario.KEYS) + ", " + String.join(", ", TARGET_EXTRA_KEYS));
            }
        }
    }

    private static int integer(Map<String, List<String>> p, String key, int dflt, int min, int max) {
        String v = Scenario.one(p, key);
        if (v == null) {
            return dflt;
        }
        if (!v.matches("\\d{1,9}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
            throw new InvalidInputException(key, key + " must be a whole number of px between " + min + " and "
                    + max + " but was '" + clip(v) + "'");
        }
        return Integer.parseInt(v);
    }

    /** Query string and body parameters (a form, or a flat JSON object), bounded in size. */
    static Map<String, List<String>> params(HttpExchange ex) throws IOException, HttpError {
        Map<String, List<String>> p = new LinkedHashMap<>();
        String query = ex.getRequestURI().getRawQuery();
        if (query != null) {
            if (query.length() > MAX_BODY_BYTES) {
                throw new HttpError(413, null, null, "the query string is longer than " + MAX_BODY_BYTES + " bytes");
            }
            form(query, p);
        }
        ex.setAttribute(PARAMS, p);
        if (!"POST".equals(ex.getRequestMethod())) {
            return p;
        }
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null && (!length.matches("\\d{1,12}") || Long.parseLong(length) > MAX_BODY_BYTES)) {
            tooLarge(ex);
        }
        byte[] body = ex.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            tooLarge(ex);
        }
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
        String text = new String(body, StandardCharsets.UTF_8);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            form(text, p);
        } else if (type.startsWith("application/json")) {
            json(text, p);
        } else if (body.length > 0) {
            throw new HttpError(415, null, null, "a POST body must be application/json (a flat object) or "
                    + "application/x-www-form-urlencoded");
        }
        return p;
    }

    /**
     * Refuses a body that is too large. A client still sending when the answer comes may miss it, so a moderately
     * large body is read and dropped first (up to {@value #MAX_DRAINED_BYTES} bytes); beyond that the connection is
     * closed after the answer.
     */
    private static void tooLarge(HttpExchange ex) throws IOException, HttpError {
        long dropped = ex.getRequestBody().skip(MAX_DRAINED_BYTES);
        if (dropped >= MAX_DRAINED_BYTES) {
            ex.getResponseHeaders().set("Connection", "close");
        }
        throw new HttpError(413, null, null, "the request body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    private static void form(String text, Map<String, List<String>> p) throws HttpError {
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k;
            String v;
            try {
                k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, null, clip(pair), "malformed percent-encoding in '" + clip(pair) + "'");
            }
            add(p, k, v);
        }
    }

    /** Parameters that may be given more than once, as {@code --dose} and {@code --comed} repeat; also as pin.NAME. */
    static final List<String> REPEATABLE = List.of("dose", "comed");

    /**
     * Adds a value, refusing an empty one and a second value of a parameter that takes one, as the command line refuses
     * an empty option and a single-valued option given twice: the default or the last one would otherwise be taken
     * silently, wherever the values came from (query string, form, JSON array).
     */
    private static void add(Map<String, List<String>> p, String k, String v) throws HttpError {
        if (p.size() >= 200 && !p.containsKey(k)) {
            throw new HttpError(400, null, null, "too many parameters (at most 200)");
        }
        if (v.isBlank()) {
            // as the command line refuses --weight '': an empty value is not the default, which leaving the key out is
            throw new HttpError(400, clip(k), v, clip(k) + " is empty; give a value, or leave " + clip(k)
                    + " out for its default");
        }
        List<String> values = p.computeIfAbsent(k, x -> new ArrayList<>());
        if (!values.isEmpty() && !REPEATABLE.contains(k.startsWith("pin.") ? k.substring(4) : k)) {
            throw new HttpError(400, clip(k), clip(v), clip(k) + " was given twice ('" + clip(values.get(0))
                    + "' and '" + clip(v) + "'); give it once (only " + String.join(" and ", REPEATABLE)
                    + " may repeat)");
        }
        if (values.size() >= 100) {
            throw new HttpError(400, clip(k), null, "parameter '" + clip(k) + "' repeats more than 100 times");
        }
        values.add(v);
    }

    /**
     * Reads a flat JSON object. A key given twice is refused, whatever it is (JSON leaves its meaning open, and a
     * parser that keeps the last one would hide the first), and so is a null: "not given" is said by leaving the key
     * out, as an option left off the command line takes its default; a null more often comes from a client's empty
     * or undefined field, and would silently become a 70-kg adult.
     */
    private static void json(String text, Map<String, List<String>> p) throws HttpError {
        String problem = "a JSON body must be one flat object of strings, numbers, booleans or arrays of strings, "
                + "e.g. {\"protocol\": \"crps-schwartzman-2009\", \"weight\": 80}";
        try (JsonParser j = new JsonFactory().createParser(text)) {
            if (j.nextToken() != JsonToken.START_OBJECT) {
                throw new HttpError(400, null, null, problem);
            }
            Set<String> keys = new HashSet<>();
            JsonToken t;
            while ((t = j.nextToken()) == JsonToken.FIELD_NAME) {
                String k = j.getCurrentName();
                if (!keys.add(k)) {
                    throw new HttpError(400, clip(k), null, "the JSON body gives the key '" + clip(k) + "' twice; "
                            + "give each key once (several dose lines as an array: \"dose\": [\"bolus 10 mg\", "
                            + "\"bolus 20 mg at 1 h\"])");
                }
                JsonToken v = j.nextToken();
                if (v == JsonToken.START_ARRAY) {
                    while ((v = j.nextToken()) != JsonToken.END_ARRAY) {
                        if (v == JsonToken.VALUE_NULL) {
                            throw new HttpError(400, clip(k), null, clip(k) + " holds a null; give a value, or "
                                    + "leave " + clip(k) + " out for its default");
                        }
                        if (!v.isScalarValue()) {
                            throw new HttpError(400, clip(k), null, problem);
                        }
                        add(p, k, j.getText());
                    }
                } else if (v == JsonToken.VALUE_NULL) {
                    throw new HttpError(400, clip(k), null, clip(k) + " is null; give a value, or leave " + clip(k)
                            + " out for its default");
                } else if (v != null && v.isScalarValue()) {
                    add(p, k, j.getText());
                } else {
                    throw new HttpError(400, clip(k), null, problem);
                }
            }
            if (t != JsonToken.END_OBJECT || j.nextToken() != null) {
                throw new HttpError(400, null, null, problem);
            }
        } catch (IOException e) {
            throw new HttpError(400, null, null, "the body is not valid JSON: " + clip(ApiJson.oneLine(
                    e.getMessage())));
        }
    }

    private static void json(HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        send(ex, 200, "application/json; charset=utf-8", b, b.length);
    }

    private static void error(HttpExchange ex, int status, String field, String value, String message,
            InvalidInputException cause) throws IOException {
        byte[] b = ApiJson.error(status, field, value, message, cause).getBytes(StandardCharsets.UTF_8);
        send(ex, status, "application/json; charset=utf-8", b, b.length);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body, int length) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (body == null) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** @return at most 80 characters of untrusted text, for messages */
    static String clip(String s) {
        if (s == null) {
            return null;
        }
        String one = ApiJson.oneLine(s);
        return one.length() <= 80 ? one : one.substring(0, 80) + "…";
    }
}
