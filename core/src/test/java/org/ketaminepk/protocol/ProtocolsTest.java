package org.ketaminepk.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.model.DrugForm;

/** The built-in protocols hold the doses their sources describe, worked out by hand for given weights. */
class ProtocolsTest {

    @Test
    void everyProtocolIsComplete() {
        Set<String> ids = new HashSet<>();
        for (Protocol p : Protocols.all()) {
            assertTrue(ids.add(p.id()), p.id());
            assertFalse(p.regimen().doses().isEmpty(), p.id());
            assertFalse(p.name().isBlank(), p.id());
            assertFalse(p.sourceNote().isBlank(), p.id());
            assertFalse(p.citations().isEmpty(), p.id() + " needs a source, even when it says none was found");
            assertTrue(p.drugForm().isPresent(), p.id());
            assertSame(p, Protocols.get(p.id()));
            assertSame(p, Protocols.get(" " + p.id().toUpperCase() + " "));
        }
        assertEquals(Protocols.ids(), Protocols.all().stream().map(Protocol::id).toList());
        assertTrue(ids.contains("crps-schwartzman-2009"));
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Protocols.get("crps"));
        assertEquals("protocol", e.field());
        assertTrue(e.getMessage().startsWith("protocol must be one of depression-zarate-2006, "), e.getMessage());
        assertTrue(e.getMessage().endsWith("but was 'crps'"), e.getMessage());
        assertFalse(Protocols.exists("crps"));
        assertTrue(Protocols.exists("CRPS-Schwartzman-2009"));
    }

    @Test
    void schwartzmanIsTenFourHourSessionsCappedAt25MgPerHour() {
        Protocol p = Protocols.CRPS_SCHWARTZMAN_2009;
        List<Dose> doses = p.regimen().doses();
        assertEquals(10, doses.size());
        assertEquals(216, doses.get(9).timeH());
        assertEquals(220, p.regimen().endH());
        // 60 kg: 21 mg/h × 4 h × 10; 90 kg: 31.5 mg/h capped to 25
        assertEquals(840, p.regimen().totalMg(60), 1e-9);
        assertEquals(1000, p.regimen().totalMg(90), 1e-9);
        assertTrue(p.weightBased());
        assertEquals(Optional.of(DrugForm.RACEMIC), p.drugForm());
    }

    @Test
    void phillipsIsSixInfusionsOnMondaysWednesdaysAndFridays() {
        List<Dose> doses = Protocols.DEPRESSION_PHILLIPS_2019.regimen().doses();
        assertEquals(List.of(0.0, 48.0, 96.0, 168.0, 216.0, 264.0), doses.stream().map(Dose::timeH).toList());
        assertEquals(6 * 35, Protocols.DEPRESSION_PHILLIPS_2019.regimen().totalMg(70), 1e-9);
        Dose.Infusion first = (Dose.Infusion) doses.get(0);
        assertEquals(40.0 / 60, first.durationH(), 1e-12);
    }

    @Test
    void dahanStepsAddUpToOneHundredHours() {
        Protocol p = Protocols.CRPS_DAHAN_2011;
        assertEquals(100, p.regimen().endH(), 1e-12);
        // per 70 kg: 5·12 + 10·12 + 15·12 + 20·64 mg
        assertEquals(60 + 120 + 180 + 1280, p.regimen().totalMg(70), 1e-9);
        assertEquals((60 + 120 + 180 + 1280) * 2, p.regimen().totalMg(140), 1e-9);
        assertEquals(Optional.of(DrugForm.S_KETAMINE), p.drugForm());
        assertEquals(Protocol.Basis.APPROXIMATION, p.basis());
    }

    @Test
    void goldbergReachesFortyMilligramsPerHourAndEndsAtFiveDays() {
        Protocol p = Protocols.CRPS_GOLDBERG_2010;
        assertEquals(120, p.regimen().endH(), 1e-12);
        assertEquals(15 + 30 + 45 + 40 * 115.5, p.regimen().totalMg(50), 1e-9);
        assertFalse(p.weightBased());
    }

    @Test
    void fixedRateAndStartingInfusions() {
        assertEquals(22 * 96, Protocols.CRPS_COHEN_2018.regimen().totalMg(70), 1e-9);
        assertEquals(96, Protocols.CRPS_COHEN_2018.regimen().endH());
        assertEquals(80, Protocols.PAIN_START_COHEN_2018.regimen().totalMg(120), 1e-9);
        assertEquals(Protocol.Basis.SECONDARY, Protocols.PAIN_START_COHEN_2018.basis());
    }

    @Test
    void esketamineInductionTwiceWeeklyWithItsModel() {
        Protocol p56 = Protocols.ESKETAMINE_56MG_SPRAVATO;
        Protocol p84 = Protocols.ESKETAMINE_84MG_SPRAVATO;
        assertEquals(8, p56.regimen().doses().size());
        assertEquals(8 * 56, p56.regimen().totalMg(70), 1e-9);
        assertEquals(56 + 7 * 84, p84.regimen().totalMg(70), 1e-9);
        assertEquals(24 * 24, p84.regimen().doses().get(7).timeH());
        for (Dose d : p84.regimen().doses()) {
            assertEquals(Route.INTRANASAL, d.route());
        }
        assertEquals(Optional.of("perez-ruixo-2021"), p56.recommendedModelId());
        assertEquals(Optional.of(DrugForm.ESKETAMINE), p84.drugForm());
    }

    @Test
    void oralAndSublingualStudyDoses() {
        assertEquals(Route.ORAL, Protocols.ORAL_CHONG_2006.regimen().doses().get(0).route());
        assertEquals(25, Protocols.ORAL_CHONG_2006.regimen().totalMg(70), 1e-12);
        // the abstract page (https://www.ketamine.com/bioavailability.html) prints this title for Pain Med 2006;7:469
        assertTrue(Protocols.ORAL_CHONG_2006.citations().get(0).title()
                .startsWith("Bioavailability of ketamine after oral or sublingual administration"));
        assertEquals(Route.SUBLINGUAL, Protocols.SUBLINGUAL_ROLAN_2014.regimen().doses().get(0).route());
        Protocol k = Protocols.DEPRESSION_ORAL_KHEIRABADI_2023;
        assertEquals(12, k.regimen().doses().size());
        assertEquals(12 * 80, k.regimen().totalMg(80), 1e-9);
        assertEquals(Optional.empty(), k.recommendedModelId());
    }

    @Test
    void theBoosterSaysItHasNoPrimarySource() {
        Protocol p = Protocols.DEPRESSION_BOOSTER_MONTHLY;
        assertEquals(Protocol.Basis.UNSOURCED, p.basis());
        assertTrue(p.sourceNote().contains("No primary source"), p.sourceNote());
        assertEquals(List.of(0.0, 720.0, 1440.0), p.regimen().doses().stream().map(Dose::timeH).toList());
    }

    @Test
    void describeForResolvesWeightAndMarksTheCap() {
        Dose first = Protocols.CRPS_SCHWARTZMAN_2009.regimen().doses().get(0);
        assertEquals("iv 0.35 mg/kg/h for 4 h, max 25 mg/h at 0 h → 25 mg/h, 100 mg (capped)",
                Protocol.describeFor(first, 90));
        assertEquals("iv 0.35 mg/kg/h for 4 h, max 25 mg/h at 0 h → 21 mg/h, 84 mg", Protocol.describeFor(first, 60));
        assertEquals("oral 25 mg at 0 h → 25 mg",
                Protocol.describeFor(Protocols.ORAL_CHONG_2006.regimen().doses().get(0), 60));
    }

    @Test
    void shortSourceIsFirstAuthorAndYear() {
        assertEquals("Schwartzman RJ (2009)", Protocols.CRPS_SCHWARTZMAN_2009.shortSource());
    }

    @Test
    void idsAreValidated() {
        Protocol p = Protocols.CRPS_COHEN_2018;
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Protocol("Bad Id", p.name(),
                p.indication(), p.drugForm(), p.regimen(), p.citations(), p.basis(), p.sourceNote(), p.notes(),
                Optional.empty()));
        assertTrue(e.getMessage().contains("but was 'Bad Id'"));
        assertEquals(4 * 22, p.withRegimen(org.ketaminepk.dosing.DoseParser.parse("22 mg/h for 4 h")).regimen()
                .totalMg(70), 1e-9);
    }

    @Test
    void aDrugFormOrModelNotStatedIsEmptyNotNull() {
        // the record took null for "not stated" and handed it back
        Protocol p = Protocols.CRPS_COHEN_2018;
        assertEquals("drug form is required but was missing", assertThrows(InvalidInputException.class,
                () -> new Protocol(p.id(), p.name(), p.indication(), null, p.regimen(), p.citations(), p.basis(),
                        p.sourceNote(), p.notes(), Optional.empty())).getMessage());
        assertEquals("recommended model is required but was missing", assertThrows(InvalidInputException.class,
                () -> new Protocol(p.id(), p.name(), p.indication(), p.drugForm(), p.regimen(), p.citations(),
                        p.basis(), p.sourceNote(), p.notes(), null)).getMessage());
        assertEquals(Optional.empty(), p.recommendedModelId());
        assertEquals(p.drugForm(), p.withRegimen(p.regimen()).drugForm());
    }
}
