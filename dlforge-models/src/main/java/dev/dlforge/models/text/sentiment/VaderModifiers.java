package dev.dlforge.models.text.sentiment;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The closed word lists of VADER 3.3 (Hutto &amp; Gilbert 2014) with their empirically derived
 * constants: degree adverbs that boost or dampen the next sentiment word, negations, and idioms
 * whose valence replaces their words'.
 */
final class VaderModifiers {
    private VaderModifiers() {}

    /** Mean rating increase a booster adds (a dampener subtracts) to the word it modifies. */
    static final double BOOST = 0.293;
    static final double DAMP = -0.293;
    /** Mean rating increase for a sentiment word written in ALL CAPS among lower-case words. */
    static final double CAPS_BOOST = 0.733;
    /** A negated valence is multiplied by this: it flips and shrinks ("not good" is milder than "bad"). */
    static final double NEGATION_SCALAR = -0.74;

    static final Set<String> NEGATIONS = Set.of(
            "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
            "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
            "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
            "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
            "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
            "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
            "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
            "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

    /** Degree adverbs (and a few adjectives and bigrams) to their scalar. */
    static final Map<String, Double> BOOSTERS = boosters();

    /** Phrases containing lexicon words whose valence is that of the phrase, not of its words. */
    static final Map<String, Double> SPECIAL_CASES = Map.of(
            "the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5, "badass", 1.5, "bus stop", 0.0,
            "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
            "beating heart", 3.1, "broken heart", -2.9);

    /** A lower-cased word negates: it is a negation word or contains {@code n't}. */
    static boolean negates(String lowerCaseWord) {
        return NEGATIONS.contains(lowerCaseWord) || lowerCaseWord.contains("n't");
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> m = new HashMap<>();
        for (String w : ("absolutely amazingly awfully completely considerable considerably decidedly deeply effing"
                + " enormous enormously entirely especially exceptional exceptionally extreme extremely fabulously"
                + " flipping flippin frackin fracking fricking frickin frigging friggin fully fuckin fucking fuggin"
                + " fugging greatly hella highly hugely incredible incredibly intensely major majorly more most"
                + " particularly purely quite really remarkably so substantially thoroughly total totally tremendous"
                + " tremendously uber unbelievably unusually utter utterly very").split(" ")) {
            m.put(w, BOOST);
        }
        for (String w : ("almost barely hardly kinda kindof kind-of less little marginal marginally occasional"
                + " occasionally partly scarce scarcely slight slightly somewhat sorta sortof sort-of").split(" ")) {
            m.put(w, DAMP);
        }
        for (String bigram : new String[] {"just enough", "kind of", "sort of"}) {
            m.put(bigram, DAMP);
        }
        return Map.copyOf(m);
    }
}
