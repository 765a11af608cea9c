package org.ketaminepk.patient;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.ketaminepk.base.Checks;

/**
 * What is known about a patient's liver: nothing, explicitly normal, a Child–Pugh class, a Child–Pugh score, or the
 * five items from which the score is computed. Immutable values.
 *
 * <p>When nothing is stated (or the liver is normal) the models' typical values are used unchanged.
 */
public sealed interface LiverFunction permits LiverFunction.NotStated, LiverFunction.Normal,
        LiverFunction.ClassGiven, LiverFunction.ScoreGiven, LiverFunction.Assessed {

    /** @return "not stated" */
    static LiverFunction notStated() {
        return NotStated.INSTANCE;
    }

    /** @return "no liver disease" */
    static LiverFunction normal() {
        return Normal.INSTANCE;
    }

    /** @return a known Child–Pugh class */
    static LiverFunction childPugh(ChildPughClass c) {
        return new ClassGiven(c);
    }

    /** @return a known Child–Pugh score, 5–15 points */
    static LiverFunction childPughScore(int score) {
        return new ScoreGiven(score);
    }

    /** @return the five Child–Pugh items */
    static LiverFunction childPugh(ChildPughComponents components) {
        return new Assessed(components);
    }

    /** @return the Child–Pugh class, if there is liver disease */
    Optional<ChildPughClass> childPughClass();

    /** @return the Child–Pugh score, if known */
    default OptionalInt childPughScore() {
        return OptionalInt.empty();
    }

    /** @return a short description for reports */
    String describe();

    /** @return unusual but accepted values */
    default List<String> unusualValues() {
        return List.of();
    }

    /** Liver function not given. */
    record NotStated() implements LiverFunction {
        static final NotStated INSTANCE = new NotStated();

        @Override
        public Optional<ChildPughClass> childPughClass() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "not stated";
        }
    }

    /** No liver disease. */
    record Normal() implements LiverFunction {
        static final Normal INSTANCE = new Normal();

        @Override
        public Optional<ChildPughClass> childPughClass() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "normal";
        }
    }

    /**
     * A Child–Pugh class given directly.
     *
     * @param childPughClassGiven the class
     */
    record ClassGiven(ChildPughClass childPughClassGiven) implements LiverFunction {
        /** Validates. */
        public ClassGiven {
            Checks.notNull("Child–Pugh class", childPughClassGiven);
        }

        @Override
        public Optional<ChildPughClass> childPughClass() {
            return Optional.of(childPughClassGiven);
        }

        @Override
        public String describe() {
            return "Child–Pugh class " + childPughClassGiven + " (as given)";
        }
    }

    /**
     * A Child–Pugh score given directly.
     *
     * @param score 5–15 points
     */
    record ScoreGiven(int score) implements LiverFunction {
        /** Validates. */
        public ScoreGiven {
            Checks.inRange("Child–Pugh score", score, 5, 15, "points");
        }

        @Override
        public Optional<ChildPughClass> childPughClass() {
            return Optional.of(ChildPughClass.ofScore(score));
        }

        @Override
        public OptionalInt childPughScore() {
            return OptionalInt.of(score);
        }

        @Override
        public String describe() {
            return "Child–Pugh score " + score + " (class " + ChildPughClass.ofScore(score) + ")";
        }
    }

    /**
     * The five Child–Pugh items.
     *
     * @param components the items
     */
    record Assessed(ChildPughComponents components) implements LiverFunction {
        /** Validates. */
        public Assessed {
            Checks.notNull("Child–Pugh items", components);
        }

        @Override
        public Optional<ChildPughClass> childPughClass() {
            return Optional.of(components.childPughClass());
        }

        @Override
        public OptionalInt childPughScore() {
            return OptionalInt.of(components.score());
        }

        @Override
        public String describe() {
            return "Child–Pugh score " + components.score() + " (class " + components.childPughClass() + "): "
                    + components.describe();
        }

        @Override
        public List<String> unusualValues() {
            return components.unusualValues();
        }
    }
}
