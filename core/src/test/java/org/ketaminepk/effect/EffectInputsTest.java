package org.ketaminepk.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.patient.Patient;

/** Values an embedding program may pass to the effect package: refused in one line, or answered correctly. */
class EffectInputsTest {
    private static final IndividualModel KAMP = Simulation.standard().individualize(Models.KAMP_2020,
            Patient.standardAdult());

    @Test
    void concentrationEffectModelsRefuseWhatTheyCannotUse() {
        assertEquals("E0 must be a number from -1e9 to 1e9 in the endpoint's unit but was NaN", assertThrows(
                InvalidInputException.class, () -> new ConcentrationEffect.SigmoidEmax(Double.NaN, 1, 50, 2, true))
                .getMessage());
        assertEquals("Emax must be a change from baseline other than 0 (below or above it) but was 0", assertThrows(
                InvalidInputException.class, () -> new ConcentrationEffect.SigmoidEmax(0, 0, 50, 2, true))
                .getMessage());
        assertEquals("effect at the reference concentration must be a number from -1e9 to 1e9 in the endpoint's unit "
                + "but was Infinity", assertThrows(InvalidInputException.class, () -> new ConcentrationEffect.Linear(0,
                        Double.POSITIVE_INFINITY, 10)).getMessage());
        // a slope near 1e300 per ng/mL used to overflow to an infinite effect
        assertThrows(InvalidInputException.class, () -> new ConcentrationEffect.Linear(0, 1e300, 1));
        assertThrows(InvalidInputException.class, () -> new ConcentrationEffect.Linear(0, 1, 1e-300));
        ConcentrationEffect steepest = new ConcentrationEffect.Linear(-1e9, 1e9, 1e-6);
        assertTrue(Double.isFinite(steepest.effect(1e6)), () -> "effect " + steepest.effect(1e6));
        assertThrows(InvalidInputException.class, () -> steepest.effect(Double.POSITIVE_INFINITY));
        ConcentrationEffect emax = new ConcentrationEffect.SigmoidEmax(0, 1, 50, 2, true);
        ConcentrationEffect linear = new ConcentrationEffect.Linear(1, 1, 50);
        for (ConcentrationEffect m : new ConcentrationEffect[] {emax, linear}) {
            assertEquals("concentration must be at least 0 ng/mL but was NaN ng/mL", assertThrows(
                    InvalidInputException.class, () -> m.effect(Double.NaN)).getMessage());
            assertEquals("concentration must be at least 0 ng/mL but was -1 ng/mL", assertThrows(
                    InvalidInputException.class, () -> m.effect(-1)).getMessage());
            assertEquals(m.baseline(), m.effect(-0.0));
        }
        assertEquals(0.5, emax.effect(50), 1e-15);
    }

    @Test
    void missingArgumentsAreNamed() {
        Endpoint e = Endpoints.all().get(0);
        // a null drug form was read as S-ketamine and answered
        assertEquals("drug form is required but was missing", assertThrows(InvalidInputException.class,
                () -> EffectSimulation.steadyStateEffect(e, null, 10, 0.5)).getMessage());
        assertEquals("endpoint is required but was missing", assertThrows(InvalidInputException.class,
                () -> EffectSimulation.steadyStateEffect(null, org.ketaminepk.model.DrugForm.RACEMIC, 10, 0.5))
                .getMessage());
        org.ketaminepk.dosing.Regimen none = org.ketaminepk.dosing.Regimen.of(org.ketaminepk.dosing.Dose.bolus(
                org.ketaminepk.dosing.Amount.mg(1), 0));
        org.ketaminepk.base.TimeGrid grid = org.ketaminepk.base.TimeGrid.uniform(1, 0.5);
        assertEquals("individual model is required but was missing", assertThrows(InvalidInputException.class,
                () -> EffectSites.concentrations(null, none, grid, 1)).getMessage());
        assertEquals("regimen is required but was missing", assertThrows(InvalidInputException.class,
                () -> EffectSites.concentrations(KAMP, null, grid, 1)).getMessage());
        assertEquals("grid is required but was missing", assertThrows(InvalidInputException.class,
                () -> EffectSites.concentrations(KAMP, none, null, 1)).getMessage());
        assertEquals("individual model is required but was missing", assertThrows(InvalidInputException.class,
                () -> EffectSites.ke0ForTimeToPeakPerH(null, 1)).getMessage());
    }

    @Test
    void timeToPeakIsRefusedWhereItWouldBeRoundOff() {
        // a ke0 of 1e-30 /h read as a peak at 175 h, the same as 1e-100 and 1e-300: the peak had left the doubles
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EffectSites.timeToPeakH(KAMP,
                1e-30));
        assertEquals("ke0 must be between 0.001 and 10000 1/h but was 1.000e-30", e.getMessage());
        // from the smallest ke0 accepted down to 1e-10 /h the peak moves by the same time per decade of ke0
        double perDecade = EffectSites.timeToPeakH(KAMP, 1e-3) - EffectSites.timeToPeakH(KAMP, 1e-2);
        assertTrue(perDecade > 5 && perDecade < 15, () -> "time to peak per decade of ke0: " + perDecade + " h");
    }

    /** A bare IllegalArgumentException before, and an infinite ke0 was taken as evidence. */
    @Test
    void linkEvidenceRefusesWhatDoesNotFitItsKindInOneLine() {
        Optional<String> noModel = Optional.empty();
        assertEquals("ke0 must be greater than 0 and at most 10000 1/h but was Infinity", assertThrows(
                InvalidInputException.class, () -> new LinkEvidence(LinkEvidence.Kind.FITTED_OUTSIDE_LIBRARY, noModel,
                        OptionalDouble.of(Double.POSITIVE_INFINITY), "test")).getMessage());
        assertThrows(InvalidInputException.class, () -> new LinkEvidence(LinkEvidence.Kind.FITTED_OUTSIDE_LIBRARY,
                noModel, OptionalDouble.of(0), "test"));
        assertThrows(InvalidInputException.class, () -> new LinkEvidence(LinkEvidence.Kind.FITTED_OUTSIDE_LIBRARY,
                noModel, OptionalDouble.of(Double.NaN), "test"));
        assertEquals("a ke0 must be given for FITTED_OUTSIDE_LIBRARY but none was given", assertThrows(
                InvalidInputException.class, () -> new LinkEvidence(LinkEvidence.Kind.FITTED_OUTSIDE_LIBRARY, noModel,
                        OptionalDouble.empty(), "test")).getMessage());
        assertEquals("ke0 must be absent when no equilibration constant was found but was 1 1/h", assertThrows(
                InvalidInputException.class, () -> new LinkEvidence(LinkEvidence.Kind.NOT_FOUND, noModel,
                        OptionalDouble.of(1), "test")).getMessage());
        assertEquals("a PK model id must be given for a ke0 fitted with a library model and only then, but none was "
                + "given for FITTED_IN_LIBRARY", assertThrows(InvalidInputException.class, () -> new LinkEvidence(
                        LinkEvidence.Kind.FITTED_IN_LIBRARY, noModel, OptionalDouble.of(1), "test")).getMessage());
        assertThrows(InvalidInputException.class, () -> new LinkEvidence(LinkEvidence.Kind.NOT_FOUND, null,
                OptionalDouble.empty(), "test"));
        assertEquals(OptionalDouble.of(1), new LinkEvidence(LinkEvidence.Kind.FITTED_IN_LIBRARY,
                Optional.of("domino-1984"), OptionalDouble.of(1), "test").ke0PerH());
    }

    /** What an endpoint's sources do not give is empty, for every endpoint of the library. */
    @Test
    void linkEvidenceHoldsAKe0AndAModelIdExactlyWhenItsKindHasThem() {
        for (Endpoint e : Endpoints.all()) {
            LinkEvidence l = e.link();
            assertEquals(l.kind() != LinkEvidence.Kind.NOT_FOUND, l.ke0PerH().isPresent(), e::id);
            assertEquals(l.kind() == LinkEvidence.Kind.FITTED_IN_LIBRARY, l.pkModelId().isPresent(), e::id);
        }
        LinkEvidence schuttler = Endpoints.SCHUTTLER_1987_EEG.link();
        assertEquals(OptionalDouble.empty(), schuttler.ke0PerH());
        LinkEvidence navarrete = Endpoints.NAVARRETE_2025_ANI.link();
        assertEquals(Optional.of("domino-1984"), navarrete.pkModelId());
        assertEquals(0.238 * 60, navarrete.ke0PerH().getAsDouble(), 1e-12);
    }

    /** Written before as "ke0 NaN /min (t½ NaN min)" and "ke0 0 /day (t½ Infinity days)". */
    @Test
    void describingAKe0RefusesOneThatIsNotOne() {
        for (double ke0 : new double[] {Double.NaN, 0, -1, Double.POSITIVE_INFINITY}) {
            assertTrue(assertThrows(InvalidInputException.class, () -> EffectLink.describe(ke0)).getMessage()
                    .startsWith("ke0 must be greater than 0 and at most 10000 1/h but was"), () -> "ke0 " + ke0);
        }
        assertEquals("ke0 0.238 /min (t½ 2.91 min)", EffectLink.describe(0.238 * 60));
    }

    /** The steepest linear model gave an effect of Infinity at 1e300 ng/mL. */
    @Test
    void aLinearEffectNeverOverflowsToInfinity() {
        ConcentrationEffect steepest = new ConcentrationEffect.Linear(-1e9, 1e9, 1e-6);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> steepest.effect(1e300));
        assertTrue(e.getMessage().startsWith("concentration must be between 0 and 8.988e+292 ng/mL but was 1.000e+300"),
                e::getMessage);
        assertTrue(Double.isFinite(steepest.effect(8.9e292)));
        ConcentrationEffect gentle = new ConcentrationEffect.Linear(0, 1e-9, 1e6);
        assertTrue(Double.isFinite(gentle.effect(Double.MAX_VALUE)));
    }

    /** A missing drug form read as an S-ketamine model: it listed endpoints no model drives. */
    @Test
    void aMissingDrugFormIsRefused() {
        assertEquals("drug form is required but was missing", assertThrows(InvalidInputException.class,
                () -> Endpoints.drivenBy(null)).getMessage());
        assertThrows(InvalidInputException.class, () -> Endpoints.HERD_2008_SEDATION.drivenBy(null));
        assertThrows(InvalidInputException.class, () -> Endpoints.HERD_2008_SEDATION.relationshipFor(null));
        assertEquals("field is required but was missing", assertThrows(InvalidInputException.class,
                () -> Endpoints.get(null, "none")).getMessage());
    }

    /** One compartment of 150 L cleared at {@code clLPerH}: with 0 nothing is eliminated. */
    private static IndividualModel cleared(double clLPerH) {
        org.ketaminepk.model.PublishedModel m = org.ketaminepk.model.PublishedModel.builder("cleared-2024")
                .name("test one-compartment model")
                .citation(org.ketaminepk.model.Citation.of("test", 2024, "test model", "none"))
                .drugForm(org.ketaminepk.model.DrugForm.RACEMIC)
                .population(new org.ketaminepk.model.Population("test", java.util.OptionalInt.empty(), 18, 65, 40, 120,
                        "test"))
                .samplingSite(org.ketaminepk.model.SamplingSite.ARTERIAL)
                .scaling("none")
                .parameter("CL", "clearance", clLPerH, org.ketaminepk.model.Unit.L_PER_H,
                        org.ketaminepk.model.Role.PARENT_CLEARANCE, 0, org.ketaminepk.model.Provenance.ASSUMPTION,
                        "test")
                .parameter("V", "volume", 150, org.ketaminepk.model.Unit.L, org.ketaminepk.model.Role.VOLUME, 0,
                        org.ketaminepk.model.Provenance.ASSUMPTION, "test")
                .analytes(org.ketaminepk.base.Analyte.KETAMINE)
                .route(org.ketaminepk.base.Route.INTRAVENOUS, true, "test")
                .structure(org.ketaminepk.testing.TestModels::oneCompartment)
                .build();
        return Simulation.standard().individualize(m, Patient.standardAdult());
    }

    /**
     * Without elimination the effect site levels off at the plasma concentration and has no peak: 36.8 h was
     * returned for ke0 1 /h (where Ce met Cp in round-off), and a ke0 "reproducing" any time to peak from it.
     */
    @Test
    void anEffectSiteThatLevelsOffHasNoTimeToPeak() {
        IndividualModel none = cleared(0);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EffectSites.timeToPeakH(none, 1));
        assertEquals("the ketamine effect-site concentration of cleared-2024 after an intravenous bolus has no peak "
                + "with ke0 0.0167 /min (t½ 41.6 min): it rises to the plasma concentration and stays level with it "
                + "(does the model eliminate ketamine?)", e.getMessage());
        assertThrows(InvalidInputException.class, () -> EffectSites.ke0ForTimeToPeakPerH(none, 0.1));
        // a clearance of 1e-9 L/h still peaks, at ln(ke0/k)/(ke0 − k) with k = CL/V; a peak this flat (Ce falls by
        // 1e-9 of itself over 200 h) is placed only to about 1e-4 of its time in doubles
        double k = 1e-9 / 150;
        double expected = Math.log(1 / k) / (1 - k);
        assertEquals(expected, EffectSites.timeToPeakH(cleared(1e-9), 1), 1e-4 * expected);
    }

    /**
     * The side of the baseline an effect moves to, which a front end needs to refuse a level the effect meets without
     * drug: the sign of Emax or of the reference effect, and for every built-in relationship the side its effect at a
     * high concentration lies on.
     */
    @Test
    void theDirectionIsTheSideOfTheBaselineTheDrugMovesTheEffectTo() {
        assertEquals(1, new ConcentrationEffect.SigmoidEmax(0, 1, 50, 2, true).direction());
        assertEquals(-1, new ConcentrationEffect.SigmoidEmax(5, -4.7, 50, 2, true).direction());
        assertEquals(1, new ConcentrationEffect.Linear(0, 100, 50).direction());
        assertEquals(-1, new ConcentrationEffect.Linear(1e9, -1e-300, 1e6).direction());
        int checked = 0;
        for (Endpoint e : Endpoints.all()) {
            for (Optional<Endpoint.Relationship> r : java.util.List.of(e.sKetamine(), e.racemic())) {
                if (r.isPresent()) {
                    ConcentrationEffect f = r.get().model();
                    assertEquals(Math.signum(f.effect(1000) - f.baseline()), f.direction(), e.id());
                    checked++;
                }
            }
        }
        assertTrue(checked >= 7, "relationships checked: " + checked);
    }
}
