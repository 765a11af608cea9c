package org.ketaminepk.library;

import static org.ketaminepk.model.Provenance.TRANSCRIPTION;

import java.util.OptionalInt;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.ParameterValues;
import org.ketaminepk.model.Population;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.SamplingSite;
import org.ketaminepk.model.Unit;
import org.ketaminepk.patient.Patient;

/**
 * Domino EF et al. (1984), racemic ketamine: the three-compartment micro-constant set that target-controlled
 * infusion programs have carried since STANPUMP. The paper's own table was not read; every value is the STANPUMP
 * lineage's transcription.
 */
final class Domino1984 {
    private Domino1984() {
    }

    private static final String SOURCE = Sources.STANPUMP + "; identical in " + Sources.STANPUMPR;

    static final PublishedModel MODEL = PublishedModel.builder("domino-1984")
            .name("Domino 1984, racemic ketamine, 3-compartment (TCI parameter set)")
            .citation(Citation.of("Domino EF, et al.", 1984,
                    "Ketamine kinetics in unmedicated and diazepam-premedicated subjects",
                    "Clin Pharmacol Ther 1984;36(5):645-653").withUrl("https://pubmed.ncbi.nlm.nih.gov/6488686/"))
            .drugForm(DrugForm.RACEMIC)
            .population(new Population("subjects given racemic ketamine unmedicated or after diazepam "
                    + "premedication (number, ages and weights not verified: the paper was not read)",
                    OptionalInt.empty(), 18, 65,
                    40, 120, "title of the paper; the age and weight range is this library's adult default, "
                            + "not a published range"))
            .samplingSite(SamplingSite.NOT_STATED)
            .scaling("V1 per kg of body weight; the rate constants do not depend on weight (as carried by all "
                    + "transcriptions)")
            .parameter("V1", "central volume", 0.063, Unit.L_PER_KG, Role.VOLUME, 1, TRANSCRIPTION, SOURCE)
            .parameter("k10", "elimination rate constant", 0.438, Unit.PER_MIN, Role.PARENT_CLEARANCE, 0,
                    TRANSCRIPTION, SOURCE + " (opentiva and SimTIVA print 0.4381)")
            .parameter("k12", "rate constant central → peripheral 1", 0.592, Unit.PER_MIN,
                    Role.DISTRIBUTION_CLEARANCE, 0, TRANSCRIPTION, SOURCE + " (opentiva and SimTIVA print 0.5921)")
            .parameter("k13", "rate constant central → peripheral 2", 0.590, Unit.PER_MIN,
                    Role.DISTRIBUTION_CLEARANCE, 0, TRANSCRIPTION, SOURCE)
            .parameter("k21", "rate constant peripheral 1 → central", 0.247, Unit.PER_MIN,
                    Role.DISTRIBUTION_CLEARANCE, 0, TRANSCRIPTION, SOURCE)
            .parameter("k31", "rate constant peripheral 2 → central", 0.0146, Unit.PER_MIN,
                    Role.DISTRIBUTION_CLEARANCE, 0, TRANSCRIPTION, SOURCE)
            .note("Citation: Clin Pharmacol Ther 1984;36(5):645-653, PubMed id 6488686 as given by stanpumpR "
                    + "(the PubMed page itself was not opened). STANPUMP cites the same volume and pages with the "
                    + "year 1991, which is wrong for volume 36; opentiva cites PubMed id 7198883, which does not "
                    + "match this paper. Neither is used.")
            .note("Values are the oldest transcription (STANPUMP, three decimals). opentiva and SimTIVA carry "
                    + "0.4381 and 0.5921 /min for k10 and k12 without saying why; the slowest eigenvalue is "
                    + "0.00605 /min with either set.")
            .note("Derived from the transcription: CL = V1·k10 = 27.6 mL/min/kg (1.93 L/min at 70 kg), "
                    + "V2 = 0.151 L/kg, V3 = 2.55 L/kg, Vss = 2.76 L/kg, terminal half-life 1.9 h (λ3 = "
                    + "0.00605 /min). The clearance is high and the half-life short next to later studies "
                    + "(about 2.5-3 h); whether the set describes volunteers could not be checked.")
            .note("Population, dose, sampling site and whether the constants are means of individual fits: not "
                    + "verified. No interindividual variability is carried by any transcription.")
            .note("No effect-site constant is used. The only ke0 estimated with this parameter set is 0.238 /min "
                    + "(95 % CI 0.20-0.28; Navarrete V et al., 20 adults, 0.1 mg/kg bolus, Analgesia Nociception "
                    + "Index, Domino PK fixed; preprint doi:10.21203/rs.3.rs-5027055/v1, abstract); the values in "
                    + "TCI programs (0.652, 1.0, 10 /min, tpeak 3 min) are guesses.")
            .analytes(Analyte.KETAMINE)
            .route(Route.INTRAVENOUS, true, "the model's own data")
            .structure(Domino1984::structure)
            .build();

    private static void structure(CompartmentSystem.Builder b, ParameterValues p, Patient patient) {
        int c = Structures.mammillaryMicro(b, Analyte.KETAMINE, "ketamine ", p.get("k10"), p.get("k12"),
                p.get("k21"), p.get("k13"), p.get("k31"));
        b.observe(Analyte.KETAMINE, c, p.get("V1"));
        b.route(Route.INTRAVENOUS, Structures.intravenous(c));
    }
}
