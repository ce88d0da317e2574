package dev.dlforge.projects.word2vec;

import dev.dlforge.core.DlforgeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words a word2vec report looks at: probe words, whose nearest neighbours it lists, and
 * analogies a : b :: c : d, answered by 3CosAdd (the word nearest b - a + c, query words left out).
 * The standard set is the resource {@value #RESOURCE}, read once; its format is line-based:
 * {@code probe WORD...}, {@code analogy A B C D}, blank lines and {@code #} comments.
 */
public record WordProbes(List<String> probes, List<Analogy> analogies) {
    static final String RESOURCE = "/dev/dlforge/projects/word2vec/probes.txt";

    /** a : b :: c : expected. */
    public record Analogy(String a, String b, String c, String expected) {
        /** The three query words, which must all be in the vocabulary. */
        public List<String> query() {
            return List.of(a, b, c);
        }

        @Override
        public String toString() {
            return a + " : " + b + " :: " + c + " : ?";
        }
    }

    public WordProbes {
        probes = List.copyOf(probes);
        analogies = List.copyOf(analogies);
    }

    /** dlforge's probes and analogies, from {@value #RESOURCE}. */
    public static WordProbes standard() {
        return Standard.PROBES;
    }

    /** Parses the line format above; {@code source} names the text in errors. */
    public static WordProbes parse(List<String> lines, String source) {
        List<String> probes = new ArrayList<>();
        List<Analogy> analogies = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> words = Arrays.asList(line.split("\\s+"));
            String where = source + " line " + (i + 1);
            switch (words.get(0)) {
                case "probe" -> {
                    if (words.size() < 2) {
                        throw new DlforgeException(where + ": `probe` names no word", "write `probe WORD...`");
                    }
                    probes.addAll(words.subList(1, words.size()));
                }
                case "analogy" -> {
                    if (words.size() != 5) {
                        throw new DlforgeException(where + ": an analogy needs 4 words, got " + (words.size() - 1), "write `analogy A B C D`");
                    }
                    analogies.add(new Analogy(words.get(1), words.get(2), words.get(3), words.get(4)));
                }
                default -> throw new DlforgeException(where + ": unknown entry '" + words.get(0) + "'", "lines start with `probe` or `analogy`");
            }
        }
        if (probes.isEmpty() || analogies.isEmpty()) {
            throw new DlforgeException(source + " lists no " + (probes.isEmpty() ? "probe words" : "analogies"), "add `probe` and `analogy` lines");
        }
        return new WordProbes(probes, analogies);
    }

    private static final class Standard {
        static final WordProbes PROBES = read();

        private static WordProbes read() {
            try (InputStream in = WordProbes.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from dlforge-projects' jar");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), RESOURCE);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + RESOURCE, e);
            }
        }
    }
}
