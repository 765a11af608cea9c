package org.ketaminepk.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;
import org.ketaminepk.result.Series;

/** What the link must do for any model, ke0 and regimen. */
class EffectSiteProperties {

    @Provide
    Arbitrary<PublishedModel> models() {
        return Arbitraries.of(Models.KAMP_2020, Models.DOMINO_1984, Models.HERD_2007, Models.CLEMENTS_1981,
                Models.OTTO_2021, Models.SIMONS_2022, Models.RACEMIC_COMPOSITE);
    }

    private static Regimen regimen(double bolusMg, double rateMgPerH, double startH) {
        return Regimen.of(Dose.bolus(Amount.mg(bolusMg), 0), Dose.infusion(Rate.mgPerH(rateMgPerH), 1.5, startH));
    }

    /**
     * The link takes no drug and makes none: integrating {@code dCe/dt = ke0·(Cp − Ce)} gives
     * {@code ∫(Cp − Ce) dt = Ce(T)/ke0} at any time T, for every analyte.
     */
    @Property(tries = 40)
    void whatEntersTheEffectSiteIsWhatLeftItPlusWhatIsThere(@ForAll("models") PublishedModel model,
            @ForAll @DoubleRange(min = 0.05, max = 500) double ke0PerH,
            @ForAll @DoubleRange(min = 1, max = 50) double bolusMg,
            @ForAll @DoubleRange(min = 1, max = 40) double rateMgPerH,
            @ForAll @DoubleRange(min = 0, max = 3) double startH) {
        IndividualModel ind = model.individualize(Patient.standardAdult(), PatientAdjuster.NONE);
        Regimen r = regimen(bolusMg, rateMgPerH, startH);
        TimeGrid grid = TimeGrid.uniform(8, 0.25);
        Profile plasma = org.ketaminepk.Simulation.standard().withAdjuster(PatientAdjuster.NONE)
                .simulate(ind, r, grid).profile();
        Profile site = EffectSites.concentrations(ind, r, grid, ke0PerH);
        for (Analyte a : site.analytes()) {
            Series cp = plasma.series(a);
            Series ce = site.series(a);
            for (int i = 0; i < grid.size(); i += 4) {
                double t = grid.time(i);
                double lhs = cp.aucNgHPerMl(0, t) - ce.aucNgHPerMl(0, t);
                double rhs = ce.ngPerMl(i) / ke0PerH;
                assertEquals(rhs, lhs, 1e-7 * cp.aucNgHPerMl(0, t) + 1e-12 * cp.aucNgHPerMl(), () -> a + " at " + t
                        + " h");
            }
        }
        int last = grid.size() - 1;
        assertEquals(0, site.massBalanceErrorUmol(last), 1e-9 * site.inputUmol(last), "moles in the linked system");
    }

    /** The effect site never overshoots the highest plasma concentration reached so far, and never goes negative. */
    @Property(tries = 40)
    void effectSiteStaysBelowThePlasmaPeakSoFar(@ForAll("models") PublishedModel model,
            @ForAll @DoubleRange(min = 0.05, max = 500) double ke0PerH,
            @ForAll @DoubleRange(min = 1, max = 50) double bolusMg,
            @ForAll @DoubleRange(min = 1, max = 40) double rateMgPerH,
            @ForAll @IntRange(min = 0, max = 180) int startMin) {
        IndividualModel ind = model.individualize(Patient.standardAdult(), PatientAdjuster.NONE);
        // the infusion starts and ends on the output grid, where the plasma peak then lies
        Regimen r = regimen(bolusMg, rateMgPerH, startMin / 60.0);
        TimeGrid grid = TimeGrid.uniform(8, 1.0 / 60);
        double[] cp = org.ketaminepk.Simulation.standard().withAdjuster(PatientAdjuster.NONE).simulate(ind, r, grid)
                .profile().series(Analyte.KETAMINE).ngPerMl();
        double[] ce = EffectSites.concentrations(ind, r, grid, ke0PerH).series(Analyte.KETAMINE).ngPerMl();
        double peak = 0;
        for (int i = 0; i < cp.length; i++) {
            peak = Math.max(peak, cp[i]);
            double c = ce[i];
            double t = grid.time(i);
            double highest = peak;
            assertTrue(c >= 0 && c <= highest * (1 + 1e-9), () -> "t " + t + ": Ce " + c + ", peak " + highest);
        }
    }
}
