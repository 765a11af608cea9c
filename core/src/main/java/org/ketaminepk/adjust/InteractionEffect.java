package org.ketaminepk.adjust;

import org.ketaminepk.base.Checks;
import org.ketaminepk.patient.CoMedication;

/**
 * What an interacting co-medication does: a factor on ketamine's hepatic intrinsic clearance (from which the
 * well-stirred liver gives the change in systemic clearance and, for swallowed doses, in first-pass availability)
 * and a factor on norketamine clearance. Immutable; one per {@link CoMedication}, by {@link #of(CoMedication)}.
 *
 * <p>The published numbers are mostly for <em>oral</em> S-ketamine, whose AUC under the well-stirred model is
 * proportional to 1/CLint whatever the hepatic flow; the intrinsic-clearance factor is therefore 1 / (oral AUC
 * ratio). Gut-wall metabolism is lumped into it, so for intravenous and nasal doses the effect may be overstated.
 *
 * @param drug the co-medication
 * @param intrinsicClearanceFactor factor on ketamine intrinsic clearance
 * @param metaboliteClearanceFactor factor on total norketamine clearance
 * @param observed what the interaction studies observed, in words
 * @param source citations and the derivation; starts with "assumption:" where a number is not directly published
 */
public record InteractionEffect(CoMedication drug, double intrinsicClearanceFactor, double metaboliteClearanceFactor,
        String observed, String source) {

    /** Validates. */
    public InteractionEffect {
        Checks.notNull("co-medication", drug);
        Checks.positive("intrinsic clearance factor", intrinsicClearanceFactor, 100, "");
        Checks.positive("metabolite clearance factor", metaboliteClearanceFactor, 100, "");
        Checks.notNull("observed", observed);
        Checks.notNull("source", source);
    }

    /** @return the effect of {@code drug} */
    public static InteractionEffect of(CoMedication drug) {
        Checks.notNull("co-medication", drug);
        switch (drug) {
            case RIFAMPICIN:
                return new InteractionEffect(drug, 2.0, 3.0,
                        "S-ketamine AUC −14 % after 0.1 mg/kg IV and −86 % after 0.3 mg/kg oral (rifampicin 600 mg/d, "
                        + "6 d); during a 2-h IV S-ketamine infusion S-ketamine AUC −10 %, S-norketamine AUC −50 %, "
                        + "S-norketamine elimination +200 %",
                        "assumption: intrinsic clearance ×2.0 derived from the IV AUC −14 % (Peltoniemi MA et al. "
                        + "Basic Clin Pharmacol Toxicol 2012;111(5):325-32, doi:10.1111/j.1742-7843.2012.00908.x) "
                        + "through the well-stirred liver at extraction 0.72 (esketamine, Perez-Ruixo 2021); "
                        + "norketamine clearance ×3 from S-norketamine elimination +200 % (Noppers I et al. "
                        + "Anesthesiology 2011, rifampicin and S-ketamine); oral −86 % not reproduced (gut-wall "
                        + "induction not represented)");
            case CLARITHROMYCIN:
                return new InteractionEffect(drug, 1 / 2.6, 1.0,
                        "oral S-ketamine 0.2 mg/kg: Cmax ×3.6, AUC ×2.6, relative norketamine amount −54 %; "
                        + "esketamine 84 mg nasal: Cmax and AUC increased (size not found)",
                        "assumption: intrinsic clearance ×1/2.6 from the oral S-ketamine AUC ×2.6 (Hagelberg NM et al. "
                        + "Eur J Pain 2010;14(6):625-9, doi:10.1016/j.ejpain.2009.10.003), oral AUC ∝ 1/CLint "
                        + "(well-stirred liver), gut-wall CYP3A4 inhibition lumped in");
            case TICLOPIDINE:
                return new InteractionEffect(drug, 1 / 2.4, 1.0,
                        "oral S-ketamine 0.2 mg/kg: AUC ×2.4, norketamine/ketamine AUC ratio lower; esketamine "
                        + "nasal spray: AUC +29 %, Cmax unchanged",
                        "assumption: intrinsic clearance ×1/2.4 from the oral S-ketamine AUC ×2.4 (Peltoniemi MA et "
                        + "al. Clin Pharmacol Ther 2011;90(2):296-302, doi:10.1038/clpt.2011.140), oral AUC ∝ "
                        + "1/CLint (well-stirred liver); the esketamine label's nasal AUC +29 % is smaller than "
                        + "this predicts");
            case ITRACONAZOLE:
                return new InteractionEffect(drug, 1.0, 1.0,
                        "oral S-ketamine 0.2 mg/kg: exposure unchanged; norketamine/ketamine AUC ratio lower",
                        "Peltoniemi MA et al. Clin Pharmacol Ther 2011;90(2):296-302, doi:10.1038/clpt.2011.140 "
                        + "(no change in S-ketamine exposure; the fall in norketamine formation is not represented)");
            default:
                throw new IllegalStateException("no interaction data for " + drug);
        }
    }

    /** @return whether this co-medication changes anything in the models */
    public boolean changesAnything() {
        return intrinsicClearanceFactor != 1 || metaboliteClearanceFactor != 1;
    }
}
