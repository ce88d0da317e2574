package dev.dlforge.data.wordnet;

import dev.dlforge.data.text.TextRepairs;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads WordNet 3.0 {@code data.*} files (format: wndb(5WN)). A line is
 * {@code offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] [frames] | gloss};
 * {@code w_cnt} is two hex digits. Lines starting with two spaces are the licence header. The gloss
 * holds the definition and, separated by {@code ;}, double-quoted examples. A malformed line is
 * skipped and counted, never fatal.
 */
public final class WordNetReader {
    public static final List<String> FILES = List.of("data.noun", "data.verb", "data.adj", "data.adv");
    public static final String MALFORMED = "malformed WordNet lines skipped";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern ADJ_MARKER = Pattern.compile("\\((a|p|ip)\\)$");

    private WordNetReader() {}

    /** Every synset of the four data files in {@code dir}, in file order (nouns, verbs, adjectives, adverbs). */
    public static List<WordNetSynset> readAll(Path dir, TextRepairs repairs) throws IOException {
        List<WordNetSynset> all = new ArrayList<>();
        for (String name : FILES) {
            all.addAll(read(dir.resolve(name), repairs));
        }
        return all;
    }

    public static List<WordNetSynset> read(Path file, TextRepairs repairs) throws IOException {
        List<WordNetSynset> out = new ArrayList<>();
        // WordNet 3.0 is ASCII; a stray byte must not stop the read, so malformed input is replaced.
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("  ") || line.isBlank()) {
                    continue;
                }
                WordNetSynset s = parseLine(line);
                if (s == null) {
                    repairs.add(MALFORMED);
                } else {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** One data line as a synset, or null when it does not follow the format. */
    public static WordNetSynset parseLine(String line) {
        int bar = line.indexOf(" | ");
        String head = bar < 0 ? line : line.substring(0, bar);
        String gloss = bar < 0 ? "" : line.substring(bar + 3).strip();
        String[] f = head.trim().split(" +");
        try {
            if (f.length < 6 || !f[0].matches("\\d{8}") || f[2].length() != 1 || "nvasr".indexOf(f[2].charAt(0)) < 0) {
                return null;
            }
            int words = Integer.parseInt(f[3], 16);
            if (words < 1 || f.length < 4 + 2 * words) {
                return null;
            }
            List<String> lemmas = new ArrayList<>();
            for (int w = 0; w < words; w++) {
                String lemma = ADJ_MARKER.matcher(f[4 + 2 * w]).replaceFirst("").replace('_', ' ');
                if (!lemmas.contains(lemma)) {
                    lemmas.add(lemma);
                }
            }
            List<String> examples = new ArrayList<>();
            Matcher m = QUOTED.matcher(gloss);
            while (m.find()) {
                if (!m.group(1).isBlank()) {
                    examples.add(m.group(1).strip());
                }
            }
            String definition = QUOTED.matcher(gloss).replaceAll("").replaceAll("(\\s*;\\s*)+$", "").replaceAll(";\\s*;", ";").strip();
            return new WordNetSynset(f[0], f[2].charAt(0), lemmas, definition, examples);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
