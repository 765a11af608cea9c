package org.ketaminepk.library;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;
import org.ketaminepk.result.Profile;

/** Properties every model must have for any patient in its range and any dose by any of its routes. */
class LibraryProperties {

    @Provide
    Arbitrary<PublishedModel> models() {
        return Arbitraries.of(Models.all());
    }

    private static Patient within(PublishedModel m, double ageFraction, double weightFraction) {
        return new Patient(m.ageMinYears() + ageFraction * (m.ageMaxYears() - m.ageMinYears()),
                m.weightMinKg() + weightFraction * (m.weightMaxKg() - m.weightMinKg()), 150, Sex.FEMALE);
    }

    /**
     * Linear models: doubling every dose doubles every concentration, and concentrations never go negative. Mixed
     * routes in one regimen exercise superposition of the route inputs.
     */
    @Property(tries = 60)
    boolean concentrationsAreNonNegativeAndProportionalToDose(@ForAll("models") PublishedModel m,
            @ForAll @DoubleRange(min = 0, max = 1) double ageFraction,
            @ForAll @DoubleRange(min = 0, max = 1) double weightFraction,
            @ForAll @DoubleRange(min = 1, max = 60) double mg) {
        Patient p = within(m, ageFraction, weightFraction);
        List<Dose> doses = new ArrayList<>();
        doses.add(Dose.infusion(Amount.mg(mg), 0.5, 0));
        double t = 1;
        for (Route r : m.routes().keySet()) {
            // Perez-Ruixo splits a nasal dose into 28-mg devices, so its nasal input is not proportional to dose
            boolean devices = m == Models.PEREZ_RUIXO_2021 && r == Route.INTRANASAL;
            if (r.extravascular() && !devices) {
                doses.add(Dose.extravascular(r, Amount.mg(mg), t));
                t += 1;
            }
        }
        List<Dose> doubled = new ArrayList<>();
        for (Dose d : doses) {
            doubled.add(d instanceof Dose.Infusion i ? Dose.infusion(Amount.mg(2 * mg), i.durationH(), i.timeH())
                    : Dose.extravascular(d.route(), Amount.mg(2 * mg), d.timeH()));
        }
        TimeGrid g = TimeGrid.uniform(t + 6, 0.25);
        Profile one = Sim.run(m, p, Regimen.of(doses), g).profile();
        Profile two = Sim.run(m, p, Regimen.of(doubled), g).profile();
        for (Analyte a : one.analytes()) {
            for (int i = 0; i < one.size(); i++) {
                double c1 = one.series(a).ngPerMl(i);
                double c2 = two.series(a).ngPerMl(i);
                if (c1 < 0 || Math.abs(c2 - 2 * c1) > 1e-9 * Math.max(c2, 1e-9)) {
                    return false;
                }
            }
        }
        return true;
    }
}
