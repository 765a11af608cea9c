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
 * Hijazi Y et al. (2003), racemic ketamine in intensive-care patients with brain or spinal cord injury: a
 * two-compartment set whose clearance (36.0 mL/min/kg) and half-life (4.9 h) match the paper's abstract. Not a
 * healthy-adult model.
 */
final class Hijazi2003 {
    private Hijazi2003() {
    }

    private static final String SOURCE = Sources.OPENTIVA + ", class Hijazi";

    static final PublishedModel MODEL = PublishedModel.builder("hijazi-2003")
            .name("Hijazi 2003, racemic ketamine in ICU patients with brain or spinal cord injury, 2-compartment")
            .citation(Citation.of("Hijazi Y, Bodonian C, Bolon M, Salord F, Boulieu R", 2003,
                    "Pharmacokinetics and haemodynamics of ketamine in intensive care patients with brain or "
                            + "spinal cord injury",
                    "Br J Anaesth 2003;90(2):155-160").withDoi("10.1093/bja/aeg028"))
            .drugForm(DrugForm.RACEMIC)
            .population(new Population("12 intensive-care patients with brain or spinal cord injury (ages, weights "
                    + "and dosing not verified)", OptionalInt.of(12), 18, 80, 40, 120,
                    "abstract; the age and weight range is this library's adult default, not a published range"))
            .samplingSite(SamplingSite.NOT_STATED)
            .scaling("V1 per kg of body weight; rate constants independent of weight (as transcribed)")
            .parameter("V1", "central volume", 1.08, Unit.L_PER_KG, Role.VOLUME, 1, TRANSCRIPTION, SOURCE)
            .parameter("k10", "elimination rate constant", 0.0333, Unit.PER_MIN, Role.PARENT_CLEARANCE, 0,
                    TRANSCRIPTION, SOURCE)
            .parameter("k12", "rate constant central → peripheral", 0.0088, Unit.PER_MIN,
                    Role.DISTRIBUTION_CLEARANCE, 0, TRANSCRIPTION, SOURCE)
            .parameter("k21", "rate constant peripheral → central", 0.0030, Unit.PER_MIN,
                    Role.DISTRIBUTION_CLEARANCE, 0, TRANSCRIPTION, SOURCE)
            .note("The abstract reports total clearance 36.0 (SD 13.3) mL/min/kg, Vβ 16.0 (SD 8.6) L/kg and "
                    + "elimination half-life 4.9 (SD 1.6) h. The transcribed micro-constants give CL = V1·k10 = "
                    + "35.96 mL/min/kg, a terminal half-life of 4.94 h and Vβ = 15.4 L/kg (a typical-value Vβ "
                    + "need not equal a mean of individual Vβ), so they were very probably derived from the "
                    + "paper's mean parameters. V1 itself was not verified.")
            .note("Norketamine and dehydronorketamine were measured in the study but the abstract gives no "
                    + "values; this model predicts ketamine only.")
            .note("opentiva limits this model to age ≤ 18 years, which does not fit an adult ICU study; no "
                    + "paediatric limit is used here. Ages were not verified.")
            .note("The abstract's between-patient SDs are of non-compartmental estimates; no population "
                    + "variability is carried. The opentiva ke0 (4.773 /min) is derived from an assumed time to "
                    + "peak and is not used.")
            .analytes(Analyte.KETAMINE)
            .route(Route.INTRAVENOUS, true, "the model's own data")
            .structure((b, p, patient) -> Structures.twoCompartmentMicroIv(b, p))
            .build();

}
