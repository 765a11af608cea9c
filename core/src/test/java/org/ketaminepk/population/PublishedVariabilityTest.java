package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ketaminepk.model.Provenance.ASSUMPTION;

import java.util.OptionalInt;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.Population;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.SamplingSite;
import org.ketaminepk.model.Unit;
import org.ketaminepk.model.Variability;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.testing.TestModels;

/**
 * The variability of a model an embedding program builds itself is read or refused in one line: a term on a
 * parameter the model lacks, a covariance without its variances, a covariance among the occasion terms or a variance
 * given twice never reach the run.
 */
class PublishedVariabilityTest {

    /** One compartment, intravenous, CL and V: test values. */
    private static PublishedModel model(UnaryOperator<PublishedModel.Builder> variability) {
        PublishedModel.Builder b = PublishedModel.builder("variability-2024")
                .name("test one-compartment model")
                .citation(Citation.of("test", 2024, "test model", "none"))
                .drugForm(DrugForm.RACEMIC)
                .population(new Population("test", OptionalInt.empty(), 18, 65, 40, 120, "test"))
                .samplingSite(SamplingSite.ARTERIAL)
                .scaling("none")
                .parameter("CL", "clearance", 60, Unit.L_PER_H, Role.PARENT_CLEARANCE, 0, ASSUMPTION, "test")
                .parameter("V", "volume", 150, Unit.L, Role.VOLUME, 0, ASSUMPTION, "test")
                .parameter("F", "a fraction the structure does not use", 0.5, Unit.FRACTION, Role.OTHER, 0,
                        ASSUMPTION, "test")
                .analytes(Analyte.KETAMINE)
                .route(Route.INTRAVENOUS, true, "test")
                .structure(TestModels::oneCompartment);
        return variability.apply(b).build();
    }

    private static String refused(UnaryOperator<PublishedModel.Builder> variability) {
        PublishedModel m = model(variability);
        return assertThrows(InvalidInputException.class, () -> VariabilityModel.published(m)).getMessage();
    }

    @Test
    void aTermOnAParameterTheModelLacksIsRefused() {
        // an IllegalStateException from the run before
        assertEquals("variability-2024 publishes variability of Q, which is not one of its parameters (CL, V, F)",
                refused(b -> b.variability(Variability.variance("Q", 0.1, ASSUMPTION, "test"))));
        assertEquals("variability-2024 publishes variability of Q, which is not one of its parameters (CL, V, F)",
                refused(b -> b.occasionVariability(Variability.variance("Q", 0.1, ASSUMPTION, "test"))));
    }

    @Test
    void aCovarianceNeedsBothVariancesAndIsNotAnOccasionTerm() {
        // an IllegalStateException before
        assertEquals("variability-2024 publishes a covariance of CL and V without both of their variances",
                refused(b -> b.variability(Variability.variance("CL", 0.1, ASSUMPTION, "test"))
                        .variability(Variability.covariance("CL", "V", 0.01, ASSUMPTION, "test"))));
        // read before as a variance of CL of 0.01
        assertEquals("variability-2024 publishes a covariance of CL and V among its between-occasion terms, which "
                + "are drawn independently", refused(b -> b.variability(Variability.variance("CL", 0.1, ASSUMPTION,
                        "test")).occasionVariability(Variability.covariance("CL", "V", 0.01, ASSUMPTION, "test"))));
    }

    @Test
    void aVarianceGivenTwiceIsRefused() {
        // both were drawn and added: the variance of CL became 0.3 without a word
        assertEquals("variability-2024 publishes two between-patient variances of CL", refused(b -> b.variability(
                Variability.variance("CL", 0.1, ASSUMPTION, "test")).variability(Variability.variance("CL", 0.2,
                        ASSUMPTION, "test"))));
    }

    @Test
    void effectsOfOneParameterOnTwoScalesAreRefused() {
        // the occasion effect was added on the between-patient term's scale
        assertEquals("variability-2024 publishes between-patient and between-occasion variability of F on different "
                + "scales (log, logit), which cannot be added", refused(b -> b.variability(Variability.variance("F",
                        0.1, ASSUMPTION, "test")).occasionVariability(Variability.logitVariance("F", 0.02,
                                ASSUMPTION, "test"))));
    }

    @Test
    void aLogitTermNeedsAValueStrictlyBetweenZeroAndOne() {
        // the effect was not drawn: logistic(logit(θ) + η) of a θ of 60 was taken as θ itself
        assertEquals("variability-2024 publishes logit-scale variability of CL, whose value 60 is not strictly "
                + "between 0 and 1", refused(b -> b.variability(Variability.logitVariance("CL", 0.1, ASSUMPTION,
                        "test"))));
    }

    @Test
    void aVarianceBeyondWhatCanBeSimulatedIsNamedWhenDrawn() {
        PublishedModel m = model(b -> b.variability(Variability.variance("CL", 1e7, ASSUMPTION, "test")));
        PopulationSimulation s = PopulationSimulation.of(m, java.util.Collections.nCopies(8, Patient.standardAdult()),
                org.ketaminepk.dosing.Regimen.of(org.ketaminepk.dosing.Dose.bolus(org.ketaminepk.dosing.Amount.mg(10),
                        0)), org.ketaminepk.base.TimeGrid.uniform(2, 0.5), 1);
        // an IllegalStateException from the parameter values before
        InvalidInputException e = assertThrows(InvalidInputException.class, s::run);
        // the patient is named first (the population's patients differ), and no "Infinity" is shown
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().matches("virtual patient \\d of 8 \\(40 years, "
                + "70 kg, 175 cm, male\\): variability of CL drew a random effect of .*, which takes CL from 60 to "
                + "more than any number holds, beyond .*"), e::getMessage);
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().endsWith(", beyond what can be simulated; its "
                + "variance is too large"), e::getMessage);
    }

    @Test
    void aWellFormedModelIsRead() {
        VariabilityModel v = VariabilityModel.published(model(b -> b.variability(Variability.variance("CL", 0.1,
                ASSUMPTION, "test")).variability(Variability.variance("V", 0.2, ASSUMPTION, "test"))
                .variability(Variability.covariance("CL", "V", 0.05, ASSUMPTION, "test"))
                .occasionVariability(Variability.variance("CL", 0.02, ASSUMPTION, "test"))));
        assertEquals(0.05, v.omega()[0][1]);
        assertEquals(1, v.occasionTerms().size());
    }
}
