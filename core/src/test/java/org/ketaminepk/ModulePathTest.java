package org.ketaminepk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

import org.apache.commons.math3.util.FastMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;

/**
 * The compiled core works as the named module {@code org.ketaminepk.core}: its descriptor exports every package, and
 * a module that requires it compiles against it and runs in a JVM of its own from the module path alone (Commons
 * Math found as the automatic module {@code commons.math3}), printing the number that the same call gives here.
 */
class ModulePathTest {
    private static final String MODULE = "org.ketaminepk.core";

    private static final String CONSUMER_DESCRIPTOR = """
            module org.ketaminepk.consumer {
                requires org.ketaminepk.core;
                exports consumer;
            }
            """;

    /** The README's "Using the library" calls, one day of the CRPS infusion for a standard adult. */
    private static final String CONSUMER = """
            package consumer;

            import org.ketaminepk.Simulation;
            import org.ketaminepk.base.Analyte;
            import org.ketaminepk.base.TimeGrid;
            import org.ketaminepk.dosing.Dose;
            import org.ketaminepk.dosing.Rate;
            import org.ketaminepk.dosing.Regimen;
            import org.ketaminepk.library.Models;
            import org.ketaminepk.patient.Patient;

            public final class Peak {
                private Peak() {
                }

                public static void main(String[] args) {
                    Regimen r = Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25));
                    System.out.println(Simulation.run(Models.DEFAULT, Patient.standardAdult(), r,
                            TimeGrid.uniform(24, 1.0 / 60)).profile().series(Analyte.NORKETAMINE).cmaxNgPerMl());
                }
            }
            """;

    private static Path locationOf(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** core's compiled classes (a directory holding module-info.class), the Commons Math and Commons RNG jars. */
    private static List<Path> coreModulePath() throws URISyntaxException {
        List<Path> path = new java.util.ArrayList<>(List.of(locationOf(Simulation.class), locationOf(FastMath.class)));
        String running = System.getProperty("jdk.module.path", "") + File.pathSeparator
                + System.getProperty("java.class.path", "");
        for (String entry : running.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Path.of(entry).getFileName().toString().startsWith("commons-rng-")) {
                path.add(Path.of(entry));
            }
        }
        return path;
    }

    @Test
    void theDescriptorExportsEveryPackage() throws URISyntaxException {
        ModuleDescriptor d = ModuleFinder.of(locationOf(Simulation.class)).find(MODULE).orElseThrow().descriptor();
        Set<String> exported = d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(d.packages()), exported,
                "every package of core is API and must be exported in core/src/main/java/module-info.java");
        assertTrue(d.requires().stream().anyMatch(r -> r.name().equals("commons.math3")), d.requires().toString());
    }

    @Test
    void aModuleThatRequiresCoreCompilesAndRunsOnTheModulePath(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Path out = dir.resolve("out");
        Files.createDirectories(src.resolve("consumer"));
        Files.writeString(src.resolve("module-info.java"), CONSUMER_DESCRIPTOR);
        Files.writeString(src.resolve("consumer/Peak.java"), CONSUMER);
        String modulePath = coreModulePath().stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));

        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(messages, true, StandardCharsets.UTF_8);
        int status = ToolProvider.findFirst("javac").orElseThrow().run(print, print, "--release", "17", "-Werror",
                "--module-path", modulePath, "-d", out.toString(), src.resolve("module-info.java").toString(),
                src.resolve("consumer/Peak.java").toString());
        assertEquals(0, status, messages.toString(StandardCharsets.UTF_8));

        // A JVM of its own, as a user would launch it: core, Commons Math and the consumer on the module path only.
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(launcher.toString(), "--module-path",
                modulePath + File.pathSeparator + out, "-m", "org.ketaminepk.consumer/consumer.Peak")
                .redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), printed);
        double onModulePath = Double.parseDouble(printed);

        Regimen r = Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25));
        double here = Simulation.run(Models.DEFAULT, Patient.standardAdult(), r, TimeGrid.uniform(24, 1.0 / 60))
                .profile().series(Analyte.NORKETAMINE).cmaxNgPerMl();
        assertTrue(onModulePath > 0, "norketamine peak " + onModulePath);
        assertEquals(here, onModulePath);
    }

    /** The README's library snippet, with its imports, compiles against core as it stands. */
    @Test
    void theReadmeLibrarySnippetCompiles(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains("<artifactId>ketamine-pk-core</artifactId>"), "Maven coordinates");
        assertTrue(readme.contains("requires " + MODULE + ";"), "module name");
        int section = readme.indexOf("## Using the library");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String snippet = readme.substring(start, readme.indexOf("```", start));
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : snippet.split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        assertTrue(imports.length() > 0, "the snippet shows its imports");
        Path src = dir.resolve("snippet/Snippet.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package snippet;\n" + imports + "final class Snippet {\n    static void use() {\n"
                + body + "    }\n}\n");
        String classPath = coreModulePath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(messages, true, StandardCharsets.UTF_8);
        int status = ToolProvider.findFirst("javac").orElseThrow().run(print, print, "--release", "17", "-cp",
                classPath, "-d", dir.resolve("out").toString(), src.toString());
        assertEquals(0, status, messages.toString(StandardCharsets.UTF_8));
    }
}
