package dev.dlforge.core.text;

import dev.dlforge.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokens to ids and back. Id 0 is {@value #PAD} (padding) and id 1 is {@value #UNKNOWN} (any token
 * not in the vocabulary); the rest are the kept tokens, most frequent first. Saved as one token per
 * line, the line number being the id.
 */
public final class Vocabulary {
    public static final String PAD = "<pad>";
    public static final String UNKNOWN = "<unk>";
    public static final int PAD_ID = 0;
    public static final int UNKNOWN_ID = 1;

    private final List<String> tokens;
    private final Map<String, Integer> ids = new HashMap<>();

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        for (int i = 0; i < this.tokens.size(); i++) {
            ids.putIfAbsent(this.tokens.get(i), i);
        }
    }

    /**
     * Keeps tokens seen at least {@code minCount} times, at most {@code maxSize} ids in all (the
     * two special ones included); ties in frequency are broken alphabetically, so the result is
     * the same for the same counts.
     */
    public static Vocabulary fromCounts(Map<String, Integer> counts, int minCount, int maxSize) {
        List<String> kept = new ArrayList<>(List.of(PAD, UNKNOWN));
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount && !e.getKey().equals(PAD) && !e.getKey().equals(UNKNOWN))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .limit(Math.max(0, maxSize - 2L))
                .forEach(e -> kept.add(e.getKey()));
        return new Vocabulary(kept);
    }

    /** Counts tokens of {@code sequences} and keeps them as {@link #fromCounts} does. */
    public static Vocabulary build(Iterable<? extends List<String>> sequences, int minCount, int maxSize) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> seq : sequences) {
            for (String t : seq) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        return fromCounts(counts, minCount, maxSize);
    }

    public int size() {
        return tokens.size();
    }

    /** The id of {@code token}, or {@link #UNKNOWN_ID}. */
    public int id(String token) {
        return ids.getOrDefault(token, UNKNOWN_ID);
    }

    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    public String token(int id) {
        return tokens.get(id);
    }

    public List<String> tokens() {
        return tokens;
    }

    public int[] encode(List<String> sequence) {
        int[] out = new int[sequence.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(sequence.get(i));
        }
        return out;
    }

    public void save(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String t : tokens) {
            text.append(t.replace('\n', ' ').replace('\r', ' ')).append('\n');
        }
        AtomicFiles.writeString(file, text.toString());
    }

    /** Reads a vocabulary saved by {@link #save}. */
    public static Vocabulary load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(PAD_ID).equals(PAD) || !lines.get(UNKNOWN_ID).equals(UNKNOWN)) {
            throw new IOException(file + " is not a dlforge vocabulary (it must start with " + PAD + " and " + UNKNOWN + ")");
        }
        return new Vocabulary(lines);
    }
}
