package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.library.Models;

/**
 * A {@link VariabilitySpec} built directly, as an embedding program may, accepts what {@link VariabilitySpec#parse}
 * accepts and refuses the rest in one line: before, its constructor took a CV of NaN (ω² NaN), a negative CV (its
 * sign lost in ln(1 + CV²)) and a correlation of a parameter without a CV (an ArrayIndexOutOfBoundsException later).
 */
class VariabilitySpecProperties {

    /** Every double a caller might pass as a CV, in percent. */
    @Provide
    Arbitrary<Double> anyCv() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1000, 1000), Arbitraries.of(Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, 1e300,
                VariabilitySpec.MIN_CV_PERCENT, VariabilitySpec.MAX_CV_PERCENT, Math.nextUp(
                        VariabilitySpec.MAX_CV_PERCENT)));
    }

    @Property(tries = 300)
    void aCvIsAcceptedExactlyWhenParseWouldAcceptIt(@ForAll("anyCv") double cv) {
        boolean valid = cv >= VariabilitySpec.MIN_CV_PERCENT && cv <= VariabilitySpec.MAX_CV_PERCENT;
        if (valid) {
            VariabilityModel v = VariabilityModel.published(Models.KAMP_2020).withAssumed(new VariabilitySpec(Map.of(
                    "CL", cv), List.of()));
            double w = v.omega()[0][0];
            assertTrue(w > 0 && Double.isFinite(w), () -> "ω² " + w + " for a CV of " + cv + " %");
        } else {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> new VariabilitySpec(Map.of(
                    "CL", cv), List.of()));
            assertTrue(e.getMessage().startsWith("variability CV of CL must be between 0.001 and 500 % but was "),
                    e::getMessage);
        }
    }

    @Property(tries = 300)
    void aCorrelationIsAcceptedExactlyWhenStrictlyBetweenMinusOneAndOne(@ForAll("anyCv") double percent) {
        double r = percent / 500;
        Map<String, Double> cvs = Map.of("CL", 30.0, "V1", 40.0);
        List<VariabilitySpec.Correlation> rs = List.of(new VariabilitySpec.Correlation("CL", "V1", r));
        if (r > -1 && r < 1) {
            assertEquals(r, new VariabilitySpec(cvs, rs).correlations().get(0).r());
        } else {
            assertThrows(InvalidInputException.class, () -> new VariabilitySpec(cvs, rs));
        }
    }

    @Example
    void correlationsNameParametersWithACvOnceEach() {
        Map<String, Double> cvs = Map.of("CL", 30.0, "V1", 40.0);
        assertEquals("variability correlation r(CL,Q) names Q, which has no CV in the same spec (add Q=CV%)",
                assertThrows(InvalidInputException.class, () -> new VariabilitySpec(cvs, List.of(
                        new VariabilitySpec.Correlation("CL", "Q", 0.5)))).getMessage());
        assertEquals("variability correlation must name two different parameters, as in r(CL,V1)=0.5, but named "
                + "r(CL,CL)", assertThrows(InvalidInputException.class, () -> new VariabilitySpec(cvs, List.of(
                        new VariabilitySpec.Correlation("CL", "CL", 0.5)))).getMessage());
        assertEquals("variability CVs is required but was missing", assertThrows(InvalidInputException.class,
                () -> new VariabilitySpec(null, List.of())).getMessage());
        // accepted before, and stated as "user assumption: " followed by nothing
        assertEquals("variability must name at least one parameter with its CV (e.g. CL=30%) but named none",
                assertThrows(InvalidInputException.class, () -> new VariabilitySpec(Map.of(), List.of()))
                        .getMessage());
        // the second correlation of a pair silently replaced the first
        assertEquals("variability correlation r(V1,CL) is given twice (in either order); give each pair once",
                assertThrows(InvalidInputException.class, () -> VariabilitySpec.parse(
                        "CL=30%,V1=40%,r(CL,V1)=0.5,r(V1,CL)=-0.5")).getMessage());
    }

    /**
     * A spec built from {@link Map#of}, whose order is salted per run of the JVM, draws the population the same spec
     * typed in name order draws: before, the terms followed the salted order, and so did the draws.
     */
    @Example
    void aSpecFromMapOfDrawsTheSamePopulationInEveryRun() {
        VariabilitySpec fromMapOf = new VariabilitySpec(Map.of("V1", 40.0, "V2", 20.0, "CL", 30.0, "Q2", 25.0,
                "Q3", 15.0), List.of());
        VariabilitySpec typed = VariabilitySpec.parse("CL=30%,Q2=25%,Q3=15%,V1=40%,V2=20%");
        assertEquals(List.copyOf(typed.cvPercent().keySet()), List.copyOf(fromMapOf.cvPercent().keySet()));
        VariabilityModel a = VariabilityModel.published(Models.KAMP_2020).withAssumed(fromMapOf);
        VariabilityModel b = VariabilityModel.published(Models.KAMP_2020).withAssumed(typed);
        for (int i = 0; i < 5; i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(b.sample(PatientStreams.forPatient(1, i)).eta(),
                    a.sample(PatientStreams.forPatient(1, i)).eta());
        }
        // an ordered map keeps its own order
        Map<String, Double> given = new java.util.LinkedHashMap<>();
        given.put("V1", 40.0);
        given.put("CL", 30.0);
        assertEquals(List.of("V1", "CL"), List.copyOf(new VariabilitySpec(given, List.of()).cvPercent().keySet()));
    }

    /** Assumptions made in two steps are stated as they stand after the second, once. */
    @Example
    void aSecondAssumptionIsStatedWithWhatItKeepsOfTheFirst() {
        VariabilityModel once = VariabilityModel.published(Models.KAMP_2020).withAssumed(VariabilitySpec.parse(
                "CL=30%,V1=40%,r(CL,V1)=0.5"));
        assertEquals("user assumption: CL CV 30 %, V1 CV 40 %; r(CL, V1) 0.5", once.provenance().get(0));
        VariabilityModel twice = once.withAssumed(VariabilitySpec.parse("CL=50%,Q2=20%"));
        // before, the first call's line stayed too, still naming CL at 30 % and its correlation with V1
        List<String> lines = twice.provenance().stream().filter(l -> l.startsWith("user assumption: ")).toList();
        assertEquals(List.of("user assumption: V1 CV 40 %, CL CV 50 %, Q2 CV 20 %"), lines);
        assertEquals(List.of("V1", "CL", "Q2"), twice.terms().stream().map(VariabilityModel.Term::parameter)
                .toList());
        assertEquals(0, twice.omega()[0][1]);
        VariabilityModel thrice = twice.withAssumed(VariabilitySpec.parse("Q3=10%"));
        assertEquals(List.of("user assumption: V1 CV 40 %, CL CV 50 %, Q2 CV 20 %, Q3 CV 10 %"), thrice.provenance()
                .stream().filter(l -> l.startsWith("user assumption: ")).toList());
    }
}
