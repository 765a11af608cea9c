package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ketaminepk.PatientMetrics;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Parameter;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.AnalyteMetrics;

/**
 * A CV assumed on any parameter of any catalogued model either gives a population whose every metric is finite, or
 * is refused in one line ({@link InvalidInputException}, no NaN in its words). Before, a CV on a parameter with a
 * negative value (perez-ruixo-2021's Qh_age) failed inside the run with an IllegalStateException, and a CV on
 * simons-2022's F1 carried its logit-scale between-occasion effect on the log scale, up to an F1 of 1 and a rate
 * constant of NaN.
 */
class AssumedVariabilityProperties {
    private static final Regimen HOUR = Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.5), 1, 0));
    private static final TimeGrid GRID = TimeGrid.uniform(6, 0.5);

    /** Every parameter of every catalogued model, at one CV and seed per try. */
    @Property(tries = 4)
    void anAssumedCvRunsWithFiniteMetricsOrIsRefusedInOneLine(@ForAll("cvs") double cv, @ForAll long seed) {
        for (PublishedModel model : Models.all()) {
            for (Parameter parameter : model.parameters()) {
                check(model, parameter, cv, seed);
            }
        }
    }

    private static void check(PublishedModel model, Parameter parameter, double cv, long seed) {
        PopulationOutcome o;
        try {
            VariabilityModel v = VariabilityModel.published(model).withAssumed(VariabilitySpec.parse(
                    parameter.name() + "=" + cv + "%"));
            o = PopulationSimulation.of(model, Collections.nCopies(4, Patient.standardAdult()), HOUR, GRID, seed)
                    .withVariability(v).run();
        } catch (InvalidInputException e) {
            assertFalse(e.getMessage().contains("NaN") || e.getMessage().contains("\n"), e::getMessage);
            return;
        }
        for (PatientMetrics p : o.patients()) {
            for (AnalyteMetrics m : p.analytes().values()) {
                assertTrue(m.cmaxNgPerMl() >= 0 && m.aucNgHPerMl() >= 0, () -> model.id() + " " + parameter.name()
                        + " CV " + cv + " %: " + m);
            }
        }
    }

    @Provide
    Arbitrary<Double> cvs() {
        return Arbitraries.oneOf(Arbitraries.of(1.0, 30.0, 500.0), Arbitraries.doubles().between(1, 500));
    }

    @Example
    void theParametersFirstFound() {
        // an IllegalStateException inside the run before
        assertEquals("variability names Qh_age, whose value in perez-ruixo-2021 is -2.19 L/h per year, but a CV "
                + "(log-normal, θ·exp(η)) applies only to a parameter greater than 0", assertThrows(
                        InvalidInputException.class, () -> VariabilityModel.published(Models.PEREZ_RUIXO_2021)
                                .withAssumed(VariabilitySpec.parse("Qh_age=30%"))).getMessage());
        assertEquals("variability names F1, whose between-occasion variability in simons-2022 is on the logit "
                + "scale, but a CV is on the log scale and the two cannot be added; leave F1 out", assertThrows(
                        InvalidInputException.class, () -> VariabilityModel.published(Models.SIMONS_2022)
                                .withAssumed(VariabilitySpec.parse("F1=30%"))).getMessage());
        // an occasion term on the log scale adds to an assumed CV as before
        VariabilityModel.published(Models.SIMONS_2022).withAssumed(VariabilitySpec.parse("KA1=30%"));
    }
}
