package org.ketaminepk.library;

import static org.ketaminepk.model.Provenance.TRANSCRIPTION;

import java.util.OptionalInt;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.Population;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.SamplingSite;
import org.ketaminepk.model.Unit;

/**
 * Clements JA and Nimmo WS (1981), racemic ketamine, two compartments from 250 µg/kg bolus data, as transcribed by
 * opentiva. The paper's table was not read. Its very large central volume makes it unsuitable for the first
 * ~15 minutes after a dose.
 */
final class Clements1981 {
    private Clements1981() {
    }

    private static final String SOURCE = Sources.OPENTIVA + ", class Clements250 (docstring: \"based on 250 mcg/kg "
            + "bolus data\")";

    static final PublishedModel MODEL = PublishedModel.builder("clements-1981")
            .name("Clements 1981, racemic ketamine, 2-compartment (250 µg/kg bolus)")
            .citation(Citation.of("Clements JA, Nimmo WS", 1981,
                    "Pharmacokinetics and analgesic effect of ketamine in man", "Br J Anaesth 1981;53(1):27-30")
                    .withDoi("10.1093/bja/53.1.27"))
            .drugForm(DrugForm.RACEMIC)
            .population(new Population("adults given 250 µg/kg racemic ketamine IV (number, ages and weights not "
                    + "verified: the paper was not read)", OptionalInt.empty(), 18, 65, 40, 120,
                    "dose per the transcription's docstring; the age and weight range is this library's adult "
                            + "default, not a published range"))
            .samplingSite(SamplingSite.NOT_STATED)
            .scaling("V1 per kg of body weight; rate constants independent of weight (as transcribed)")
            .parameter("V1", "central volume", 1.7522, Unit.L_PER_KG, Role.VOLUME, 1, TRANSCRIPTION, SOURCE)
            .parameter("k10", "elimination rate constant", 0.0109, Unit.PER_MIN, Role.PARENT_CLEARANCE, 0,
                    TRANSCRIPTION, SOURCE)
            .parameter("k12", "rate constant central → peripheral", 0.0186, Unit.PER_MIN,
                    Role.DISTRIBUTION_CLEARANCE, 0, TRANSCRIPTION, SOURCE)
            .parameter("k21", "rate constant peripheral → central", 0.0137, Unit.PER_MIN,
                    Role.DISTRIBUTION_CLEARANCE, 0, TRANSCRIPTION, SOURCE)
            .note("Only one transcription exists (opentiva); the paper's table, population, sampling site and "
                    + "analgesia endpoint were not verified. The PubMed id opentiva gives is 7459184.")
            .note("Derived from the transcription (rate constants in 1/min, as opentiva declares): CL = "
                    + "V1·k10 = 19.1 mL/min/kg (80 L/h at 70 kg), V2 = 2.38 L/kg, Vss = 4.13 L/kg, half-lives "
                    + "17.6 min and 183 min (3.05 h). The set is internally coherent: the clearance equals the "
                    + "Kamp 2020 meta-analysis (79 L/h at 70 kg) and the 3 h half-life is the textbook value. "
                    + "Read as 1/h the clearance would be impossible (0.3 mL/min/kg).")
            .note("V1 = 1.75 L/kg is far larger than any other central volume for ketamine (Domino 0.063, Herd "
                    + "0.55, Kamp 0.36 L/kg): 250 µg/kg gives only 143 ng/mL at time 0. This is what a "
                    + "bi-exponential fit without early samples produces; whether 1.7522 is the paper's V1, a volume "
                    + "derived by the transcriber, or a mis-copied Vss cannot be settled without the paper. Do not "
                    + "use this model for concentrations in the first ~15 min after a dose.")
            .note("The 93 % intramuscular and 17 % oral bioavailabilities often attributed to Clements come from a "
                    + "different paper (J Pharm Sci 1982) and are not part of this model.")
            .note("No effect-site constant: opentiva's ke0 5.2 /min is derived from an assumed time to peak of "
                    + "1 min, not published.")
            .note("No between-patient variability exists for this model: it predates population modelling "
                    + "(individual fits), and no transcription carries any.")
            .analytes(Analyte.KETAMINE)
            .route(Route.INTRAVENOUS, true, "the model's own data")
            .structure((b, p, patient) -> Structures.twoCompartmentMicroIv(b, p))
            .build();

}
