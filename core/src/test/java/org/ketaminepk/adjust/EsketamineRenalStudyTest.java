package org.ketaminepk.adjust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.CoMedication;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Series;
import org.ketaminepk.testing.TestModels;

/**
 * The kidney mechanism against the one clinical study of (es)ketamine in renal impairment: a single 28-mg esketamine
 * nasal device in people with normal (CLcr 88–140 mL/min), mild (58–77), moderate (30–47) and severe (5–28)
 * impairment, n = 8 each (Spravato study NCT02606084, as summarised by J&amp;J Medical Information, 2024):
 * esketamine Cmax +20–26 % and AUC +13–36 % in all impaired groups; noresketamine Cmax and AUC slightly lower in
 * mild, Cmax +15 % / +23 % and AUC +39–55 % in moderate / severe.
 *
 * <p>Simulated with the library's Perez-Ruixo 2021 model at each group's mid-point creatinine clearance. The
 * noresketamine renal share was derived from the moderate and severe AUC changes, so their agreement is by
 * construction; the other numbers are predictions. Also the ticlopidine interaction against the label's nasal AUC
 * +29 %.
 */
class EsketamineRenalStudyTest {

    private static final TimeGrid GRID = TimeGrid.uniform(72, 1.0 / 60);

    private static Series run(Patient p, Analyte a) {
        SimulationResult r = Simulation.run(Models.PEREZ_RUIXO_2021, p, TestModels.nasal28(), GRID);
        return r.profile().series(a);
    }

    @Test
    void renalImpairmentGroups(TestReporter reporter) {
        Patient normal = Patient.standardAdult().withCreatinineClearanceMlPerMin(114);
        Series k0 = run(normal, Analyte.KETAMINE);
        Series n0 = run(normal, Analyte.NORKETAMINE);
        double[] mid = {67.5, 38.5, 16.5};
        String[] group = {"mild", "moderate", "severe"};
        double[] nkAuc = new double[3];
        for (int i = 0; i < 3; i++) {
            Patient p = Patient.standardAdult().withCreatinineClearanceMlPerMin(mid[i]);
            Series k = run(p, Analyte.KETAMINE);
            Series n = run(p, Analyte.NORKETAMINE);
            double kAuc = k.aucNgHPerMl() / k0.aucNgHPerMl();
            double kCmax = k.cmaxNgPerMl() / k0.cmaxNgPerMl();
            nkAuc[i] = n.aucNgHPerMl() / n0.aucNgHPerMl();
            double nCmax = n.cmaxNgPerMl() / n0.cmaxNgPerMl();
            Published.entry(reporter, group[i], String.format(Locale.ROOT, "CLcr %.1f: esketamine AUC ×%.3f Cmax "
                    + "×%.3f; noresketamine AUC ×%.3f Cmax ×%.3f", mid[i], kAuc, kCmax, nkAuc[i], nCmax));
            // the parent's own renal excretion is not in this model: the mechanism predicts no change, where the
            // study saw +13–36 % (AUC) and +20–26 % (Cmax) — not reproduced
            assertEquals(1.0, kAuc, 1e-9);
            assertEquals(1.0, kCmax, 1e-9);
            // noresketamine Cmax rises less than AUC (study: +15 % / +23 % moderate / severe)
            assertTrue(nCmax > 1 && nCmax < nkAuc[i]);
        }
        // by construction (the renal share was derived from these two groups)
        assertEquals(1.39, nkAuc[1], 0.03);
        assertEquals(1.55, nkAuc[2], 0.04);
        // a prediction that misses: the mild group was slightly lower than normal in the study
        assertTrue(nkAuc[0] > 1.1);
    }

    @Test
    void ticlopidineAgainstTheNasalLabel(TestReporter reporter) {
        Series k0 = run(Patient.standardAdult(), Analyte.KETAMINE);
        Series k = run(Patient.standardAdult().withCoMedication(CoMedication.TICLOPIDINE), Analyte.KETAMINE);
        double auc = k.aucNgHPerMl() / k0.aucNgHPerMl();
        double cmax = k.cmaxNgPerMl() / k0.cmaxNgPerMl();
        Published.entry(reporter, "ticlopidine", String.format(Locale.ROOT, "esketamine 28 mg nasal: AUC ×%.3f, Cmax "
                + "×%.3f (label: AUC ×1.29, Cmax unchanged)", auc, cmax));
        // intrinsic clearance ×1/2.4 from the oral study overstates the nasal AUC change of the label (+29 %)
        assertTrue(auc > 1.29 && auc < 1.7, "AUC ratio " + auc);
        assertTrue(cmax < 1.15, "Cmax ratio " + cmax);
    }
}
