package org.ketaminepk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;

/** Doses beyond the label's largest initial dose, and infusions that run at once, are named in the warnings. */
class PlausibilityWarningsTest {
    private static List<String> warnings(String spec) {
        return Simulation.run(Models.DEFAULT, Patient.standardAdult(), DoseParser.parse(spec),
                TimeGrid.uniform(2, 1.0 / 60)).warnings().stream()
                .filter(w -> w.code() == Warning.Code.DOSE_OUTSIDE_RANGE).map(Warning::message).toList();
    }

    @Test
    void aBolusAboveTheLabelsLargestInitialDoseIsNamed() {
        List<String> w = warnings("bolus 5000 mg");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("5000 mg (71.4 mg/kg at 70 kg)") && w.get(0).contains("above the largest initial intravenous dose "
                + "of the Ketalar label (4.5 mg/kg"), w.get(0));
        assertEquals(List.of(), warnings("bolus 2 mg/kg"));
        assertEquals(List.of(), warnings("bolus 4.5 mg/kg"));
        assertEquals(1, warnings("im 14 mg/kg").size());
        assertEquals(List.of(), warnings("im 10 mg/kg"));
    }

    @Test
    void overlappingInfusionsOfOneRegimenAreNamed() {
        List<String> w = warnings("0.5 mg/kg over 40 min every 10 min x6");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("5 infusion(s) start before the previous one ends (first: at 0.16"), w.get(0));
        assertEquals(List.of(), warnings("0.5 mg/kg over 40 min every 40 min x3"));
    }

    private static final String FAR_ABOVE = "times the upper edge of the anaesthetic range (1200–2400 ng/mL after "
            + "1–2 mg/kg iv; Zanos P et al. Pharmacol Rev 2018;70:621–660, Table 1); no model here was built from such "
            + "concentrations: check the doses, their units and their intervals";

    /**
     * 100 g in an hour, as 10,000 boluses of 10 mg 0.36 s apart, peaks at 560,400 ng/mL of ketamine and drew no
     * warning: the dose check sees one bolus at a time, and 10 mg is well within the label. A peak more than 100
     * times the top of the anaesthetic range is named, with the number, the range and its source, and the run still
     * completes. The same dose given once a day, and a dose at the label's largest, are not.
     */
    @Test
    void aPeakFarAboveTheAnaestheticRangeIsNamedWhateverTheSizeOfEachDose() {
        List<String> w = warnings("bolus 10 mg every 0.36 s x10000");
        assertEquals(List.of("ketamine reaches 560400 ng/mL at 1 h, 234 " + FAR_ABOVE), w);
        assertEquals(List.of(), warnings("bolus 10 mg every 24 h x2"));
        assertEquals(List.of(), warnings("bolus 4.5 mg/kg"));
        assertEquals(List.of(), warnings("0.5 mg/kg over 40 min"));
    }

    /** The same criterion holds for each virtual patient of a population, and for none of a sensible dose. */
    @Test
    void eachVirtualPatientFarAboveTheRangeIsWarned() {
        List<Patient> patients = java.util.Collections.nCopies(3, Patient.standardAdult());
        PopulationResult far = PopulationRun.of(Models.OTTO_2021, patients, DoseParser.parse(
                "bolus 10 mg every 0.36 s x10000"), TimeGrid.uniform(2, 1.0 / 60)).run();
        PopulationResult usual = PopulationRun.of(Models.OTTO_2021, patients, DoseParser.parse("bolus 0.5 mg/kg"),
                TimeGrid.uniform(2, 1.0 / 60)).run();
        for (int i = 0; i < patients.size(); i++) {
            assertTrue(far.patients().get(i).warnings().stream().anyMatch(x -> x.message().endsWith(FAR_ABOVE)),
                    far.patients().get(i).warnings().toString());
            assertTrue(usual.patients().get(i).warnings().stream().noneMatch(x -> x.message().endsWith(FAR_ABOVE)));
        }
    }

    /**
     * No built-in protocol draws the warning, neither with the model it recommends (or the default) nor with any
     * other model that takes its routes, run as 'simulate --protocol' runs it (to a day past the last dose, every
     * minute).
     */
    @Test
    void noBuiltInProtocolIsFarAboveTheRange() {
        int runs = 0;
        double highest = 0;
        for (org.ketaminepk.protocol.Protocol p : org.ketaminepk.protocol.Protocols.all()) {
            TimeGrid grid = TimeGrid.uniform(Math.ceil(p.regimen().endH()) + 24, 1.0 / 60);
            for (org.ketaminepk.model.PublishedModel m : Models.all()) {
                boolean own = m.id().equals(p.recommendedModelId().orElse(Models.DEFAULT.id()));
                SimulationResult r;
                try {
                    r = Simulation.run(m, Patient.standardAdult(), p.regimen(), grid);
                } catch (org.ketaminepk.base.InvalidInputException routeNotInTheModel) {
                    assertTrue(!own, p.id() + " with its own model " + m.id() + ": " + routeNotInTheModel);
                    continue;
                }
                runs++;
                assertTrue(r.warnings().stream().noneMatch(w -> w.kind() == Warning.Kind.FAR_ABOVE_ANAESTHETIC_RANGE),
                        p.id() + " with " + m.id() + ": " + r.warnings());
                if (m.analytes().contains(org.ketaminepk.base.Analyte.KETAMINE)) {
                    highest = Math.max(highest, r.profile().series(org.ketaminepk.base.Analyte.KETAMINE)
                            .cmaxNgPerMl());
                }
            }
        }
        assertTrue(runs >= org.ketaminepk.protocol.Protocols.all().size(), "runs " + runs);
        // far below, not just below: the limit is 240,000 ng/mL
        assertTrue(highest < Simulation.FAR_ABOVE_ANAESTHETIC_FACTOR * Simulation.ANAESTHETIC_RANGE_HIGH_NG_PER_ML
                / 10, "highest ketamine peak of a protocol " + highest + " ng/mL");
    }
}
