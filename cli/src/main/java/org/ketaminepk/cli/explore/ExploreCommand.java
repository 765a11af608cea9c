package org.ketaminepk.cli.explore;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.ketaminepk.base.InvalidInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ketamine-pk explore}: a local web page where sliders redraw the curves. Runs until interrupted. */
@Command(name = "explore", sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        optionListHeading = "%nOptions:%n", descriptionHeading = "%n",
        versionProvider = ExploreCommand.Version.class,
        header = "Explore a protocol interactively in the browser: move a slider, see the curves change.",
        description = {
            "Starts a small web server on this computer and opens its page in the browser. The page simulates with "
                    + "the same models, patient options and dose grammar as 'simulate', draws ketamine and its "
                    + "metabolites with the concentration bands, lists the metrics, warnings and adjustments, pins a "
                    + "curve for comparison, keeps the scenario in its address (to share) and exports PNG, SVG, CSV "
                    + "and JSON. In target mode it shows the pump schedule of 'target', with a virtual population's "
                    + "band and distance from the target when asked, or the manual scheme of 'target --manual', and "
                    + "exports the files 'target' writes. "
                    + "Everything is served by the program itself; it works offline.",
            "",
            "By default only this computer can reach it (127.0.0.1). Stop it with Ctrl+C.",
            "",
            "A teaching and review tool, NOT a dosing device."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ketamine-pk explore",
            "  ketamine-pk explore --port 8080 --no-browser"})
public final class ExploreCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "Port to listen on, 0 for any free port (default 0).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default 127.0.0.1, this "
            + "computer only). Another address lets other computers reach the explorer.")
    String host = LOOPBACK;

    @Option(names = "--no-browser", description = "Print the address but do not open a browser.")
    boolean noBrowser;

    @Spec
    CommandSpec spec;

    static final String LOOPBACK = "127.0.0.1";

    /** The version line of {@code --version}, as the other commands print it. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ketamine-pk " + org.ketaminepk.cli.Main.version(),
                "A teaching and review tool, not a dosing device. Apache License 2.0."};
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new InvalidInputException("port", "--port must be between 0 and 65535 but was " + port);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("host", "--host '" + host + "' is not an address of this computer");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExplorerServer server;
        try {
            server = ExplorerServer.start(host, port);
        } catch (BindException e) {
            throw new InvalidInputException("port", "--port " + port + " on " + host + ": cannot listen there ("
                    + e.getMessage() + "); choose another port, or 0 for any free one");
        }
        if (!address.isLoopbackAddress()) {
            err.println("warning: --host " + host + " lets " + (address.isAnyLocalAddress()
                    ? "every computer that can reach this one on the network"
                    : "computers on the network of " + host) + " use the explorer; it has no login. Use the "
                    + "default (127.0.0.1) unless that is what you want.");
        }
        URI uri = server.uri();
        out.println("ketamine-pk explorer: " + uri + "  (Ctrl+C to stop; a teaching and review tool, not a dosing "
                + "device)");
        out.flush();
        err.flush();
        if (!noBrowser && !browse(uri)) {
            out.println("Open the address above in a browser.");
            out.flush();
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }

    /**
     * Opens the page with {@link Desktop} where the system has a desktop. The command line starts headless (it draws
     * charts without a display), so the flag is lifted here when a display is likely, before AWT looks at it.
     *
     * @return whether a browser was asked to open the page
     */
    static boolean browse(URI uri) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean display = os.contains("win") || os.contains("mac") || System.getenv("DISPLAY") != null
                || System.getenv("WAYLAND_DISPLAY") != null;
        if (!display) {
            return false;
        }
        try {
            System.setProperty("java.awt.headless", "false");
            if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
                    || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                return false;
            }
            Desktop.getDesktop().browse(uri);
            return true;
        } catch (IOException | RuntimeException | Error e) {
            return false;
        }
    }
}
