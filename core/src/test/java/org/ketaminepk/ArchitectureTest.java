package org.ketaminepk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ketaminepk.archfixture.CycleWithRoot;
import org.ketaminepk.base.Analyte;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Which packages of the core library may see which. The layers, bottom to top: {@code base} (names, checks, time
 * grids; sees no other project package), the domain packages ({@code engine}, {@code patient}, {@code model},
 * {@code dosing}, {@code adjust}, {@code library}, {@code protocol}, {@code result}; free of cycles among
 * themselves), the front door {@code org.ketaminepk} itself, which may use all of them and which none of them uses,
 * and the features built on the front door ({@code effect}, {@code target}, {@code population}, ...), which the
 * front door in turn may not use (the cycle rule sees to that). Argument parsing, charts, JSON and AWT stay in the
 * cli module.
 */
public class ArchitectureTest {
    private static final String ROOT = "org.ketaminepk";

    /** The production classes of core (the compiled tests are left out). */
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /**
     * Every package is its own slice, the front door included. ({@code slices().matching("org.ketaminepk.(**)")}
     * would leave the classes of {@code org.ketaminepk} itself out of every slice, so a cycle through the front door
     * would go unseen.)
     */
    private static final SliceAssignment EVERY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            return p.equals(ROOT) || p.startsWith(ROOT + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every package of " + ROOT + ", " + ROOT + " itself included";
        }
    };

    static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(EVERY_PACKAGE).should().beFreeOfCycles();

    static final ArchRule NO_FRONT_END_LIBRARIES = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("picocli..", "org.jfree..", "org.apache.batik..", "com.fasterxml.jackson..",
                    "java.awt..", "javax.swing..")
            .because("core is the library; argument parsing, charts, JSON and windows belong to the cli module");

    static final ArchRule BASE_STANDS_ALONE = noClasses().that().resideInAPackage(ROOT + ".base..").should()
            .dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".base.."))))
            .because("the foundation types are what every other package builds on");

    /** The packages below the front door: the engine, the models and what they are made of. */
    static final String[] DOMAIN = {ROOT + ".base..", ROOT + ".engine..", ROOT + ".patient..", ROOT + ".model..",
        ROOT + ".dosing..", ROOT + ".adjust..", ROOT + ".library..", ROOT + ".protocol..", ROOT + ".result.."};

    static final ArchRule THE_DOMAIN_DOES_NOT_USE_THE_FRONT_DOOR = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAPackage(ROOT)
            .because("the front door (" + ROOT + ") uses the domain packages, so none of them may use it");

    @Test
    void packagesAreFreeOfCycles() {
        NO_PACKAGE_CYCLES.check(CORE);
    }

    @Test
    void coreUsesNoFrontEndLibrary() {
        NO_FRONT_END_LIBRARIES.check(CORE);
    }

    @Test
    void baseDependsOnNoOtherProjectPackage() {
        BASE_STANDS_ALONE.check(CORE);
    }

    @Test
    void noDomainPackageDependsOnTheFrontDoor() {
        THE_DOMAIN_DOES_NOT_USE_THE_FRONT_DOOR.check(CORE);
    }

    @Test
    void theImportHoldsTheFrontDoorAndTheFoundationButNoTests() {
        assertTrue(CORE.contain(Simulation.class));
        assertTrue(CORE.contain(Analyte.class));
        assertFalse(CORE.contain(ArchitectureTest.class));
    }

    /** A class of the front door and one of a sub-package that use each other: the rules must see that cycle. */
    @Test
    void aCycleThroughTheFrontDoorIsCaught() {
        JavaClasses cycle = new ClassFileImporter().importClasses(UsedByFixture.class, CycleWithRoot.class);
        EvaluationResult cycles = NO_PACKAGE_CYCLES.evaluate(cycle);
        assertTrue(cycles.hasViolation(), "no cycle reported");
        assertTrue(cycles.getFailureReport().toString().contains(ROOT + ".archfixture"),
                cycles.getFailureReport().toString());
    }

    /** Half of the test cycle; the other half is {@link CycleWithRoot}. */
    public static final class UsedByFixture {
        CycleWithRoot other;
    }
}
