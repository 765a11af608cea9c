package org.ketaminepk.adjust;

import org.ketaminepk.base.Checks;
import org.ketaminepk.patient.Cyp2b6Genotype;

/**
 * What a CYP2B6 genotype does to ketamine's hepatic intrinsic clearance. Immutable; by {@link
 * #of(Cyp2b6Genotype)}.
 *
 * <p>The direction is clear in vitro (human liver microsomes: high-affinity intrinsic clearance at least 2-fold lower
 * with *1/*6 and 6-fold lower with *6/*6), and in chronic-pain patients on subcutaneous infusions clearance fell with
 * the number of *6 alleles. But after a single oral dose in healthy volunteers no difference was found (Rao LK et al.,
 * Anesthesiology 2016;125(6):1103-12, doi:10.1097/ALN.0000000000001392). The size used here — CYP2B6 activity ×1/2
 * per the in-vitro data for *1/*6 and ×1/6 for *6/*6, on a 50 % CYP2B6 share of intrinsic clearance — is therefore
 * an assumption, likely an upper bound.
 *
 * @param genotype the genotype
 * @param cyp2b6ActivityFactor CYP2B6 activity, fraction of *1/*1
 */
public record GenotypeEffect(Cyp2b6Genotype genotype, double cyp2b6ActivityFactor) {

    /** For an Adjustment's source. */
    public static final String SOURCE = "assumption: CYP2B6 activity ×1/2 (*1/*6) or ×1/6 (*6/*6) from in-vitro "
            + "intrinsic clearance in genotyped human liver microsomes (cited by Cook-Sather SD et al., Anesthesiology "
            + "2016;125:1085-7, doi:10.1097/ALN.0000000000001399), on a 50 % CYP2B6 share of intrinsic clearance "
            + "(assumed); in vivo evidence is mixed: no effect after oral ketamine (Rao 2016, "
            + "doi:10.1097/ALN.0000000000001392), lower clearance with subcutaneous infusions (Li 2015, as cited by "
            + "Cook-Sather 2016)";

    /** Validates. */
    public GenotypeEffect {
        Checks.notNull("CYP2B6 genotype", genotype);
        Checks.inRange("CYP2B6 activity factor", cyp2b6ActivityFactor, 0, 1, "");
    }

    /** @return the effect of {@code g} (none for *1/*1 and for not tested) */
    public static GenotypeEffect of(Cyp2b6Genotype g) {
        Checks.notNull("CYP2B6 genotype", g);
        switch (g) {
            case STAR1_STAR6: return new GenotypeEffect(g, 0.5);
            case STAR6_STAR6: return new GenotypeEffect(g, 1.0 / 6);
            default: return new GenotypeEffect(g, 1.0);
        }
    }

    /** @return factor on intrinsic clearance: 0.5 + 0.5 × CYP2B6 activity */
    public double intrinsicClearanceFactor() {
        return (1 - ChildPughEffect.CYP2B6_SHARE) + ChildPughEffect.CYP2B6_SHARE * cyp2b6ActivityFactor;
    }
}
