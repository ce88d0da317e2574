package dev.dlforge.data.text;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The 12 universal part-of-speech tags of Petrov, Das and McDonald (2012), and the mapping of Brown
 * corpus tags onto them (after their {@code en-brown.map}, as NLTK applies it).
 *
 * <p>A Brown tag is mapped in this order:
 * <ol>
 *   <li>upper case, as NLTK reads Brown ({@code np-tl} is {@code NP-TL});</li>
 *   <li>a foreign word ({@code FW-} prefix, e.g. {@code FW-NN}, {@code FW-IN+AT}) is {@code X};</li>
 *   <li>the suffixes {@code -TL} (title), {@code -HL} (headline) and {@code -NC} (cited word) are
 *       dropped, repeatedly ({@code NN-TL-HL} is {@code NN}); so are the cut-off forms {@code -T} and
 *       {@code -N} that a few corpus tokens carry;</li>
 *   <li>a contraction ({@code PPS+BEZ} "it's", {@code MD+HV}) takes the tag of its first part;</li>
 *   <li>the negation mark of a negated verb ({@code BEZ*} "isn't", {@code MD*}) is dropped, while
 *       {@code *} alone ("not", "n't") is an adverb;</li>
 *   <li>a possessive {@code $} ({@code NN$}, {@code NP$}) is dropped unless the tag itself is a
 *       possessive pronoun or determiner ({@code PP$}, {@code PP$$}, {@code WP$});</li>
 *   <li>the base tag is looked up in {@link #BASE}; anything else (e.g. {@code NIL}) is {@code X}.</li>
 * </ol>
 * On the news category this gives NLTK's published counts for VERB, ADP, punctuation, CONJ and ADJ
 * exactly; see {@code docs/projects/pos.md} for the small differences elsewhere.
 */
public final class UniversalTagset {
    /** The tags, in a fixed order (the tagger's output positions). */
    public static final List<String> TAGS = List.of("NOUN", "VERB", ".", "ADP", "DET", "ADJ", "ADV", "PRON", "CONJ", "PRT", "NUM", "X");

    private static final Pattern SUFFIXES = Pattern.compile("(-(TL|HL|NC|T|N))+$");
    private static final Map<String, String> BASE = new HashMap<>();

    static {
        base(".", ".", ",", ":", "(", ")", "--", "''", "``", "'", "!", "?", ";");
        base("DET", "ABL", "ABN", "ABX", "AT", "DT", "DTI", "DTS", "DTX", "EX", "PP$", "WDT");
        base("ADJ", "AP", "JJ", "JJR", "JJS", "JJT", "OD");
        base("VERB", "BE", "BED", "BEDZ", "BEG", "BEM", "BEN", "BER", "BEZ", "DO", "DOD", "DOZ",
                "HV", "HVD", "HVG", "HVN", "HVZ", "MD", "VB", "VBD", "VBG", "VBN", "VBZ");
        base("CONJ", "CC");
        base("ADP", "CS", "IN");
        base("NUM", "CD");
        base("NOUN", "NN", "NNS", "NP", "NPS", "NR", "NRS");
        base("PRON", "PN", "PP$$", "PPL", "PPLS", "PPO", "PPS", "PPSS", "WP$", "WPO", "WPS");
        base("ADV", "*", "QL", "QLP", "RB", "RBR", "RBT", "RN", "WQL", "WRB");
        base("PRT", "RP", "TO");
        base("X", "UH", "FW", "NIL");
    }

    private UniversalTagset() {}

    private static void base(String universal, String... brownTags) {
        for (String t : brownTags) {
            BASE.put(t, universal);
        }
    }

    /** The universal tag of Brown tag {@code brownTag}, by the rule above. */
    public static String fromBrown(String brownTag) {
        String t = brownTag.toUpperCase(Locale.ROOT);
        if (t.startsWith("FW-")) {
            return "X";
        }
        t = SUFFIXES.matcher(t).replaceAll("");
        int plus = t.indexOf('+');
        if (plus > 0) {
            t = t.substring(0, plus);
        }
        if (t.length() > 1 && t.endsWith("*")) {
            t = t.substring(0, t.length() - 1);
        }
        String universal = BASE.get(t);
        if (universal == null && t.length() > 1 && t.endsWith("$")) {
            universal = BASE.get(t.substring(0, t.length() - 1));
        }
        return universal == null ? "X" : universal;
    }
}
