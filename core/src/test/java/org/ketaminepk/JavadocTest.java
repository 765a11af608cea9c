package org.ketaminepk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.math3.util.FastMath;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core's Javadoc builds without a doclint error or warning: every {@code @link} and {@code @throws} names a type the
 * reader can reach, and every {@code @param} names a parameter or record component that exists. The API reference is
 * what embedding developers read; a broken reference also fails {@code javadoc:javadoc}.
 */
class JavadocTest {
    private static Path locationOf(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void coreJavadocHasNoBrokenReferenceOrStaleParameter(@TempDir Path out) throws Exception {
        List<String> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("module-info.java"))
                    .map(Path::toString).sorted().toList();
        }
        assertFalse(sources.isEmpty());
        String classPath = Stream.of(FastMath.class, UniformRandomProvider.class, ZigguratSampler.class,
                RandomSource.class).map(c -> {
                    try {
                        return locationOf(c).toString();
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                }).distinct().collect(Collectors.joining(File.pathSeparator));
        List<String> args = new ArrayList<>(List.of("-quiet", "-Xdoclint:all,-missing", "-Xmaxwarns", "10000",
                "-encoding", "UTF-8", "--release", "17", "-cp", classPath, "-d", out.toString()));
        args.addAll(sources);
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(messages, true, StandardCharsets.UTF_8);
        int status = ToolProvider.findFirst("javadoc").orElseThrow().run(print, print, args.toArray(new String[0]));
        String text = messages.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text);
        assertFalse(text.contains("warning:"), text);
    }
}
