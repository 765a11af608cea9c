package org.ketaminepk.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.dosing.DrugSalt;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.Schedule;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;
import org.ketaminepk.protocol.Protocol;
import org.ketaminepk.protocol.ProtocolText;
import org.ketaminepk.result.Profile;
import org.ketaminepk.result.Series;

/**
 * Whatever dose text, protocol text or builder value arrives, the library either refuses it with an {@link
 * InvalidInputException} or simulates it: no other exception, no NaN or infinity, no negative concentration, and
 * every micromole the regimen reports as given enters the body (mole balance). Bounded to a few seconds: small
 * output grids, a few hundred tries each.
 */
class FuzzProperties {
    private static final List<PublishedModel> MODELS = List.of(Models.DEFAULT, Models.DOMINO_1984,
            Models.PEREZ_RUIXO_2021);
    private static final List<Patient> PATIENTS = List.of(Patient.standardAdult(), new Patient(0.5, 0.5, 45, Sex.MALE),
            new Patient(120, 350, 250, Sex.FEMALE));

    // ------------------------------------------------------------------------------------------- generators

    /** Mostly numbers in {@code [lo, hi]} as people type them, sometimes an extreme or a malformed one. */
    private static Arbitrary<String> number(double lo, double hi) {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.doubles().between(lo, hi).ofScale(2).filter(x -> x > 0)
                        .map(FuzzProperties::plain)),
                Tuple.of(2, Arbitraries.of("0", "0.0", "00.5", ".5", "0.000000000000001", "0.0000000036", "0.0000001",
                        "99999999999999999999", "1e3", "10000", "10000.0001", "87660", "87661", "720", "720.0001",
                        "1000", "1000.001", "20", "20.001", "100", "100.0001", "43200", "2592000", "1.2.3")));
    }

    private static String plain(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    private static Arbitrary<String> time(String keyword, double lo, double hi, String unit) {
        return Combinators.combine(number(lo, hi), Arbitraries.frequency(Tuple.of(9, unit), Tuple.of(1, "s"),
                Tuple.of(1, "d"), Tuple.of(1, "years"))).as((n, u) -> keyword + " " + n + " " + u);
    }

    /**
     * Dose specifications from the grammar: one dose form with optional start, repeat, cap and salt in any order,
     * and one time in three a mutation (a part dropped, doubled or foreign).
     */
    @Provide
    Arbitrary<String> doseTexts() {
        Arbitrary<List<String>> bolus = Combinators.combine(number(0.01, 50), Arbitraries.of("mg", "µg", "mg/kg",
                "mcg/kg")).as((n, u) -> List.of("bolus", n + " " + u));
        Arbitrary<List<String>> overTime = Combinators.combine(number(0.01, 50), Arbitraries.of("mg", "mg/kg", "ug/kg"),
                time("over", 0.5, 600, "min")).as((n, u, t) -> List.of(n + " " + u, t));
        Arbitrary<List<String>> rate = Combinators.combine(number(0.01, 40), Arbitraries.of("mg/h", "mg/min",
                "mg/kg/h", "µg/kg/min", "ug/kg/h"), time("for", 0.1, 96, "h")).as((n, u, t) -> List.of(n + " " + u, t));
        Arbitrary<List<String>> route = Combinators.combine(Arbitraries.of("oral", "sublingual", "buccal",
                "intranasal", "im", "sc", "iv"), number(1, 100), Arbitraries.of("mg", "mg/kg"))
                .as((r, n, u) -> List.of(r, n + " " + u));
        Arbitrary<String> at = time("at", 0, 500, "h");
        Arbitrary<String> repeat = Arbitraries.oneOf(
                Combinators.combine(time("every", 1, 48, "h"), number(1, 30)).as((e, k) -> e + " x" + k),
                number(1, 12).map(k -> "daily x" + k), number(1, 6).map(k -> "weekly ×" + k));
        Arbitrary<String> cap = number(1, 60).map(n -> "max " + n + " mg/h");
        Arbitrary<String> salt = Arbitraries.of("HCl", "hydrochloride", "base", "ketamine");
        Arbitrary<String> foreign = Arbitraries.of("bolus", "over 10 min", "for 2 h", "20 mg", "mg", "x3", "at",
                "pronto", "-1", "@", "g", "oral");
        Arbitrary<List<String>> optional = Combinators.combine(at.injectNull(0.5), repeat.injectNull(0.6),
                cap.injectNull(0.8), salt.injectNull(0.8)).as((a, r, c, x) -> {
                    List<String> out = new ArrayList<>();
                    for (String o : new String[] {a, r, c, x}) {
                        if (o != null) {
                            out.add(o);
                        }
                    }
                    return out;
                });
        return Combinators.combine(Arbitraries.oneOf(bolus, overTime, rate, route), optional, Arbitraries.randoms(),
                foreign, Arbitraries.integers().between(0, 2)).as((form, opts, random, extra, mutation) -> {
                    List<String> parts = new ArrayList<>(form);
                    parts.addAll(opts);
                    Collections.shuffle(parts, random);
                    if (random.nextInt(3) == 0) {
                        switch (mutation) {
                            case 0 -> parts.remove(random.nextInt(parts.size()));
                            case 1 -> parts.add(parts.get(random.nextInt(parts.size())));
                            default -> parts.add(random.nextInt(parts.size() + 1), extra);
                        }
                    }
                    return String.join(random.nextBoolean() ? " " : ", ", parts);
                });
    }

    /** Protocol texts: usually a name line, dose lines from the grammar, comments and blank lines; sometimes junk. */
    @Provide
    Arbitrary<String> protocolTexts() {
        Arbitrary<String> line = Arbitraries.frequencyOf(Tuple.of(6, doseTexts()), Tuple.of(1, Arbitraries.of("",
                "# a comment", "   ", "bolus 20 mg # loading dose")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(20)));
        Arbitrary<String> name = Arbitraries.frequency(Tuple.of(5, "CRPS course\n"), Tuple.of(1, ""),
                Tuple.of(1, "# only a comment\n"));
        return Combinators.combine(name, line.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of("\n", "\r\n"))
                .as((n, ls, eol) -> n + String.join(eol, ls));
    }

    /** Doubles a builder may be handed: mostly ordinary values in {@code [lo, hi]}, sometimes a limit or worse. */
    private static Arbitrary<Double> value(double lo, double hi) {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.doubles().between(lo, hi).ofScale(4)),
                Tuple.of(2, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
                        Double.MIN_VALUE, Double.MAX_VALUE, -1.0, 1e-300, 1e300, 1e-12, Dose.MIN_INFUSION_H,
                        Math.nextDown(Dose.MIN_INFUSION_H), Dose.MAX_INFUSION_H, Dose.MAX_TIME_H,
                        Dose.MAX_TIME_H - 1e-9, Math.nextUp(Dose.MAX_TIME_H), Rate.MAX_MG_PER_H, Amount.MAX_MG,
                        Math.nextUp(Amount.MAX_MG), 65_536.0, 10_000.0)));
    }

    @Provide
    Arbitrary<Double> values() {
        return value(0, 1000);
    }

    @Provide
    Arbitrary<Double> intervals() {
        return value(0, 72);
    }

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(1, 10)), Tuple.of(2,
                Arbitraries.of(Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE, 100, 10_001, 100_000, 1 << 20)));
    }

    /** A builder call, described for the report of a failing try. */
    record Recipe(String call, Supplier<Dose> make) {
        @Override
        public String toString() {
            return call;
        }
    }

    /** One to three doses from the library builders with the values above: any kind, unit, salt and cap. */
    @Provide
    Arbitrary<List<Recipe>> builderDoses() {
        Arbitrary<Double> v = value(0, 50);
        Arbitrary<Double> t = value(0, 200);
        Arbitrary<Double> d = value(0.001, 48);
        Arbitrary<Recipe> bolus = Combinators.combine(v, Arbitraries.of(Amount.Unit.values()), t)
                .as((x, u, at) -> new Recipe("bolus(" + x + " " + u + ", " + at + ")",
                        () -> Dose.bolus(new Amount(x, u), at)));
        Arbitrary<Recipe> overTime = Combinators.combine(v, Arbitraries.of(Amount.Unit.values()), d, t)
                .as((x, u, dur, at) -> new Recipe("infusion(" + x + " " + u + ", " + dur + ", " + at + ")",
                        () -> Dose.infusion(new Amount(x, u), dur, at)));
        Arbitrary<Recipe> rate = Combinators.combine(v, Arbitraries.of(Rate.Unit.values()), d, t, value(1, 100))
                .as((x, u, dur, at, cap) -> new Recipe("infusion(" + x + " " + u + ", " + dur + ", " + at
                        + ").cap(" + cap + ").HCl", () -> Dose.infusion(new Rate(x, u), dur, at).withCapMgPerH(cap)
                                .withSalt(DrugSalt.HYDROCHLORIDE)));
        Arbitrary<Recipe> extravascular = Combinators.combine(Arbitraries.of(Route.values()), v,
                Arbitraries.of(Amount.Unit.values()), t).as((r, x, u, time) -> new Recipe("extravascular(" + r
                        + ", " + x + " " + u + ", " + time + ")", () -> Dose.extravascular(r, new Amount(x, u), time)));
        return Arbitraries.oneOf(bolus, overTime, rate, extravascular).list().ofMinSize(1).ofMaxSize(3);
    }

    // ------------------------------------------------------------------------------------------- properties

    @Property(tries = 200)
    void doseTextsAreSimulatedOrRefused(@ForAll("doseTexts") String text, @ForAll("models") PublishedModel model,
            @ForAll("patients") Patient patient) {
        refusedOrSound(() -> DoseParser.parse(text), model, patient);
        Statistics.coverage(c -> c.check("simulated").percentage(p -> p >= 10));
    }

    @Property(tries = 300)
    void randomTextIsRefusedOrSimulated(@ForAll @StringLength(max = 60) String text) {
        refusedOrSound(() -> DoseParser.parse(text), Models.DEFAULT, Patient.standardAdult());
    }

    @Property(tries = 100)
    void protocolTextsAreSimulatedOrRefused(@ForAll("protocolTexts") String text,
            @ForAll("models") PublishedModel model) {
        refusedOrSound(() -> {
            Protocol p = ProtocolText.parse(text, "fuzz.txt");
            return p.regimen();
        }, model, Patient.standardAdult());
        // one refused line refuses the whole protocol, so fewer get through than single doses
        Statistics.coverage(c -> c.check("simulated").percentage(p -> p >= 2));
    }

    @Property(tries = 80)
    void builderValuesAreSimulatedOrRefused(@ForAll("builderDoses") List<Recipe> doses,
            @ForAll("intervals") double intervalH, @ForAll("counts") int count, @ForAll("intervals") double shiftH,
            @ForAll("models") PublishedModel model, @ForAll("patients") Patient patient) {
        refusedOrSound(() -> {
            List<Dose> built = new ArrayList<>();
            for (Recipe d : doses) {
                built.add(d.make().get());
            }
            Regimen block = Regimen.of(built);
            return Regimen.repeat(block, intervalH, count).then(block, shiftH);
        }, model, patient);
        Statistics.coverage(c -> c.check("simulated").percentage(p -> p >= 5));
    }

    @Provide
    Arbitrary<PublishedModel> models() {
        return Arbitraries.of(MODELS);
    }

    @Provide
    Arbitrary<Patient> patients() {
        return Arbitraries.of(PATIENTS);
    }

    // ------------------------------------------------------------------------------------------- checks

    /** Builds the regimen and simulates it; only an InvalidInputException may stop either step. */
    private static void refusedOrSound(Supplier<Regimen> build, PublishedModel model, Patient patient) {
        Regimen r;
        try {
            r = build.get();
        } catch (InvalidInputException e) {
            assertOneLine(e.getMessage());
            Statistics.collect("refused");
            return;
        }
        if (!observable(r)) {
            Statistics.collect("at the horizon");
            return;
        }
        SimulationResult result;
        TimeGrid grid = grid(r);
        try {
            result = Simulation.run(model, patient, r, grid);
        } catch (InvalidInputException e) {
            // e.g. a route the model does not take
            assertOneLine(e.getMessage());
            Statistics.collect("refused by the model");
            return;
        }
        assertSound(result, r, grid);
        Statistics.collect("simulated");
    }

    /**
     * A small grid: 0, each dose's start and end, the first hours after each dose, and a day after the last dose (or
     * the longest simulated time). The points near the peaks are deliberate: {@code Profile.of} judges solver
     * round-off against the largest sampled concentration, so a grid that misses every peak turns a −1e-14 ng/mL
     * round-off into an IllegalStateException (racemic-composite, 0.5-kg patient: "1.06 mg, im" on the grid 0, 24 h;
     * perez-ruixo-2021, standard adult: "bolus 0.01 mg at 87660 h" on the grid 0, 87660 h, where norketamine is
     * sampled only before it forms). That is the result code's to fix, not the dosing code's tested here; for the
     * same reason regimens that start within hours of the ten-year horizon, where no point can follow the dose, are
     * left out of these properties (the dosing properties in {@code ShortInfusionProperties} cover them).
     */
    private static TimeGrid grid(Regimen r) {
        double end = Math.min(TimeGrid.MAX_TIME_H, Math.max(r.endH(), 1) + 24);
        TreeSet<Double> t = new TreeSet<>(List.of(0.0, end));
        for (Dose d : r.doses()) {
            t.add(Math.min(d.timeH(), end));
            t.add(Math.min(d.endH(), end));
            for (double after : new double[] {0.25, 0.5, 1, 2, 4}) {
                t.add(Math.min(d.endH() + after, end));
            }
        }
        return TimeGrid.of(t.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Whether a point four hours after every dose fits before the longest simulated time (see {@link #grid}). */
    private static boolean observable(Regimen r) {
        return r.endH() + 4 <= TimeGrid.MAX_TIME_H;
    }

    private static void assertOneLine(String m) {
        assertTrue(m != null && !m.isBlank(), "a refusal says why");
        assertFalse(m.contains("\n") || m.contains("\r"), m);
    }

    /**
     * The failure messages are built only on failure: a regimen of ten thousand doses describes itself in a long
     * string, and building it at every grid point made one try quadratic in the number of doses (a CI run stalled for
     * an hour and a half on "every 1 h x10000").
     */
    private static void assertSound(SimulationResult result, Regimen r, TimeGrid grid) {
        Profile p = result.profile();
        for (Analyte a : p.analytes()) {
            Series s = p.series(a);
            for (int i = 0; i < s.size(); i++) {
                double c = s.ngPerMl(i);
                double t = s.timeH(i);
                assertTrue(Double.isFinite(c) && c >= 0, () -> a + " concentration " + c + " at " + t + " h for "
                        + r);
            }
            double auc = s.aucNgHPerMl();
            assertTrue(Double.isFinite(auc) && auc >= 0, () -> a + " AUC " + auc + " for " + r);
        }
        for (Warning w : result.warnings()) {
            assertFalse(w.message().contains("NaN") || w.message().contains("Infinity"), w.message());
        }
        int last = p.size() - 1;
        double given = p.inputUmol(last);
        assertTrue(Double.isFinite(given) && given >= 0, "given " + given);
        for (int i = 0; i <= last; i++) {
            assertEquals(0, p.massBalanceErrorUmol(i), 1e-9 * Math.max(given, 1e-12), () -> "mole balance for " + r);
        }
        double weightKg = result.individual().patient().weightKg();
        Schedule schedule = r.schedule(result.individual().system(), weightKg);
        double[] events = schedule.eventTimes();
        if (events.length > 0 && events[events.length - 1] <= grid.endH()) {
            double reported = Analyte.KETAMINE.mgToUmol(r.totalMg(weightKg));
            // the same floor as the mole balance above: a dose rate near the smallest double (4.9e-324 mg/h) is
            // delivered to within the doubles' resolution there, one subnormal step, not to a relative 1e-9
            assertEquals(reported, given, 1e-9 * Math.max(reported, 1e-12), () -> "delivered against reported for "
                    + r);
        }
    }
}
