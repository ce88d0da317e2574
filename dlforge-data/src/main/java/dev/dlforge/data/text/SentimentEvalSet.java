package dev.dlforge.data.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * dlforge's hand-written sentiment evaluation set: 320 English sentences written for this project
 * (CC0), 160 positive and 160 negative, 64 in each of five domains (products, films, restaurants,
 * travel, work), each tagged with the constructions that make it hard: negation, contrast
 * (but/although/yet), intensifier, dampener, caps, punctuation, or plain. There is no neutral class.
 * The file ({@value #RESOURCE}) states its provenance in its header.
 */
public final class SentimentEvalSet {
    public static final String RESOURCE = "/dev/dlforge/data/text/sentiment-eval.tsv";
    public static final List<String> TAGS = List.of("plain", "negation", "contrast", "intensifier", "dampener", "caps", "punctuation");

    /**
     * One sentence.
     *
     * @param positive the writer's verdict (pos) or not (neg)
     * @param domain product, film, restaurant, travel or work
     * @param tags the hard constructions in it, from {@link #TAGS}
     */
    public record Example(boolean positive, String domain, Set<String> tags, String sentence) {
        public int label() {
            return positive ? 1 : 0;
        }
    }

    private SentimentEvalSet() {}

    public static List<Example> examples() {
        try (InputStream in = SentimentEvalSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the dlforge-data jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final List<String> CLASSES = List.of("neg", "pos");

    /** The set as labelled texts with classes {@code neg, pos}, grouped by domain, ids {@code handwritten:<n>} (1-based). */
    public static LabeledTexts labeledTexts() {
        List<Example> all = examples();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ids.add("handwritten:" + (i + 1));
        }
        return new LabeledTexts(CLASSES, all.stream().map(Example::sentence).toList(), all.stream().mapToInt(Example::label).toArray(),
                all.stream().map(Example::domain).toList(), ids);
    }

    static List<Example> parse(String tsv) {
        List<Example> examples = new ArrayList<>();
        boolean header = true;
        for (String line : tsv.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (header) {
                header = false; // the column names
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4 || !(f[0].equals("pos") || f[0].equals("neg"))) {
                throw new IllegalStateException("malformed line in " + RESOURCE + ": " + line);
            }
            Set<String> tags = new LinkedHashSet<>(Arrays.asList(f[2].split(",")));
            if (!TAGS.containsAll(tags)) {
                throw new IllegalStateException("unknown tag in " + RESOURCE + ": " + line);
            }
            examples.add(new Example(f[0].equals("pos"), f[1], Set.copyOf(tags), f[3]));
        }
        return List.copyOf(examples);
    }
}
