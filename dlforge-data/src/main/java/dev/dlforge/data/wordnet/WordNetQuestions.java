package dev.dlforge.data.wordnet;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.docs.EvalDocument;
import dev.dlforge.data.docs.EvalQuestion;
import dev.dlforge.data.docs.RetrievalEvalSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A retrieval evaluation set from WordNet: one document per synset ({@code id} = {@link WordNetSynset#id()},
 * text = lemmas, definition and examples) and questions that ask for a synset's term without naming it.
 *
 * <p>Two kinds of question, strictly alternating (half each), each synset asked at most once; a
 * synset that cannot give the kind due is passed over, so example questions come mostly from
 * verbs and adjectives, whose glosses more often carry examples:
 * <ul>
 * <li>{@value #EXAMPLE}: a usage example of the synset with every form of its lemmas blanked to
 *   {@code ___} (a lemma, or a word that starts with it or its stem: "choked" for "choke"), then
 *   paraphrased as below. The document holds the example as written, so without the paraphrase
 *   these would be near-verbatim lookups that only test BM25.</li>
 * <li>{@value #DEFINITION}: the definition, paraphrased.</li>
 * </ul>
 * The paraphrase is mechanical, not made by a language model: each content word (a word not in a
 * fixed list of ~110 English function words) is, with probability {@code synonymRate} (1 by
 * default), replaced by a lemma of another synset that has the word as a single-word lemma, the
 * synset and lemma drawn at random, with no sense disambiguation, so a replacement may come from
 * the wrong sense ("bank" for "depository" or for "slope"); words without such a synset stay. Word
 * order, function words and punctuation are kept, so the question reads as a (clumsy) sentence:
 * "a person who ___ the ship" rather than a bag of words. BM25 ignores order and drops function
 * words anyway, so dropping or shuffling them would only handicap the embedding model, which reads
 * sentences.
 *
 * <p>No question contains a lemma of its gold synset as a word or a word prefix (see {@link #leaks});
 * synsets whose definition is shared with another synset are not asked by definition, so the gold
 * document is unambiguous. The order in which synsets are tried comes from a {@link Random} seeded by
 * the config; each question's synonym draws from its own, seeded by the config's seed and the
 * synset, so a different {@code synonymRate} changes how questions are worded, not which synsets are
 * asked (unless a wording then names the term and the synset is passed over).
 */
public final class WordNetQuestions {
    public static final String DEFINITION = "definition";
    public static final String EXAMPLE = "example";
    public static final String BLANK = "___";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}'-]*[\\p{L}\\p{N}])?");
    private static final Set<String> STOP_WORDS = Set.of(("a an the of or and to in on at by for from with as into onto "
            + "upon about over under than that which who whom whose what when where while this these those it its is are was "
            + "were be been being has have had do does did not no nor but if then so such some any each every all both either "
            + "neither one ones other another more most less least very too also only just can could may might must shall should "
            + "will would their there they them he him his she her we us our you your i me my something someone somebody "
            + "usually often especially etc e.g. i.e. out up down off within without between among through").split(" "));

    private WordNetQuestions() {}

    public static RetrievalEvalSet generate(List<WordNetSynset> synsets, WordNetQuestionConfig config) {
        Random random = new Random(config.seed());
        Map<String, List<Integer>> synsetsOfWord = new HashMap<>();
        Map<String, Integer> definitionCounts = new HashMap<>();
        for (int i = 0; i < synsets.size(); i++) {
            for (String lemma : synsets.get(i).lemmas()) {
                if (lemma.indexOf(' ') < 0) {
                    synsetsOfWord.computeIfAbsent(lemma.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
                }
            }
            definitionCounts.merge(synsets.get(i).definition().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < synsets.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);

        List<EvalQuestion> questions = new ArrayList<>();
        Set<Integer> gold = new HashSet<>();
        for (int i : order) {
            if (questions.size() == config.questions()) {
                break;
            }
            WordNetSynset s = synsets.get(i);
            // Alternate kinds strictly; a synset that cannot give the kind due now waits for the next one.
            boolean useExample = questions.size() % 2 == 1;
            boolean uniqueDefinition = definitionCounts.get(s.definition().toLowerCase(Locale.ROOT)) == 1;
            String sentence = useExample ? fromExample(s) : uniqueDefinition ? s.definition() : null;
            Random draws = new Random(config.seed() * 1_000_003L + i);
            String text = paraphrase(sentence, s, i, synsets, synsetsOfWord, config, draws);
            if (text == null) {
                continue;
            }
            String kind = useExample ? EXAMPLE : DEFINITION;
            questions.add(new EvalQuestion(String.format(Locale.ROOT, "wordnet-q%05d", questions.size()), text, s.id(), kind));
            gold.add(i);
        }
        if (questions.size() < config.questions()) {
            throw new DlforgeException("WordNet gives only " + questions.size() + " questions, " + config.questions() + " asked",
                    "use fewer questions or the full WordNet (all four data files)");
        }
        return new RetrievalEvalSet("wordnet", documents(synsets, order, gold, config.documents()), questions);
    }

    /** Gold synsets plus the first others of the shuffled order, up to {@code max} (0: all), in WordNet order. */
    private static List<EvalDocument> documents(List<WordNetSynset> synsets, List<Integer> order, Set<Integer> gold, int max) {
        Set<Integer> chosen = new HashSet<>(gold);
        int limit = max == 0 ? synsets.size() : Math.max(max, gold.size());
        for (int i : order) {
            if (chosen.size() >= limit) {
                break;
            }
            chosen.add(i);
        }
        return chosen.stream().sorted().map(i -> document(synsets.get(i))).toList();
    }

    /** E.g. {@code "choke: breathe with great difficulty, ... Examples: She choked with emotion ..."}. */
    public static EvalDocument document(WordNetSynset s) {
        String text = String.join(", ", s.lemmas()) + ": " + s.definition()
                + (s.examples().isEmpty() ? "" : ". Examples: " + String.join("; ", s.examples()));
        return new EvalDocument(s.id(), text);
    }

    /** The first example that names the synset (then blanked) and keeps three other words, or null. */
    static String fromExample(WordNetSynset s) {
        for (String example : s.examples()) {
            String blanked = blank(example, s.lemmas());
            long words = WORD.matcher(blanked).results().count();
            if (!blanked.equals(example) && words >= 3 && !leaks(blanked, s.lemmas())) {
                return blanked;
            }
        }
        return null;
    }

    /** The paraphrase (see the class comment) of {@code sentence}, a definition or a blanked example of {@code s}, or null. */
    private static String paraphrase(String sentence, WordNetSynset s, int self, List<WordNetSynset> synsets,
            Map<String, List<Integer>> synsetsOfWord, WordNetQuestionConfig config, Random random) {
        if (sentence == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(sentence);
        int last = 0;
        int contentWords = 0;
        while (m.find()) {
            String word = m.group();
            out.append(sentence, last, m.start());
            last = m.end();
            if (STOP_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                out.append(word);
                continue;
            }
            contentWords++;
            String synonym = random.nextDouble() < config.synonymRate() ? synonym(word, self, synsets, synsetsOfWord, random) : null;
            out.append(synonym != null && !leaks(synonym, s.lemmas()) ? synonym : word);
        }
        String text = out.append(sentence.substring(last)).toString();
        return contentWords < 3 || leaks(text, s.lemmas()) ? null : text;
    }

    /** Another lemma of a random synset, other than {@code self}, that has {@code word} as a lemma; or null. */
    private static String synonym(String word, int self, List<WordNetSynset> synsets, Map<String, List<Integer>> synsetsOfWord, Random random) {
        List<Integer> senses = synsetsOfWord.getOrDefault(word.toLowerCase(Locale.ROOT), List.of()).stream().filter(i -> i != self).toList();
        if (senses.isEmpty()) {
            return null;
        }
        List<String> others = synsets.get(senses.get(random.nextInt(senses.size()))).lemmas().stream()
                .filter(l -> !l.equalsIgnoreCase(word)).toList();
        return others.isEmpty() ? null : others.get(random.nextInt(others.size()));
    }

    /** {@code text} with every form of every lemma replaced by {@value #BLANK}. */
    static String blank(String text, List<String> lemmas) {
        String out = text;
        for (String lemma : lemmas) {
            if (lemma.indexOf(' ') >= 0) {
                out = out.replaceAll("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(lemma) + "(?![\\p{L}\\p{N}])", BLANK);
            }
        }
        StringBuilder b = new StringBuilder();
        Matcher m = WORD.matcher(out);
        int last = 0;
        while (m.find()) {
            b.append(out, last, m.start()).append(leaks(m.group(), lemmas) ? BLANK : m.group());
            last = m.end();
        }
        return b.append(out.substring(last)).toString();
    }

    /**
     * Whether {@code text} names a lemma: a multi-word lemma as a phrase; a one-word lemma as a word
     * equal to it, to it plus {@code s}, or (lemmas of 4+ letters) starting with it or its stem
     * ({@code choke} → {@code chok}, {@code carry} → {@code carri}). Case is ignored.
     */
    public static boolean leaks(String text, List<String> lemmas) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = WORD.matcher(lower).results().map(r -> r.group()).toList();
        for (String raw : lemmas) {
            String lemma = raw.toLowerCase(Locale.ROOT);
            if (lemma.indexOf(' ') >= 0 || lemma.indexOf('-') >= 0) {
                if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(lemma) + "(?![\\p{L}\\p{N}])").matcher(lower).find()) {
                    return true;
                }
                continue;
            }
            for (String w : words) {
                if (w.equals(lemma) || w.equals(lemma + "s") || lemma.length() >= 4 && (w.startsWith(lemma) || w.startsWith(stem(lemma)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String stem(String lemma) {
        if (lemma.endsWith("e")) {
            return lemma.substring(0, lemma.length() - 1);
        }
        if (lemma.endsWith("y")) {
            return lemma.substring(0, lemma.length() - 1) + "i";
        }
        return lemma;
    }
}
