package org.ketaminepk.cli.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ketaminepk.model.Provenance;
import org.ketaminepk.model.ResidualError;
import org.ketaminepk.model.Variability;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.population.VariabilityModel.Origin;

/**
 * The terms of a population run's variability as the terminal shows them: each random effect and residual error with
 * its value, and its source said once for every set of terms that share it (a heading line "published: Simons 2022
 * Table 4, ...:", then one short line per term with only what is particular to it). Every fact of
 * {@link VariabilityModel#provenance()} is kept (that list, one full line per term, goes to JSON); only the repetition
 * goes.
 *
 * <p>Not for JSON or CSV, which keep the full per-term lines for scripts.
 */
final class VariabilityText {
    /** Where a source may be cut: the shared part ends before one of these. */
    private static final String[] SEPARATORS = {", ", "; ", ": ", " ("};
    /** A shared source shorter than this names no source ("published; "): such terms keep their own lines. */
    private static final int MIN_SHARED = 12;
    /** Indent of a heading line, and of the lines of a term that has no heading. */
    private static final String HEADING = "  ";
    /** Indent of a term under its heading. */
    private static final String TERM = "    ";

    private VariabilityText() {
    }

    /** One printed term: what it is, where it comes from, and the covariance lines that follow it. */
    private record Entry(String head, Origin origin, String source, boolean occasion, List<String> covariances) {
    }

    /** Terms of one origin that share a source. */
    private static final class Group {
        final Origin origin;
        final List<Entry> entries = new ArrayList<>();

        Group(Origin origin) {
            this.origin = origin;
        }

        List<String> sources() {
            return entries.stream().map(Entry::source).toList();
        }
    }

    /** Prints the statements, then each group of terms under its shared source, wrapped to 100 columns. */
    static void write(PrintWriter w, VariabilityModel v) {
        for (String s : lines(v)) {
            w.println(s);
        }
    }

    /** @return the printed lines, each at most 100 characters (a single word longer than that stays whole) */
    static List<String> lines(VariabilityModel v) {
        List<String> out = new ArrayList<>();
        for (String s : v.statements()) {
            wrap(out, HEADING, HEADING, s);
        }
        for (Group g : groups(entries(v))) {
            if (g.entries.size() == 1) {
                Entry e = g.entries.get(0);
                wrap(out, HEADING, HEADING + "  ", e.head() + ", " + g.origin.label() + ": " + e.source());
                for (String c : e.covariances()) {
                    wrap(out, HEADING, HEADING + "  ", c + ", " + g.origin.label());
                }
                continue;
            }
            int shared = sharedPrefix(g.sources());
            String source = g.sources().get(0).substring(0, shared);
            String heading = source.startsWith(g.origin.label() + "; ")
                    ? source.substring(g.origin.label().length() + 2) : source;
            wrap(out, HEADING, HEADING, g.origin.label() + ": " + heading + ":");
            for (Entry e : g.entries) {
                String own = particular(e.source().substring(shared), e.occasion());
                wrap(out, TERM, TERM + "  ", own.isEmpty() ? e.head() : e.head() + "; " + own);
                for (String c : e.covariances()) {
                    wrap(out, TERM, TERM + "  ", c);
                }
            }
        }
        return out;
    }

    private static List<Entry> entries(VariabilityModel v) {
        List<Entry> out = new ArrayList<>();
        double[][] omega = v.omega();
        List<VariabilityModel.Term> terms = v.terms();
        for (int i = 0; i < terms.size(); i++) {
            VariabilityModel.Term t = terms.get(i);
            List<String> cov = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (omega[i][j] != 0) {
                    cov.add(String.format(Locale.ROOT, "cov(%s, %s) = %.4g (r = %.2f)", terms.get(j).parameter(),
                            t.parameter(), omega[i][j], omega[i][j] / Math.sqrt(omega[i][i] * omega[j][j])));
                }
            }
            String head = String.format(Locale.ROOT, "ω²(%s) = %.4g%s, %s scale", t.parameter(), t.omegaSquared(),
                    t.scale() == Variability.Scale.LOG ? String.format(Locale.ROOT, " (CV %.1f %%)", t.cvPercent())
                            : "", t.scale().label());
            out.add(new Entry(head, t.origin(), t.source(), false, cov));
        }
        for (VariabilityModel.Term t : v.occasionTerms()) {
            out.add(new Entry(String.format(Locale.ROOT, "ν²(%s) = %.4g, between occasions, %s scale", t.parameter(),
                    t.omegaSquared(), t.scale().label()), t.origin(), t.source(), true, List.of()));
        }
        for (ResidualError e : v.residualErrors().values()) {
            String head = String.format(Locale.ROOT, "residual error of %s: %s, proportional SD %.4g, additive SD %.4g "
                    + "ng/mL", e.analyte().label(), e.type().name().toLowerCase(Locale.ROOT), e.proportionalSd(),
                    e.additiveSdNgPerMl());
            Origin origin = v.model().composite() && e.source().startsWith("borrowed") ? Origin.BORROWED
                    : Origin.PUBLISHED;
            out.add(new Entry(head, origin, e.provenance().label() + "; " + e.source(), false, List.of()));
        }
        return out;
    }

    /** Each entry joins the first group of its origin with which it still shares a source, else starts one. */
    private static List<Group> groups(List<Entry> entries) {
        List<Group> out = new ArrayList<>();
        for (Entry e : entries) {
            Group home = null;
            for (Group g : out) {
                if (g.origin == e.origin()) {
                    List<String> with = new ArrayList<>(g.sources());
                    with.add(e.source());
                    if (namesASource(with.get(0).substring(0, sharedPrefix(with)))) {
                        home = g;
                        break;
                    }
                }
            }
            if (home == null) {
                home = new Group(e.origin());
                out.add(home);
            }
            home.entries.add(e);
        }
        return out;
    }

    /** @return whether a shared start says more than how a number was obtained ("third-party transcription") */
    private static boolean namesASource(String shared) {
        return shared.length() >= MIN_SHARED && Arrays.stream(Provenance.values()).noneMatch(p -> p.label()
                .equals(shared));
    }

    /**
     * @return the length of the longest start that every source shares and after which each one ends or goes on with
     *         a separator (so that no word or number is cut)
     */
    static int sharedPrefix(List<String> sources) {
        String first = sources.get(0);
        int p = first.length();
        for (String s : sources) {
            int i = 0;
            while (i < p && i < s.length() && s.charAt(i) == first.charAt(i)) {
                i++;
            }
            p = i;
        }
        for (; p > 0; p--) {
            if (allCutAt(sources, p)) {
                return p;
            }
        }
        return 0;
    }

    private static boolean allCutAt(List<String> sources, int p) {
        for (String s : sources) {
            if (p != s.length() && !separatorAt(s, p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean separatorAt(String s, int p) {
        for (String sep : SEPARATORS) {
            if (s.startsWith(sep, p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return what is left of a source after the shared part, without its leading separator or enclosing brackets;
     *         for a between-occasion term, without the bare "ν²" its line already starts with
     */
    static String particular(String rest, boolean occasion) {
        String s = rest;
        for (String sep : SEPARATORS) {
            if (s.startsWith(sep)) {
                s = s.substring(sep.length() - (sep.equals(" (") ? 1 : 0));
                break;
            }
        }
        s = unbracketed(s.strip());
        if (occasion && s.startsWith("ν²")) {
            String after = s.substring(2).strip();
            if (after.isEmpty() || after.startsWith("(")) {
                s = unbracketed(after);
            }
        }
        return s;
    }

    /** @return "x" for "(x)" when the brackets enclose the whole text, else the text */
    private static String unbracketed(String s) {
        if (!s.startsWith("(") || !s.endsWith(")")) {
            return s;
        }
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            depth += s.charAt(i) == '(' ? 1 : s.charAt(i) == ')' ? -1 : 0;
            if (depth == 0 && i < s.length() - 1) {
                return s;
            }
        }
        return s.substring(1, s.length() - 1);
    }

    private static void wrap(List<String> out, String first, String rest, String text) {
        List<String> lines = Text.wrap(text, 100 - rest.length());
        for (int i = 0; i < lines.size(); i++) {
            out.add((i == 0 ? first : rest) + lines.get(i));
        }
    }
}
