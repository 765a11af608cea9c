package org.ketaminepk.dosing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;

/**
 * Reads dose specifications written the way people write them on a chart or in a paper, e.g.
 * <pre>
 *   bolus 0.35 mg/kg                      0.5 mg/kg over 40 min           1.2 mg/kg/h for 72 h
 *   bolus 20 mg at 2 h                    41 µg/kg/min for 3 h            22 mg/h for 4 d
 *   0.35 mg/kg/h for 4 h daily x10 max 25 mg/h                            28.8 mg ketamine HCl over 40 min
 *   oral 50 mg every 8 h x6               sublingual 25 mg                intranasal 56 mg
 * </pre>
 * One specification yields a {@link Regimen} of one dose, or of several when it repeats ({@code every 8 h x6},
 * {@code daily x10}, {@code weekly x4}). Weight-based amounts and rates stay weight-based; the regimen resolves
 * them for a patient when it is scheduled.
 *
 * <p><b>Grammar.</b> Words may come in any order; each at most once.
 * <ul>
 *   <li>an amount ({@code mg, µg/ug/mcg, mg/kg, µg/kg}) or a rate ({@code mg/h, mg/min, mg/kg/h, µg/kg/min,
 *       µg/kg/h}); number and unit with or without a space;</li>
 *   <li>a route: {@code iv, intravenous, oral, po, sublingual, sl, buccal, intranasal, nasal, im, intramuscular,
 *       sc, subcutaneous}; {@code bolus} means an intravenous bolus;</li>
 *   <li>{@code over TIME} (an amount given as an intravenous infusion) or {@code for TIME} (a rate);</li>
 *   <li>{@code at TIME}: the start, from time 0 (default 0);</li>
 *   <li>{@code every TIME xN}, {@code daily xN}, {@code weekly xN}: N doses in all ({@code ×N} also works);</li>
 *   <li>{@code max N mg/h} (or {@code cap}): a ceiling on a weight-based infusion rate;</li>
 *   <li>{@code HCl} / {@code hydrochloride}: the amount is ketamine hydrochloride, converted to base by
 *       {@link DrugSalt#HYDROCHLORIDE}; {@code base} (the default), {@code ketamine}, {@code esketamine} and
 *       {@code of} are accepted and change nothing (the model decides which drug is simulated).</li>
 * </ul>
 * TIME is a number and a unit: {@code s, sec, min, h, hr, d, day, w, week} (and plurals). Commas and
 * semicolons count as spaces.
 *
 * <p>Every failure is a {@link ParseException} (an {@link InvalidInputException}) that names the word and its
 * column and lists the accepted forms; nothing else is thrown. Stateless and thread-safe. Not a prescription
 * checker: a dose that is valid here may be clinically absurd.
 */
public final class DoseParser {
    /** Longest accepted specification, characters. */
    public static final int MAX_LENGTH = 500;
    /** Longest number written out in full as the advice on a number in exponent notation (1e-20 to 1e20). */
    private static final int MAX_PLAIN_DIGITS = 22;

    /** The accepted forms in one line, as error messages and help texts show them. */
    public static final String FORMS = "bolus AMOUNT | AMOUNT over TIME | RATE for TIME | ROUTE AMOUNT, then optionally "
            + "at TIME, every TIME xN | daily xN | weekly xN, max N mg/h, HCl "
            + "(e.g. 'bolus 20 mg at 2 h', '0.5 mg/kg over 40 min', '0.35 mg/kg/h for 4 h daily x10 max 25 mg/h', "
            + "'oral 50 mg every 8 h x6')";

    /** The accepted forms in brief, as error messages show them next to the closest example. */
    public static final String SHORT_FORMS = "bolus AMOUNT | AMOUNT over TIME | RATE for TIME | ROUTE AMOUNT, "
            + "each optionally with at TIME, every TIME xN, daily xN, weekly xN, max N mg/h, HCl";

    /** Specifications that the parser accepts, for help texts and documentation. */
    public static final List<String> EXAMPLES = List.of(
            "bolus 0.35 mg/kg",
            "bolus 20 mg at 2 h",
            "0.5 mg/kg over 40 min",
            "20 mg over 20 min",
            "1.2 mg/kg/h for 72 h",
            "41 ug/kg/min for 3 h",
            "22 mg/h for 4 d",
            "0.35 mg/kg/h for 4 h daily x10 max 25 mg/h",
            "oral 50 mg every 8 h x6",
            "sublingual 25 mg",
            "intranasal 56 mg",
            "im 0.5 mg/kg",
            "28.8 mg ketamine HCl over 40 min");

    private static final String AMOUNT_UNITS = "mg, µg, mg/kg, µg/kg";
    private static final String RATE_UNITS = "mg/h, mg/min, mg/kg/h, µg/kg/min, µg/kg/h";
    private static final String TIME_UNITS = "s, min, h, d, week";
    private static final String KEYWORDS = "bolus, infusion, over, for, at, every, daily, weekly, x, max, HCl, "
            + "and the routes iv, oral, sublingual, buccal, intranasal, im, sc";

    private static final Map<String, Amount.Unit> AMOUNT_UNIT_WORDS = Map.ofEntries(
            Map.entry("mg", Amount.Unit.MG), Map.entry("milligram", Amount.Unit.MG),
            Map.entry("milligrams", Amount.Unit.MG), Map.entry("ug", Amount.Unit.UG),
            Map.entry("mcg", Amount.Unit.UG), Map.entry("microgram", Amount.Unit.UG),
            Map.entry("micrograms", Amount.Unit.UG), Map.entry("mg/kg", Amount.Unit.MG_PER_KG),
            Map.entry("ug/kg", Amount.Unit.UG_PER_KG), Map.entry("mcg/kg", Amount.Unit.UG_PER_KG));

    private static final Map<String, Rate.Unit> RATE_UNIT_WORDS = Map.ofEntries(
            Map.entry("mg/h", Rate.Unit.MG_PER_H), Map.entry("mg/hr", Rate.Unit.MG_PER_H),
            Map.entry("mg/hour", Rate.Unit.MG_PER_H), Map.entry("mg/min", Rate.Unit.MG_PER_MIN),
            Map.entry("mg/kg/h", Rate.Unit.MG_PER_KG_PER_H), Map.entry("mg/kg/hr", Rate.Unit.MG_PER_KG_PER_H),
            Map.entry("ug/kg/min", Rate.Unit.UG_PER_KG_PER_MIN), Map.entry("mcg/kg/min", Rate.Unit.UG_PER_KG_PER_MIN),
            Map.entry("ug/kg/h", Rate.Unit.UG_PER_KG_PER_H), Map.entry("ug/kg/hr", Rate.Unit.UG_PER_KG_PER_H),
            Map.entry("mcg/kg/h", Rate.Unit.UG_PER_KG_PER_H));

    /** Hours per time unit word. */
    private static final Map<String, Double> TIME_UNIT_WORDS = Map.ofEntries(
            Map.entry("s", 1.0 / 3600), Map.entry("sec", 1.0 / 3600), Map.entry("secs", 1.0 / 3600),
            Map.entry("second", 1.0 / 3600), Map.entry("seconds", 1.0 / 3600),
            Map.entry("min", 1.0 / 60), Map.entry("mins", 1.0 / 60), Map.entry("minute", 1.0 / 60),
            Map.entry("minutes", 1.0 / 60),
            Map.entry("h", 1.0), Map.entry("hr", 1.0), Map.entry("hrs", 1.0), Map.entry("hour", 1.0),
            Map.entry("hours", 1.0),
            Map.entry("d", 24.0), Map.entry("day", 24.0), Map.entry("days", 24.0),
            Map.entry("w", 168.0), Map.entry("wk", 168.0), Map.entry("wks", 168.0), Map.entry("week", 168.0),
            Map.entry("weeks", 168.0));

    private static final Map<String, Route> ROUTE_WORDS = Map.ofEntries(
            Map.entry("iv", Route.INTRAVENOUS), Map.entry("intravenous", Route.INTRAVENOUS),
            Map.entry("oral", Route.ORAL), Map.entry("po", Route.ORAL),
            Map.entry("sublingual", Route.SUBLINGUAL), Map.entry("sl", Route.SUBLINGUAL),
            Map.entry("buccal", Route.BUCCAL), Map.entry("intranasal", Route.INTRANASAL),
            Map.entry("nasal", Route.INTRANASAL), Map.entry("im", Route.INTRAMUSCULAR),
            Map.entry("intramuscular", Route.INTRAMUSCULAR), Map.entry("sc", Route.SUBCUTANEOUS),
            Map.entry("subcutaneous", Route.SUBCUTANEOUS), Map.entry("subcut", Route.SUBCUTANEOUS));

    private DoseParser() {
    }

    /**
     * A dose specification, or a time, that could not be read. The message is one line: the text, the column and
     * word where it went wrong, what is wrong, and the accepted forms.
     */
    public static final class ParseException extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        private final String input;
        private final int column;
        private final String word;
        private final String problem;
        private final InvalidInputException refused;
        private final String forms;

        private ParseException(String field, String input, int column, String word, String problem, String forms) {
            this(field, input, column, word, problem, null, forms);
        }

        /** @param refused the library's refusal of a value read at {@code word}, worded only when shown */
        private ParseException(String field, String input, int column, String word, String problem,
                InvalidInputException refused, String forms) {
            super(Kind.STATEMENT, field, input);
            this.input = input;
            this.column = column;
            this.word = word;
            this.problem = problem;
            this.refused = refused;
            this.forms = forms;
            if (refused != null) {
                initCause(refused);
            }
        }

        /** @return "\"TEXT\", column N (WORD): PROBLEM; accepted: FORMS", the sentence after the field's name */
        @Override
        protected String words() {
            return String.format(Locale.ROOT, "\"%s\", column %d (%s): %s; accepted: %s", oneLine(input), column, word,
                    problem(), forms);
        }

        /** @return the text that was parsed */
        public String input() {
            return input;
        }

        /** @return the 1-based column (character position) of the offending word; length + 1 at the end */
        public int column() {
            return column;
        }

        /** @return the offending word, quoted, or "end of text" */
        public String word() {
            return word;
        }

        /** @return what is wrong, without the position and the accepted forms */
        public String problem() {
            return refused != null ? refused.getMessage() : problem;
        }
    }

    /**
     * Parses one dose specification.
     *
     * @param spec the text, e.g. {@code "0.5 mg/kg over 40 min"}
     * @return a regimen holding the dose (several doses when the specification repeats)
     * @throws ParseException if the text is not a valid specification
     */
    public static Regimen parse(String spec) {
        return new SpecParser(spec == null ? "" : spec).parse();
    }

    /**
     * Parses a time span such as {@code 90min}, {@code 12 h}, {@code 6d}, {@code 30 s}, {@code 0.5h}.
     *
     * @param text the text
     * @return the span, h (finite, {@code >= 0})
     * @throws ParseException (field {@code duration}) if the text is not a number followed by a time unit
     */
    public static double parseDurationH(String text) {
        String s = text == null ? "" : text;
        List<Token> tokens = tokenize("duration", s, TIME_UNITS + " (e.g. 90 min, 12 h, 6 d)");
        String forms = "a number and a time unit: " + TIME_UNITS + " (e.g. 90 min, 12 h, 6 d)";
        if (tokens.isEmpty()) {
            throw new ParseException("duration", s, 1, "end of text", "a time is missing", forms);
        }
        Token n = tokens.get(0);
        if (n.kind != Kind.NUMBER) {
            throw new ParseException("duration", s, n.column, quote(n.text), "expected a number", forms);
        }
        if (tokens.size() < 2) {
            throw new ParseException("duration", s, s.length() + 1, "end of text",
                    "the number " + n.text + " needs a time unit", forms);
        }
        Token u = tokens.get(1);
        Double perUnit = TIME_UNIT_WORDS.get(u.norm);
        if (u.kind != Kind.WORD || perUnit == null) {
            throw new ParseException("duration", s, u.column, quote(u.text), "unknown time unit", forms);
        }
        if (tokens.size() > 2) {
            Token extra = tokens.get(2);
            throw new ParseException("duration", s, extra.column, quote(extra.text), "unexpected word", forms);
        }
        double h = n.number * perUnit;
        if (!Double.isFinite(h)) {
            throw new ParseException("duration", s, n.column, quote(n.text), "the number is too large", forms);
        }
        return h;
    }

    // ------------------------------------------------------------------------------------------------ tokens

    private enum Kind { NUMBER, WORD }

    /** A word or number of the input with its 1-based column; {@code norm} is lower-case with µ written u. */
    private record Token(Kind kind, String text, String norm, double number, int column) {
    }

    /**
     * @param spec a specification that could not be read
     * @return the accepted forms in brief and the example closest to {@code spec}, as errors show them
     */
    public static String briefFormsFor(String spec) {
        return SHORT_FORMS + "; closest example: '" + closestExample(spec) + "'";
    }

    /**
     * @param spec any text
     * @return the entry of {@link #EXAMPLES} with the fewest character edits from {@code spec} (case ignored)
     */
    public static String closestExample(String spec) {
        String a = (spec == null ? "" : spec).trim().toLowerCase(Locale.ROOT);
        if (a.length() > 80) {
            a = a.substring(0, 80);
        }
        String best = EXAMPLES.get(0);
        int bestDistance = Integer.MAX_VALUE;
        for (String example : EXAMPLES) {
            int d = editDistance(a, example.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = example;
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions of single characters. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /** @return the route word ("iv") for a dotted abbreviation ("i.v.") starting at {@code i}, else null */
    private static String dottedRoute(String s, int i) {
        if (i + 4 > s.length() || !Character.isLetter(s.charAt(i)) || s.charAt(i + 1) != '.'
                || !Character.isLetter(s.charAt(i + 2)) || s.charAt(i + 3) != '.'
                || (i + 4 < s.length() && Character.isLetterOrDigit(s.charAt(i + 4)))) {
            return null;
        }
        String w = ("" + s.charAt(i) + s.charAt(i + 2)).toLowerCase(Locale.ROOT);
        return ROUTE_WORDS.containsKey(w) ? w : null;
    }

    /** @return the word after "a" or "an" as English spells it ("an oral", "a sublingual") */
    static String withArticle(String word) {
        return ("aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an " : "a ") + word;
    }

    private static List<Token> tokenize(String field, String s, String forms) {
        if (s.length() > MAX_LENGTH) {
            throw new ParseException(field, s.substring(0, 40) + "...", MAX_LENGTH + 1, "character " + (MAX_LENGTH + 1),
                    "the text is longer than " + MAX_LENGTH + " characters", forms);
        }
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ',' && i > 0 && isDigit(s.charAt(i - 1)) && i + 1 < n && isDigit(s.charAt(i + 1))) {
                int start = i - 1;
                while (start > 0 && isDigit(s.charAt(start - 1))) {
                    start--;
                }
                int end = i + 1;
                while (end < n && isDigit(s.charAt(end))) {
                    end++;
                }
                String written = s.substring(start, end);
                throw new ParseException(field, s, start + 1, quote(written), "the decimal separator is a point: "
                        + "write " + written.replace(',', '.') + " (and no thousands separator)", forms);
            } else if (Character.isWhitespace(c) || c == ',' || c == ';') {
                i++;
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)))) {
                int start = i;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i < n && s.charAt(i) == '.') {
                    i++;
                    while (i < n && isDigit(s.charAt(i))) {
                        i++;
                    }
                }
                String text = s.substring(start, i);
                if (i < n && (s.charAt(i) == '.' || isDigit(s.charAt(i)))) {
                    throw new ParseException(field, s, i + 1, quote(String.valueOf(s.charAt(i))),
                            "malformed number", forms);
                }
                int exponentEnd = exponentEnd(s, i);
                if (exponentEnd > i) {
                    String written = s.substring(start, exponentEnd);
                    String plain = Checks.exact(Double.parseDouble(written));
                    // 1e400 was answered "write Infinity instead", and 1e300 with 301 digits to type
                    String advice = plain.length() <= MAX_PLAIN_DIGITS && !plain.contains("Infinity")
                            ? "write " + plain + " instead" : "and " + written + " is far outside any value accepted";
                    throw new ParseException(field, s, start + 1, quote(written), "numbers in exponent notation are "
                            + "not accepted; " + advice, forms);
                }
                out.add(new Token(Kind.NUMBER, text, text, Double.parseDouble(text), start + 1));
            } else if (c == '×') {
                out.add(new Token(Kind.WORD, "×", "x", Double.NaN, i + 1));
                i++;
            } else if (dottedRoute(s, i) != null) {
                // i.v., p.o., s.c., i.m., s.l. as clinicians abbreviate them
                out.add(new Token(Kind.WORD, s.substring(i, i + 4), dottedRoute(s, i), Double.NaN, i + 1));
                i += 4;
            } else if (c == ':' && i > 0 && isDigit(s.charAt(i - 1))) {
                throw new ParseException(field, s, i + 1, quote(":"), "clock times are not accepted; times count "
                        + "from time 0 (the first dose), e.g. 'at 9 h' or 'at 9.5 h'", forms);
            } else if (Character.isLetter(c)) {
                int start = i;
                StringBuilder word = new StringBuilder();
                while (true) {
                    while (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '/'
                            || (s.charAt(i) == '-' && i + 1 < n && Character.isLetter(s.charAt(i + 1))))) {
                        word.append(s.charAt(i));
                        i++;
                    }
                    // allow "mg / kg / h": a slash after spaces continues the unit
                    int j = i;
                    while (j < n && s.charAt(j) == ' ') {
                        j++;
                    }
                    boolean endsWithSlash = word.charAt(word.length() - 1) == '/';
                    if (j < n && s.charAt(j) == '/' && !endsWithSlash) {
                        word.append('/');
                        i = j + 1;
                        while (i < n && s.charAt(i) == ' ') {
                            i++;
                        }
                        if (i < n && Character.isLetter(s.charAt(i))) {
                            continue;
                        }
                        break;
                    }
                    if (endsWithSlash && j > i && j < n && Character.isLetter(s.charAt(j))) {
                        i = j;
                        continue;
                    }
                    break;
                }
                String text = word.toString();
                String norm = text.toLowerCase(Locale.ROOT).replace('µ', 'u').replace('μ', 'u');
                out.add(new Token(Kind.WORD, s.substring(start, i).trim(), norm, Double.NaN, start + 1));
            } else {
                int cp = s.codePointAt(i);
                throw new ParseException(field, s, i + 1, quote(new String(Character.toChars(cp))),
                        c == '-' ? "negative numbers and dashes are not accepted"
                                : String.format(Locale.ROOT, "unexpected character (U+%04X)", cp), forms);
            }
        }
        return out;
    }

    /**
     * @return the end of an exponent ("e-5", "E+3", "e9") starting at {@code i}, or {@code i} if there is none; a
     *         letter e followed by a word is not an exponent
     */
    private static int exponentEnd(String s, int i) {
        int n = s.length();
        if (i >= n || (s.charAt(i) != 'e' && s.charAt(i) != 'E')) {
            return i;
        }
        int j = i + 1;
        if (j < n && (s.charAt(j) == '-' || s.charAt(j) == '+')) {
            j++;
        }
        if (j >= n || !isDigit(s.charAt(j))) {
            return i;
        }
        while (j < n && isDigit(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String quote(String w) {
        return "'" + oneLine(w) + "'";
    }

    /** Replaces line breaks and other control characters, so that a message stays on one line. */
    private static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------ parser

    /** One parse of one specification; collects the clauses, then builds the doses. */
    private static final class SpecParser {
        private final String spec;
        private final List<Token> tokens;
        private int pos;

        private Token quantityToken;
        private Token quantityUnitToken;
        private Amount amount;
        private Rate rate;
        private Token routeToken;
        private Route route;
        private Token bolusToken;
        private Token infusionToken;
        private Token overToken;
        private double overH;
        private Token forToken;
        private double forH;
        private Token atToken;
        private double atH;
        private Token repeatToken;
        private double everyH;
        private int count;
        private final String forms;
        private Token capToken;
        private double capMgPerH = Double.NaN;
        private Token saltToken;
        private DrugSalt salt = DrugSalt.BASE;

        SpecParser(String spec) {
            this.spec = spec;
            this.forms = briefFormsFor(spec);
            this.tokens = tokenize("dose", spec, forms);
        }

        private ParseException error(Token t, String problem) {
            return error(t, problem, null);
        }

        private ParseException error(Token t, String problem, InvalidInputException refused) {
            if (t == null) {
                return new ParseException("dose", spec, spec.length() + 1, "end of text", problem, refused, forms);
            }
            return new ParseException("dose", spec, t.column, quote(t.text), problem, refused, forms);
        }

        /**
         * Runs a domain constructor, turning its validation error into a parse error at the word the error is
         * about (the start time, the duration, ...) or else at {@code t}.
         */
        private <T> T at(Token t, Supplier<T> make) {
            try {
                return make.get();
            } catch (ParseException e) {
                throw e;
            } catch (InvalidInputException e) {
                throw error(tokenFor(e.field(), t), null, e);
            }
        }

        /** Runs a domain constructor whose value was read at {@code t} and is called {@code field} here. */
        private <T> T at(Token t, String field, Supplier<T> make) {
            try {
                return make.get();
            } catch (InvalidInputException e) {
                throw error(t, null, e.renamed(field, field));
            }
        }

        private Token tokenFor(String field, Token fallback) {
            Token t = switch (field == null ? "" : field) {
                case "dose time" -> atToken;
                case "infusion duration" -> overToken != null ? overToken : forToken;
                case "rate cap" -> capToken;
                case "dose amount", "infusion rate" -> quantityToken;
                default -> null;
            };
            return t != null ? t : fallback;
        }

        private Token next() {
            return pos < tokens.size() ? tokens.get(pos++) : null;
        }

        /** @return what a word that may be given once sets, for messages ("the route", "the salt") */
        private String part(String word) {
            if (ROUTE_WORDS.containsKey(word)) {
                return "the route";
            }
            return switch (word) {
                case "hcl", "hydrochloride", "base" -> "whether the amount is the salt or the base";
                case "every", "daily", "weekly" -> "how the dose repeats";
                default -> "the rate cap";
            };
        }

        private void once(Token previous, Token t) {
            if (previous != null && !previous.norm.equals(t.norm)) {
                // 'HCl base' or 'oral sublingual': two different words for one part, not one word twice
                throw error(t, "'" + t.text + "' and '" + previous.text + "' (column " + previous.column + ") "
                        + "both say " + part(t.norm) + "; give one of them");
            }
            if (previous != null) {
                throw error(t, "'" + t.norm + "' is given twice");
            }
        }

        Regimen parse() {
            if (tokens.isEmpty()) {
                throw error(null, "the dose is empty");
            }
            while (pos < tokens.size()) {
                Token t = next();
                if (t.kind == Kind.NUMBER) {
                    quantity(t);
                } else {
                    word(t);
                }
            }
            return build();
        }

        private void word(Token t) {
            String w = t.norm;
            Route r = ROUTE_WORDS.get(w);
            if (r != null) {
                once(routeToken, t);
                routeToken = t;
                route = r;
                return;
            }
            switch (w) {
                case "bolus":
                    once(bolusToken, t);
                    bolusToken = t;
                    return;
                case "infusion":
                    once(infusionToken, t);
                    infusionToken = t;
                    return;
                case "over":
                    once(overToken, t);
                    overToken = t;
                    overH = time(t);
                    return;
                case "for":
                    once(forToken, t);
                    forToken = t;
                    forH = time(t);
                    return;
                case "at":
                    once(atToken, t);
                    atToken = t;
                    atH = time(t);
                    return;
                case "every":
                    once(repeatToken, t);
                    repeatToken = t;
                    everyH = time(t);
                    count = count(t);
                    return;
                case "daily":
                case "weekly":
                    once(repeatToken, t);
                    repeatToken = t;
                    everyH = w.equals("daily") ? 24 : 168;
                    count = count(t);
                    return;
                case "max":
                case "maximum":
                case "cap":
                    once(capToken, t);
                    capToken = t;
                    capMgPerH = cap(t);
                    return;
                case "hcl":
                case "hydrochloride":
                    once(saltToken, t);
                    saltToken = t;
                    salt = DrugSalt.HYDROCHLORIDE;
                    return;
                case "base":
                    once(saltToken, t);
                    saltToken = t;
                    salt = DrugSalt.BASE;
                    return;
                case "ketamine":
                case "esketamine":
                case "s-ketamine":
                case "of":
                    return;
                case "x":
                    throw error(t, "a count 'xN' needs 'every TIME', 'daily' or 'weekly' before it");
                default:
                    break;
            }
            if (TIME_UNIT_WORDS.containsKey(w)) {
                throw error(t, "a time needs a number and a keyword before it ('over 40 min', 'for 4 h', 'at 2 h')");
            }
            if (AMOUNT_UNIT_WORDS.containsKey(w) || RATE_UNIT_WORDS.containsKey(w)) {
                throw error(t, "a unit needs a number before it");
            }
            if (w.indexOf('/') >= 0 || w.equals("g") || w.equals("ml")) {
                throw error(t, "unknown unit; amounts are " + AMOUNT_UNITS + " and rates " + RATE_UNITS);
            }
            if (w.equals("twice") || w.equals("thrice") || w.equals("once") || w.equals("bid") || w.equals("tid")
                    || w.equals("qid") || w.equals("qd")) {
                throw error(t, "frequencies are written as an interval and a count: 'every 12 h x6' for twice "
                        + "daily, 'every 84 h x4' for twice weekly, 'daily x3' for once daily");
            }
            throw error(t, "unknown word; expected an amount or rate, or one of " + KEYWORDS);
        }

        private void quantity(Token number) {
            Token unit = next();
            if (unit == null || unit.kind != Kind.WORD) {
                throw error(unit == null ? null : unit, "the number " + number.text
                        + " needs a unit: " + AMOUNT_UNITS + " for an amount or " + RATE_UNITS + " for a rate");
            }
            Amount.Unit au = AMOUNT_UNIT_WORDS.get(unit.norm);
            Rate.Unit ru = RATE_UNIT_WORDS.get(unit.norm);
            if (au == null && ru == null) {
                if (TIME_UNIT_WORDS.containsKey(unit.norm)) {
                    throw error(number, "a time needs a keyword before it: 'over " + number.text + " " + unit.text
                            + "', 'for ...', 'at ...' or 'every ...'");
                }
                throw error(unit, "unknown unit; amounts are " + AMOUNT_UNITS + " and rates " + RATE_UNITS);
            }
            if (quantityToken != null) {
                throw error(number, "a second amount or rate; write one dose per specification");
            }
            quantityToken = number;
            quantityUnitToken = unit;
            if (au != null) {
                amount = at(number, () -> new Amount(number.number, au));
            } else {
                rate = at(number, () -> new Rate(number.number, ru));
            }
        }

        /** Reads NUMBER TIME-UNIT after keyword {@code kw}. */
        private double time(Token kw) {
            Token n = next();
            if (n == null || n.kind != Kind.NUMBER) {
                throw error(n, "'" + kw.norm + "' needs a time such as 40 min, 4 h or 2 d");
            }
            Token u = next();
            Double perUnit = u == null ? null : TIME_UNIT_WORDS.get(u.norm);
            if (u == null || u.kind != Kind.WORD || perUnit == null) {
                throw error(u, "'" + kw.norm + " " + n.text + "' needs a time unit: " + TIME_UNITS);
            }
            double h = n.number * perUnit;
            if (!Double.isFinite(h)) {
                throw error(n, "the number is too large");
            }
            return h;
        }

        /** Reads {@code x N} after a repeat keyword. */
        private int count(Token kw) {
            Token x = next();
            if (x == null || x.kind != Kind.WORD || !x.norm.equals("x")) {
                throw error(x, "'" + kw.norm + "' needs a number of doses, e.g. '" + kw.norm
                        + (kw.norm.equals("every") ? " 8 h" : "") + " x6'");
            }
            Token n = next();
            if (n == null || n.kind != Kind.NUMBER) {
                throw error(n, "'x' needs a whole number of doses, e.g. x6");
            }
            if (n.number != Math.rint(n.number) || n.number < 1 || n.number > 10_000) {
                throw error(n, "the number of doses must be a whole number between 1 and 10000 but was " + n.text);
            }
            return (int) n.number;
        }

        /** Reads the rate after {@code max}; only absolute rates make sense as a ceiling. */
        private double cap(Token kw) {
            Token n = next();
            if (n == null || n.kind != Kind.NUMBER) {
                throw error(n, "'" + kw.norm + "' needs a rate in mg/h, e.g. 'max 25 mg/h'");
            }
            Token u = next();
            Rate.Unit ru = u == null ? null : RATE_UNIT_WORDS.get(u.norm);
            if (ru == null) {
                throw error(u, "'" + kw.norm + " " + n.text + "' needs a unit: mg/h or mg/min");
            }
            if (ru.perKg()) {
                throw error(u, "the ceiling must be an absolute rate (mg/h or mg/min), not " + ru.symbol());
            }
            return at(n, "rate cap", () -> {
                double mgPerH = n.number * new Rate(1, ru).toMgPerH(70);
                Checks.positive("rate cap", mgPerH, Rate.MAX_CAP_MG_PER_H, "mg/h");
                return new Rate(n.number, ru).toMgPerH(70);
            });
        }

        private Regimen build() {
            if (quantityToken == null) {
                throw error(null, "no amount or rate; expected e.g. '20 mg', '0.5 mg/kg' or '1.2 mg/kg/h'");
            }
            Dose dose = rate != null ? rateDose() : amountDose();
            if (salt != DrugSalt.BASE) {
                dose = withSalt(dose, salt);
            }
            if (repeatToken == null) {
                return Regimen.of(dose);
            }
            Dose first = dose;
            return at(repeatToken, () -> Regimen.repeat(first, everyH, count));
        }

        private Dose rateDose() {
            if (route != null && route != Route.INTRAVENOUS) {
                throw error(routeToken, "a rate is an intravenous infusion; " + route.longName()
                        + " doses are amounts such as '" + route.shortName() + " 25 mg'");
            }
            if (bolusToken != null) {
                throw error(bolusToken, "a bolus is an amount (e.g. 'bolus 20 mg'), not a rate");
            }
            if (overToken != null) {
                throw error(overToken, "a rate runs 'for' a time; 'over' goes with an amount "
                        + "('0.5 mg/kg over 40 min')");
            }
            if (forToken == null) {
                throw error(null, "a rate needs a duration: 'for 4 h'");
            }
            Dose.Infusion inf = at(forToken, () -> Dose.infusion(rate, forH, atH));
            return capped(inf);
        }

        private Dose amountDose() {
            if (forToken != null) {
                throw error(forToken, "an amount is given 'over' a time ('20 mg over 20 min'); 'for' goes with a "
                        + "rate ('1.2 mg/kg/h for 72 h')");
            }
            if (overToken != null) {
                if (route != null && route != Route.INTRAVENOUS) {
                    throw error(overToken, "'over' describes an intravenous infusion, not "
                            + withArticle(route.longName()) + " dose");
                }
                if (bolusToken != null) {
                    throw error(bolusToken, "a bolus is given at once; drop 'bolus' for an infusion over a time");
                }
                Dose.Infusion inf = at(overToken, () -> Dose.infusion(amount, overH, atH));
                return capped(inf);
            }
            if (infusionToken != null) {
                throw error(null, "an infusion needs 'over TIME' (e.g. '0.5 mg/kg over 40 min')");
            }
            if (capToken != null) {
                throw error(capToken, "a rate ceiling only applies to infusions");
            }
            if (route != null && route != Route.INTRAVENOUS) {
                if (bolusToken != null) {
                    throw error(bolusToken, "'bolus' means an intravenous bolus, not "
                            + withArticle(route.longName()) + " dose");
                }
                return at(quantityToken, () -> Dose.extravascular(route, amount, atH));
            }
            if (bolusToken == null && route == null) {
                String q = quantityToken.text + " " + quantityUnitToken.text;
                throw error(quantityToken, "say how it is given: 'bolus " + q + "' for an intravenous bolus, '" + q
                        + " over 20 min' for an infusion, or a route such as 'oral " + q + "'");
            }
            return at(quantityToken, () -> Dose.bolus(amount, atH));
        }

        private Dose capped(Dose.Infusion inf) {
            if (capToken == null) {
                return inf;
            }
            return at(capToken, () -> inf.withCapMgPerH(capMgPerH));
        }

        private Dose withSalt(Dose d, DrugSalt s) {
            if (d instanceof Dose.Bolus b) {
                return b.withSalt(s);
            }
            if (d instanceof Dose.Infusion i) {
                return i.withSalt(s);
            }
            return ((Dose.Extravascular) d).withSalt(s);
        }
    }
}
