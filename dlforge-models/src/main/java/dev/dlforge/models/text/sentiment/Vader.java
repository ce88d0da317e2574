package dev.dlforge.models.text.sentiment;

import static dev.dlforge.models.text.sentiment.VaderModifiers.BOOSTERS;
import static dev.dlforge.models.text.sentiment.VaderModifiers.CAPS_BOOST;
import static dev.dlforge.models.text.sentiment.VaderModifiers.NEGATION_SCALAR;
import static dev.dlforge.models.text.sentiment.VaderModifiers.SPECIAL_CASES;
import static dev.dlforge.models.text.sentiment.VaderModifiers.negates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * VADER (Hutto &amp; Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of
 * Social Media Text"), ported rule for rule from the reference Python package vaderSentiment 3.3.
 *
 * <p>Each token found in the lexicon gets its valence v, then:
 * <ul>
 *   <li>ALL CAPS, when the text mixes case: v += 0.733 sign(v);</li>
 *   <li>boosters/dampeners among the 3 preceding tokens: v += ±0.293 sign(v), scaled by 1, 0.95, 0.9
 *       with distance (a capitalised booster adds another 0.733);</li>
 *   <li>negation among the 3 preceding tokens: v *= -0.74 ("never so/this good" instead boosts by
 *       1.25; "without (a) doubt" does not negate); "no" negates the next lexicon words;</li>
 *   <li>special idioms ("the bomb", "kiss of death", ...) replace v; "kind of", "sort of" dampen;</li>
 *   <li>"least" before the word negates unless it reads "at least" or "very least".</li>
 * </ul>
 * Booster words and the "kind" of "kind of" score 0 themselves. With "but" in the text, valences before
 * it are halved and those after it multiplied by 1.5. The sum S gets "!" emphasis (0.292 each, up to
 * 4) and "?" emphasis (0.18 each for 2-3, 0.96 for more) in its own direction, and
 * {@code compound = S / sqrt(S^2 + 15)}. {@code pos}, {@code neg}, {@code neu} are the shares of
 * (v + 1) over positive tokens, (v - 1) over negative ones (plus the punctuation emphasis on the
 * dominant side) and 1 per neutral token.
 *
 * <p>Not ported: emoji-to-description translation, since the npm lexicon package ships no emoji
 * lexicon (emoji are then just unknown tokens).
 */
public final class Vader {
    /** Normalisation constant: approximately the largest sum expected in a sentence. */
    static final double ALPHA = 15;
    private final VaderLexicon lexicon;

    public Vader(VaderLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public VaderLexicon lexicon() {
        return lexicon;
    }

    /** VADER's {@code polarity_scores}: neg, neu, pos and compound of a text (ideally one sentence). */
    public VaderScores score(String text) {
        String stripped = text.strip();
        VaderText sentiText = VaderText.of(stripped);
        List<String> tokens = sentiText.tokens();
        List<String> lower = tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        List<Double> valences = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            boolean kindOf = i < tokens.size() - 1 && lower.get(i).equals("kind") && lower.get(i + 1).equals("of");
            if (BOOSTERS.containsKey(lower.get(i)) || kindOf) {
                valences.add(0.0); // a modifier carries no sentiment of its own
            } else {
                valences.add(valence(sentiText, lower, i));
            }
        }
        butCheck(lower, valences);
        return scoreValences(valences, stripped);
    }

    /** The valence of token {@code i} after caps, boosters, negation, idioms and "least". */
    private double valence(VaderText sentiText, List<String> lower, int i) {
        String item = lower.get(i);
        if (!lexicon.contains(item)) {
            return 0;
        }
        double valence = lexicon.valence(item);
        int n = lower.size();
        if (item.equals("no") && i != n - 1 && lexicon.contains(lower.get(i + 1))) {
            valence = 0; // "no" negating the next word rather than meaning "no" itself
        }
        if ((i > 0 && lower.get(i - 1).equals("no")) || (i > 1 && lower.get(i - 2).equals("no"))
                || (i > 2 && lower.get(i - 3).equals("no") && (lower.get(i - 1).equals("or") || lower.get(i - 1).equals("nor")))) {
            valence = lexicon.valence(item) * NEGATION_SCALAR;
        }
        boolean caps = sentiText.capsDifferential();
        if (caps && VaderText.isUpper(sentiText.tokens().get(i))) {
            valence += valence > 0 ? CAPS_BOOST : -CAPS_BOOST;
        }
        for (int back = 0; back < 3; back++) {
            // only words that are not sentiment words themselves modify: "good bad" is two opinions
            if (i > back && !lexicon.contains(lower.get(i - back - 1))) {
                double s = boosterScalar(sentiText.tokens().get(i - back - 1), valence, caps);
                if (back == 1 && s != 0) {
                    s *= 0.95;
                } else if (back == 2 && s != 0) {
                    s *= 0.9;
                }
                valence = negationCheck(valence + s, lower, back, i);
                if (back == 2) {
                    valence = specialIdiomsCheck(valence, lower, i);
                }
            }
        }
        return leastCheck(valence, lower, i);
    }

    /** The scalar a preceding booster/dampener adds, pointing the same way as {@code valence}. */
    static double boosterScalar(String word, double valence, boolean capsDifferential) {
        Double base = BOOSTERS.get(word.toLowerCase(Locale.ROOT));
        if (base == null) {
            return 0;
        }
        double scalar = valence < 0 ? -base : base;
        if (capsDifferential && VaderText.isUpper(word)) {
            scalar += valence > 0 ? CAPS_BOOST : -CAPS_BOOST;
        }
        return scalar;
    }

    /** Negation {@code back + 1} tokens before {@code i}, with VADER's "never so", "without doubt" exceptions. */
    private static double negationCheck(double valence, List<String> w, int back, int i) {
        switch (back) {
            case 0 -> {
                if (negates(w.get(i - 1))) {
                    return valence * NEGATION_SCALAR;
                }
            }
            case 1 -> {
                if (w.get(i - 2).equals("never") && (w.get(i - 1).equals("so") || w.get(i - 1).equals("this"))) {
                    return valence * 1.25;
                }
                if (w.get(i - 2).equals("without") && w.get(i - 1).equals("doubt")) {
                    return valence;
                }
                if (negates(w.get(i - 2))) {
                    return valence * NEGATION_SCALAR;
                }
            }
            default -> {
                // As in the reference: "never so/this" three back, or "so"/"this" just before, boosts.
                if ((w.get(i - 3).equals("never") && (w.get(i - 2).equals("so") || w.get(i - 2).equals("this")))
                        || w.get(i - 1).equals("so") || w.get(i - 1).equals("this")) {
                    return valence * 1.25;
                }
                if (w.get(i - 3).equals("without") && (w.get(i - 2).equals("doubt") || w.get(i - 1).equals("doubt"))) {
                    return valence;
                }
                if (negates(w.get(i - 3))) {
                    return valence * NEGATION_SCALAR;
                }
            }
        }
        return valence;
    }

    /** Idioms around {@code i} (i >= 3) replace its valence; "kind of"/"sort of" before it dampen. */
    private static double specialIdiomsCheck(double valence, List<String> w, int i) {
        String oneZero = w.get(i - 1) + " " + w.get(i);
        String twoOneZero = w.get(i - 2) + " " + oneZero;
        String twoOne = w.get(i - 2) + " " + w.get(i - 1);
        String threeTwoOne = w.get(i - 3) + " " + twoOne;
        String threeTwo = w.get(i - 3) + " " + w.get(i - 2);
        for (String seq : List.of(oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo)) {
            Double idiom = SPECIAL_CASES.get(seq);
            if (idiom != null) {
                valence = idiom;
                break;
            }
        }
        if (w.size() - 1 > i) {
            valence = SPECIAL_CASES.getOrDefault(w.get(i) + " " + w.get(i + 1), valence);
        }
        if (w.size() - 1 > i + 1) {
            valence = SPECIAL_CASES.getOrDefault(w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2), valence);
        }
        for (String nGram : List.of(threeTwoOne, threeTwo, twoOne)) {
            Double booster = BOOSTERS.get(nGram);
            if (booster != null) {
                valence += booster;
            }
        }
        return valence;
    }

    /** "least X" negates X, except in "at least X" and "very least X". */
    private double leastCheck(double valence, List<String> w, int i) {
        if (i > 0 && w.get(i - 1).equals("least") && !lexicon.contains("least")) {
            if (i == 1 || (!w.get(i - 2).equals("at") && !w.get(i - 2).equals("very"))) {
                return valence * NEGATION_SCALAR;
            }
        }
        return valence;
    }

    /**
     * With "but" in the text, halves valences before the first "but" and multiplies those after it
     * by 1.5. Reproduces the reference exactly, including its lookup of each value's position by
     * equality ({@code list.index}), which finds the first equal value: scores then match vaderSentiment.
     */
    static void butCheck(List<String> lower, List<Double> valences) {
        int but = lower.indexOf("but");
        if (but < 0) {
            return;
        }
        for (int k = 0; k < valences.size(); k++) {
            double v = valences.get(k);
            int at = indexOf(valences, v);
            if (at < but) {
                valences.set(at, v * 0.5);
            } else if (at > but) {
                valences.set(at, v * 1.5);
            }
        }
    }

    private static int indexOf(List<Double> values, double v) {
        for (int j = 0; j < values.size(); j++) {
            if (values.get(j) == v) {
                return j;
            }
        }
        throw new IllegalStateException("value taken from the list is in it");
    }

    private static VaderScores scoreValences(List<Double> valences, String text) {
        if (valences.isEmpty()) {
            return VaderScores.EMPTY;
        }
        double sum = 0;
        for (double v : valences) {
            sum += v;
        }
        double emphasis = punctuationEmphasis(text);
        if (sum > 0) {
            sum += emphasis;
        } else if (sum < 0) {
            sum -= emphasis;
        }
        double compound = normalize(sum);
        double posSum = 0;
        double negSum = 0;
        int neutral = 0;
        for (double v : valences) {
            if (v > 0) {
                posSum += v + 1; // + 1 compensates for neutral words counted as 1
            } else if (v < 0) {
                negSum += v - 1;
            } else {
                neutral++;
            }
        }
        if (posSum > Math.abs(negSum)) {
            posSum += emphasis;
        } else if (posSum < Math.abs(negSum)) {
            negSum -= emphasis;
        }
        double total = posSum + Math.abs(negSum) + neutral;
        return new VaderScores(round(Math.abs(negSum / total), 3), round(Math.abs(neutral / total), 3),
                round(Math.abs(posSum / total), 3), round(compound, 4));
    }

    /** {@code x / sqrt(x^2 + alpha)}, clipped to [-1, 1]. */
    static double normalize(double score) {
        double norm = score / Math.sqrt(score * score + ALPHA);
        return Math.max(-1, Math.min(1, norm));
    }

    /** 0.292 per "!" (at most 4) plus, for 2 or more "?", 0.18 each up to 3, else 0.96. */
    static double punctuationEmphasis(String text) {
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!') {
                exclamations++;
            } else if (c == '?') {
                questions++;
            }
        }
        double ep = Math.min(exclamations, 4) * 0.292;
        double qm = questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0;
        return ep + qm;
    }

    /** Python's {@code round(x, digits)}: the exact binary value rounded half-to-even. */
    static double round(double x, int digits) {
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }
}
