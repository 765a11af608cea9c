package org.ketaminepk.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;

/** The effect front door: links chosen by provenance, effects against their definitions, bad input refused. */
class EffectSimulationTest {
    private static final Patient ADULT = Patient.standardAdult();
    private static final EffectSimulation.Options DEFAULT = EffectSimulation.Options.DEFAULT;

    private static EffectResult run(Endpoint e, PublishedModel m, Patient p, Regimen r, TimeGrid g) {
        return run(e, m, p, r, g, DEFAULT);
    }

    private static EffectResult run(Endpoint e, PublishedModel m, Patient p, Regimen r, TimeGrid g,
            EffectSimulation.Options o) {
        return EffectSimulation.run(e, m, p, r, g, o);
    }

    private static boolean warns(EffectResult r, String text) {
        return r.warnings().stream().anyMatch(w -> w.message().contains(text));
    }

    /** A constant infusion scaled (the PK is linear) so that plasma S-ketamine settles at the endpoint's C50. */
    @Test
    void halfTheMaximalEffectAtC50AtSteadyState() {
        Endpoint e = Endpoints.OLOFSEN_2022_ANTINOCICEPTION;
        TimeGrid grid = TimeGrid.uniform(200, 0.5);
        double rateMgPerH = 10;
        EffectResult probe = run(e, Models.OTTO_2021, ADULT, Regimen.of(Dose.infusion(Rate.mgPerH(rateMgPerH), 200, 0)),
                grid);
        double[] cp = probe.plasmaNgPerMl();
        double c50 = 0.51 * Analyte.KETAMINE.molarMassGPerMol();
        double scaled = rateMgPerH * c50 / cp[cp.length - 1];
        EffectResult r = run(e, Models.OTTO_2021, ADULT, Regimen.of(Dose.infusion(Rate.mgPerH(scaled), 200, 0)), grid);
        int last = r.size() - 1;
        assertEquals(c50, r.plasmaNgPerMl()[last], 1e-6 * c50);
        assertEquals(c50, r.effectSiteNgPerMl()[last], 1e-6 * c50);
        assertEquals(0.5, r.effect().orElseThrow()[last], 1e-6);
        assertEquals(0.5, EffectSimulation.steadyStateEffect(e, DrugForm.S_KETAMINE, c50, 0.5), 1e-12);
    }

    @Test
    void herdSedationIsFittedOnHerdPkAndHalfwayAtEc50() {
        Patient child = new Patient(8, 30, 130, org.ketaminepk.patient.Sex.FEMALE);
        EffectResult r = run(Endpoints.HERD_2008_SEDATION, Models.HERD_2007, child,
                Regimen.of(Dose.bolus(Amount.mgPerKg(1.5), 0)), TimeGrid.uniform(2, 1.0 / 600));
        assertEquals(EffectLink.Basis.FITTED, r.link().basis());
        assertEquals(11, r.link().halfTimeH() * 3600, 1e-9);
        assertEquals(OptionalDouble.of(5), r.baseline());
        assertTrue(r.metrics().peakEffect() < 1, "1.5 mg/kg sedates deeply: " + r.metrics().peakEffect());
        assertTrue(r.metrics().peakTimeH() * 60 < 1.5, "an 11-s link peaks within a minute or so");
        double atEc50 = EffectSimulation.steadyStateEffect(Endpoints.HERD_2008_SEDATION, DrugForm.RACEMIC, 560, 0.5);
        assertEquals(5 * (1 - 0.939 / 2), atEc50, 1e-12);
        assertFalse(warns(r, "herd-2008-sedation: ke0"), "a fitted ke0 needs no warning");
    }

    @Test
    void herdSedationOnAnotherRacemicModelIsTransferredByTimeToPeak() {
        EffectResult r = run(Endpoints.HERD_2008_SEDATION, Models.KAMP_2020, ADULT.withWeightKg(60),
                Regimen.of(Dose.bolus(Amount.mgPerKg(1), 0)), TimeGrid.uniform(1, 1.0 / 600));
        assertEquals(EffectLink.Basis.TRANSFERRED, r.link().basis());
        assertTrue(r.link().how().contains("herd-2007"), r.link().how());
        double tpeakHerd = EffectSites.timeToPeakH(Models.HERD_2007.individualize(ADULT.withWeightKg(60),
                org.ketaminepk.model.PatientAdjuster.NONE), Math.log(2) / (11.0 / 3600));
        assertEquals(tpeakHerd, EffectSites.timeToPeakH(r.pk().individual(), r.link().ke0PerH()), 1e-6 * tpeakHerd);
        assertTrue(warns(r, "is transferred"));
        assertTrue(warns(r, "outside the 1-14 years"), "children's endpoint on an adult");
    }

    @Test
    void navarreteOnDominoIsFittedAndGivesAnEffectSiteOnly() {
        EffectResult r = run(Endpoints.NAVARRETE_2025_ANI, Models.DOMINO_1984, ADULT.withAgeYears(60),
                Regimen.of(Dose.bolus(Amount.mgPerKg(0.1), 0)), TimeGrid.uniform(0.25, 1.0 / 3600));
        assertEquals(EffectLink.Basis.FITTED, r.link().basis());
        assertFalse(r.hasEffect());
        // an IllegalStateException before: an effect-site-only result is asked, not refused
        assertTrue(r.effect().isEmpty());
        // no effect, so no effect without drug either (it was a 0 that read like one)
        assertEquals(OptionalDouble.empty(), r.baseline());
        assertEquals(1.61, r.metrics().peakEffectSiteTimeH() * 60, 0.01);
    }

    @Test
    void racemicModelDrivesAnSKetamineEndpointThroughALabelledShare() {
        Regimen reg = Regimen.of(Dose.infusion(Rate.mgPerH(20), 2, 0));
        TimeGrid grid = TimeGrid.uniform(4, 1.0 / 60);
        EffectResult half = run(Endpoints.OLOFSEN_2022_EXTERNAL_PERCEPTION, Models.KAMP_2020, ADULT, reg, grid);
        double[] total = half.pk().profile().series(Analyte.KETAMINE).ngPerMl();
        assertEquals(total[60] / 2, half.plasmaNgPerMl()[60], 1e-12 * total[60]);
        assertTrue(warns(half, "S-ketamine taken as 50 %"));
        assertTrue(half.driver().contains("assumption"));
        EffectResult share = run(Endpoints.OLOFSEN_2022_EXTERNAL_PERCEPTION, Models.KAMP_2020, ADULT, reg, grid,
                DEFAULT.withSKetamineShare(0.6));
        assertEquals(1.2 * half.effectSiteNgPerMl()[90], share.effectSiteNgPerMl()[90],
                1e-9 * half.effectSiteNgPerMl()[90]);
        assertTrue(warns(half, "half-time") || warns(half, "carried over unchanged"));
        assertTrue(warns(half, "γ = 1 used"), "the unfound Hill coefficient is labelled");
    }

    @Test
    void racemicEndpointUsesTotalKetamineAndSEndpointOnSModelUsesAllOfIt() {
        EffectSimulation.Options guess = DEFAULT.withGuessedKe0PerH(6).withAllowGuessedKe0(true);
        Regimen reg = Regimen.of(Dose.infusion(Rate.mgPerH(20), 1, 0));
        EffectResult rac = run(Endpoints.DAHAN_2024_PAIN_THRESHOLD, Models.KAMP_2020, ADULT, reg,
                TimeGrid.uniform(2, 0.05), guess);
        double ce = rac.effectSiteNgPerMl()[20];
        assertEquals(100 * ce / (0.62 * Analyte.KETAMINE.molarMassGPerMol()), rac.effect().orElseThrow()[20],
                1e-9 * ce);
        assertFalse(warns(rac, "S-ketamine taken as"));
        EffectResult s = run(Endpoints.DAHAN_2024_PAIN_THRESHOLD, Models.OTTO_2021, ADULT, reg,
                TimeGrid.uniform(2, 0.05), guess);
        double ces = s.effectSiteNgPerMl()[20];
        assertEquals(100 * ces / (0.47 * Analyte.KETAMINE.molarMassGPerMol()), s.effect().orElseThrow()[20],
                1e-9 * ces);
        assertEquals(EffectLink.Basis.GUESSED, s.link().basis());
        assertTrue(warns(s, "estimated on arterial concentrations but otto-2021 predicts venous ones"));
        assertFalse(warns(rac, "estimated on arterial"), "kamp-2020 is arterial too");
        assertTrue(warns(s, "is guessed"), "a guessed ke0 is labelled on the result");
    }

    @Test
    void schuttlerEegPicksTheRelationshipOfTheDrugForm() {
        assertEquals(-7.6 / 2, EffectSimulation.steadyStateEffect(Endpoints.SCHUTTLER_1987_EEG, DrugForm.RACEMIC,
                2000, 0.5), 1e-12);
        assertEquals(-8.3 / 2, EffectSimulation.steadyStateEffect(Endpoints.SCHUTTLER_1987_EEG, DrugForm.S_KETAMINE,
                800, 0.5), 1e-12);
    }

    @Test
    void badInputGetsOneLineErrorsNamingTheField() {
        Regimen reg = Regimen.of(Dose.bolus(Amount.mg(20), 0));
        TimeGrid grid = TimeGrid.uniform(1, 0.1);
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> Endpoints.get("analgesia"));
        assertEquals("endpoint", unknown.field());
        assertTrue(unknown.getMessage().contains("olofsen-2022-antinociception")
                && unknown.getMessage().contains("'analgesia'"), unknown.getMessage());
        InvalidInputException cannot = assertThrows(InvalidInputException.class,
                () -> run(Endpoints.HERD_2008_SEDATION, Models.OTTO_2021, ADULT, reg, grid));
        assertTrue(cannot.getMessage().contains("otto-2021") && cannot.getMessage().contains("S-ketamine"),
                cannot.getMessage());
        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> run(Endpoints.SIMONS_2022_DRUG_HIGH, Models.OTTO_2021, ADULT, reg, grid));
        assertEquals("ke0", none.field());
        assertTrue(none.getMessage().contains("no published ke0"), none.getMessage());
        InvalidInputException unflagged = assertThrows(InvalidInputException.class,
                () -> run(Endpoints.SIMONS_2022_DRUG_HIGH, Models.OTTO_2021, ADULT, reg, grid,
                        DEFAULT.withGuessedKe0PerH(6)));
        assertEquals("ke0", unflagged.field());
        assertTrue(unflagged.getMessage().contains("0.1 /min is a guess"), unflagged.getMessage());
        InvalidInputException negative = assertThrows(InvalidInputException.class,
                () -> DEFAULT.withGuessedKe0PerH(-1));
        assertTrue(negative.getMessage().contains("-1"), negative.getMessage());
        for (InvalidInputException x : List.of(unknown, cannot, none, unflagged, negative)) {
            assertFalse(x.getMessage().contains("\n"), x.getMessage());
        }
    }

    @Test
    void anEndpointIsFoundByTheEndOfItsIdWhenOnlyOneIdEndsSo() {
        assertEquals(Endpoints.OLOFSEN_2022_ANTINOCICEPTION, Endpoints.get(" Antinociception "));
        assertEquals(Endpoints.DAHAN_2011_CRPS_RELIEF, Endpoints.get("crps-relief"));
        assertEquals(Endpoints.OLOFSEN_2022_EXTERNAL_PERCEPTION, Endpoints.get("perception"));
        // only the end after a hyphen: not part of a word, not the middle of an id, not nothing
        assertEquals(List.of(), Endpoints.matching("elief"));
        assertEquals(List.of(), Endpoints.matching("2022"));
        assertEquals(List.of(), Endpoints.matching(" "));
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> Endpoints.get("--effect-site", "analgesia"));
        assertEquals("effect-site", unknown.field());
        assertTrue(unknown.getMessage().startsWith("--effect-site must be one of olofsen-2022-antinociception, "),
                unknown.getMessage());
        assertTrue(unknown.getMessage().endsWith("but was 'analgesia'"), unknown.getMessage());
        // no two ids end alike today; if two ever do, their common end must name both
        for (Endpoint e : Endpoints.all()) {
            String end = e.id().substring(e.id().lastIndexOf('-') + 1);
            List<Endpoint> same = Endpoints.matching(end);
            assertTrue(same.contains(e), e.id());
            if (same.size() > 1) {
                InvalidInputException x = assertThrows(InvalidInputException.class, () -> Endpoints.get(end));
                assertTrue(x.getMessage().contains("it could mean"), x.getMessage());
            }
        }
    }

    @Test
    void everyEndpointCarriesItsProvenance() {
        for (Endpoint e : Endpoints.all()) {
            assertTrue(e.citation().link().isPresent(), e.id());
            assertFalse(e.notFor().isBlank(), e.id());
            assertFalse(e.validity().isBlank(), e.id());
            assertFalse(e.link().source().isBlank(), e.id());
            assertTrue(Endpoints.drivenBy(DrugForm.RACEMIC).contains(e) || Endpoints.drivenBy(DrugForm.S_KETAMINE)
                    .contains(e), e.id());
            assertEquals(e, Endpoints.get(" " + e.id().toUpperCase(java.util.Locale.ROOT) + " "));
            for (Optional<Endpoint.Relationship> rel : List.of(e.sKetamine(), e.racemic())) {
                if (rel.isPresent() && rel.get().model() instanceof ConcentrationEffect.SigmoidEmax s
                        && !s.gammaFound()) {
                    assertTrue(e.inferences().stream().anyMatch(i -> i.contains("γ")), e.id());
                }
            }
        }
    }

    @Test
    void noGuessedKe0IsEmptyAndAGuessIsCarried() {
        assertEquals(OptionalDouble.empty(), DEFAULT.guessedKe0PerH());
        assertEquals(OptionalDouble.of(6), DEFAULT.withGuessedKe0PerH(6).guessedKe0PerH());
        assertThrows(InvalidInputException.class, () -> DEFAULT.withGuessedKe0PerH(Double.NaN));
        assertThrows(InvalidInputException.class, () -> new EffectSimulation.Options(null, false, 0.5));
    }

    @Test
    void aRelationshipOrResponderShareTheSourceDoesNotGiveIsEmpty() {
        Endpoint aniOnly = Endpoints.NAVARRETE_2025_ANI;
        assertEquals(Optional.empty(), aniOnly.sKetamine());
        assertEquals(Optional.empty(), aniOnly.racemic());
        assertEquals(Optional.empty(), aniOnly.relationshipFor(DrugForm.RACEMIC));
        assertEquals(Optional.empty(), aniOnly.relationshipFor(DrugForm.S_KETAMINE));
        assertEquals(OptionalDouble.empty(), aniOnly.responderProbability());
        assertEquals(OptionalDouble.empty(), aniOnly.placeboResponderProbability());
        Endpoint sOnly = Endpoints.OLOFSEN_2022_ANTINOCICEPTION;
        assertTrue(sOnly.sKetamine().isPresent());
        assertEquals(Optional.empty(), sOnly.racemic());
        // a racemic model drives an S-ketamine relationship through the assumed S-ketamine share
        assertEquals(sOnly.sKetamine(), sOnly.relationshipFor(DrugForm.RACEMIC));
        assertEquals(sOnly.sKetamine(), sOnly.relationshipFor(DrugForm.S_KETAMINE));
    }

    @Test
    void warningsOfThePkRunAreKept() {
        EffectResult r = run(Endpoints.OLOFSEN_2022_ANTINOCICEPTION, Models.KAMP_2020, ADULT,
                Regimen.of(Dose.infusion(Rate.mgPerH(20), 1, 0)), TimeGrid.uniform(2, 0.1));
        for (Warning w : r.pk().warnings()) {
            assertTrue(r.warnings().contains(w), w.message());
        }
    }
}
