package dev.dlforge.data.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Stanford Sentiment Treebank (Socher et al. 2013) in its two common forms:
 * <ul>
 *   <li>GLUE's SST-2: a TSV with a header naming the columns {@code sentence} and {@code label}
 *       (0 negative, 1 positive);</li>
 *   <li>the original PTB trees, one per line, {@code (3 (2 It) (4 (2 's) ...))}: the root's label is
 *       the sentence's (0 very negative .. 4 very positive) and the leaves are its tokens. Read as 5
 *       classes, or binarised as SST-2 is: 0-1 negative, 3-4 positive, neutral (2) sentences left out.</li>
 * </ul>
 * Broken lines (wrong column count, labels outside the classes, unbalanced trees) are skipped and
 * counted; non-UTF-8 bytes are read as windows-1252; very long lines are truncated. Every sentence
 * is in the group named by the caller (e.g. {@code sst-dev}), its id the line number.
 */
public final class SstReader {
    public static final List<String> FINE_CLASSES = List.of("very negative", "negative", "neutral", "positive", "very positive");
    public static final List<String> BINARY_CLASSES = List.of("neg", "pos");
    static final String BAD_COLUMNS = "SST lines skipped: not the header's columns";
    static final String BAD_LABEL = "SST lines skipped: label outside the classes";
    static final String BAD_TREE = "SST lines skipped: not a well-formed labelled tree";
    static final String NEUTRAL_DROPPED = "SST neutral sentences left out of the binary task";
    static final int MAX_CHARS = 20_000;
    /** Deeper than any real sentence's parse; bounds the recursion on hostile input. */
    static final int MAX_DEPTH = 500;

    private SstReader() {}

    /** A sentence and its label, as parsed. */
    record Labeled(String text, int label) {}

    /** GLUE SST-2 TSV: classes {@code neg, pos}. */
    public static LabeledTexts glueTsv(Path file, String group, TextRepairs warnings) throws IOException {
        Rows rows = new Rows(group);
        String[] lines = PlainText.decode(Files.readAllBytes(file), warnings).split("\n");
        List<String> header = List.of(lines[0].split("\t", -1));
        int sentence = header.indexOf("sentence");
        int label = header.indexOf("label");
        if (sentence < 0 || label < 0) {
            throw new IOException(file + " has no 'sentence' and 'label' columns in its header (it has: " + lines[0] + ")");
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split("\t", -1);
            if (f.length != header.size() || f[sentence].isBlank()) {
                warnings.add(BAD_COLUMNS);
            } else if (!f[label].strip().equals("0") && !f[label].strip().equals("1")) {
                warnings.add(BAD_LABEL);
            } else {
                rows.add(truncate(f[sentence].strip(), warnings), Integer.parseInt(f[label].strip()), i + 1);
            }
        }
        return rows.texts(BINARY_CLASSES);
    }

    /** PTB trees, one per line: 5 classes ({@link #FINE_CLASSES}) or binary ({@code neg, pos}). */
    public static LabeledTexts ptbTrees(Path file, boolean fineGrained, String group, TextRepairs warnings) throws IOException {
        Rows rows = new Rows(group);
        String[] lines = PlainText.decode(Files.readAllBytes(file), warnings).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Labeled tree = parseTree(truncate(lines[i].strip(), warnings));
            if (tree == null) {
                warnings.add(BAD_TREE);
            } else if (fineGrained) {
                rows.add(tree.text(), tree.label(), i + 1);
            } else if (tree.label() == 2) {
                warnings.add(NEUTRAL_DROPPED);
            } else {
                rows.add(tree.text(), tree.label() > 2 ? 1 : 0, i + 1);
            }
        }
        return rows.texts(fineGrained ? FINE_CLASSES : BINARY_CLASSES);
    }

    private static String truncate(String line, TextRepairs warnings) {
        if (line.length() <= MAX_CHARS) {
            return line;
        }
        warnings.add(TextRepairs.TRUNCATED);
        return line.substring(0, Character.isHighSurrogate(line.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS);
    }

    /** Sentences collected in file order, with their line numbers as ids. */
    private static final class Rows {
        private final String group;
        private final List<String> texts = new ArrayList<>();
        private final List<Integer> labels = new ArrayList<>();
        private final List<String> ids = new ArrayList<>();

        Rows(String group) {
            this.group = group;
        }

        void add(String text, int label, int line) {
            texts.add(text);
            labels.add(label);
            ids.add(group + ":" + line);
        }

        LabeledTexts texts(List<String> classes) {
            return new LabeledTexts(classes, texts, labels.stream().mapToInt(Integer::intValue).toArray(),
                    java.util.Collections.nCopies(texts.size(), group), ids);
        }
    }

    /** The root label and the leaves of {@code (label child...)} where a child is a tree or a word; null if malformed. */
    static Labeled parseTree(String s) {
        List<String> leaves = new ArrayList<>();
        int[] pos = {0};
        int label = node(s, pos, leaves, 0);
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
        if (label < 0 || pos[0] != s.length() || leaves.isEmpty()) {
            return null;
        }
        return new Labeled(String.join(" ", leaves), label);
    }

    /** Parses one node at {@code pos[0]}; returns its label (0-4) or -1 when malformed or too deep. */
    private static int node(String s, int[] pos, List<String> leaves, int depth) {
        skipSpaces(s, pos);
        if (depth > MAX_DEPTH || pos[0] >= s.length() || s.charAt(pos[0]) != '(') {
            return -1;
        }
        pos[0]++;
        skipSpaces(s, pos);
        if (pos[0] >= s.length() || s.charAt(pos[0]) < '0' || s.charAt(pos[0]) > '4') {
            return -1;
        }
        int label = s.charAt(pos[0]++) - '0';
        if (pos[0] >= s.length() || !Character.isWhitespace(s.charAt(pos[0]))) {
            return -1; // a label is one digit followed by a space
        }
        boolean hasChild = false;
        while (true) {
            skipSpaces(s, pos);
            if (pos[0] >= s.length()) {
                return -1;
            }
            char c = s.charAt(pos[0]);
            if (c == ')') {
                pos[0]++;
                return hasChild ? label : -1;
            }
            if (c == '(') {
                if (node(s, pos, leaves, depth + 1) < 0) {
                    return -1;
                }
            } else {
                int start = pos[0];
                while (pos[0] < s.length() && s.charAt(pos[0]) != ')' && s.charAt(pos[0]) != '(' && !Character.isWhitespace(s.charAt(pos[0]))) {
                    pos[0]++;
                }
                leaves.add(s.substring(start, pos[0]));
            }
            hasChild = true;
        }
    }

    private static void skipSpaces(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
    }
}
