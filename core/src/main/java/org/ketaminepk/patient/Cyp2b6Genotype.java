package org.ketaminepk.patient;

import java.util.Locale;
import java.util.OptionalInt;

import org.ketaminepk.base.InvalidInputException;

/**
 * CYP2B6 genotype for the *6 allele, the variant studied with ketamine. CYP2B6 is, with CYP3A4, the main enzyme of
 * ketamine N-demethylation to norketamine.
 */
public enum Cyp2b6Genotype {
    /** Not tested (no adjustment). */
    NOT_TESTED("not tested", -1),
    /** *1/*1, reference genotype (no adjustment). */
    STAR1_STAR1("*1/*1", 0),
    /** *1/*6, one reduced-function allele. */
    STAR1_STAR6("*1/*6", 1),
    /** *6/*6, two reduced-function alleles. */
    STAR6_STAR6("*6/*6", 2);

    private final String label;
    /** The count of *6 alleles; -1 when not tested, which never leaves this class. */
    private final int star6Alleles;

    Cyp2b6Genotype(String label, int star6Alleles) {
        this.label = label;
        this.star6Alleles = star6Alleles;
    }

    /** @return the genotype as written, e.g. "*1/*6" */
    public String label() {
        return label;
    }

    /** @return number of *6 alleles, 0 to 2; empty when not tested */
    public OptionalInt star6Alleles() {
        return star6Alleles < 0 ? OptionalInt.empty() : OptionalInt.of(star6Alleles);
    }

    /** Parses "*1/*1", "*1/*6", "*6/*1", "*6/*6" (stars optional), or "not-tested" / "unknown". */
    public static Cyp2b6Genotype parse(String s) {
        String w = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace("*", "").replace(" ", "");
        switch (w) {
            case "1/1": return STAR1_STAR1;
            case "1/6": case "6/1": return STAR1_STAR6;
            case "6/6": return STAR6_STAR6;
            case "not-tested": case "nottested": case "unknown": case "": return NOT_TESTED;
            default: throw InvalidInputException.notOneOf("CYP2B6 genotype", s, "*1/*1, *1/*6, *6/*6");
        }
    }
}
