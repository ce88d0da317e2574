package dev.dlforge.models.text;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Words and their vectors: a (V, D) matrix, row i for word i. Similarity is the cosine
 * u.v / (|u| |v|). Saved in word2vec's text format, a header line {@code V D} then one line per
 * word: the word and its D numbers, separated by spaces. GloVe's files are the same without the
 * header, and load too.
 */
public final class WordVectors {
    private final String[] words;
    private final float[] matrix; // (V, D)
    private final int dim;
    private final Map<String, Integer> index = new HashMap<>();
    private float[] unit; // (V, D), rows scaled to length 1; made on first use

    /** A neighbour or an analogy answer with its cosine similarity. */
    public record Scored(String word, double similarity) {}

    public WordVectors(String[] words, float[] matrix, int dim) {
        if (matrix.length != (long) words.length * dim) {
            throw new IllegalArgumentException(words.length + " words need " + words.length * (long) dim + " numbers, got " + matrix.length);
        }
        this.words = words.clone();
        this.matrix = matrix;
        this.dim = dim;
        for (int i = 0; i < words.length; i++) {
            index.putIfAbsent(words[i], i);
        }
    }

    public int size() {
        return words.length;
    }

    public int dim() {
        return dim;
    }

    public List<String> words() {
        return List.of(words);
    }

    public boolean contains(String word) {
        return index.containsKey(word);
    }

    /** A copy of {@code word}'s vector. */
    public float[] vector(String word) {
        int i = require(word);
        return Arrays.copyOfRange(matrix, i * dim, (i + 1) * dim);
    }

    public double similarity(String a, String b) {
        float[] u = unit();
        return dot(u, require(a) * dim, u, require(b) * dim);
    }

    /** The {@code k} words most similar to {@code word}, itself left out. */
    public List<Scored> nearest(String word, int k) {
        int i = require(word);
        return nearest(Arrays.copyOfRange(unit(), i * dim, (i + 1) * dim), k, Set.of(word));
    }

    /**
     * Analogy a : b :: c : ? by 3CosAdd (Mikolov et al. 2013): the words closest to
     * unit(b) - unit(a) + unit(c) in cosine, the three query words left out. {@code king - man + woman}
     * is {@code analogy("man", "king", "woman", k)}.
     */
    public List<Scored> analogy(String a, String b, String c, int k) {
        float[] u = unit();
        int ia = require(a);
        int ib = require(b);
        int ic = require(c);
        float[] q = new float[dim];
        for (int d = 0; d < dim; d++) {
            q[d] = u[ib * dim + d] - u[ia * dim + d] + u[ic * dim + d];
        }
        return nearest(q, k, Set.of(a, b, c));
    }

    /** The {@code k} words whose cosine with {@code query} is highest, {@code exclude} left out. */
    public List<Scored> nearest(float[] query, int k, Set<String> exclude) {
        float[] u = unit();
        double norm = Math.sqrt(dot(query, 0, query, 0));
        PriorityQueue<Scored> best = new PriorityQueue<>((x, y) -> Double.compare(x.similarity(), y.similarity()));
        for (int i = 0; i < words.length; i++) {
            if (exclude.contains(words[i])) {
                continue;
            }
            double s = norm == 0 ? 0 : dot(query, 0, u, i * dim) / norm;
            if (best.size() < k) {
                best.add(new Scored(words[i], s));
            } else if (s > best.peek().similarity()) {
                best.poll();
                best.add(new Scored(words[i], s));
            }
        }
        List<Scored> out = new ArrayList<>(best);
        out.sort((x, y) -> Double.compare(y.similarity(), x.similarity()));
        return out;
    }

    private int require(String word) {
        Integer i = index.get(word);
        if (i == null) {
            throw new DlforgeException("'" + word + "' is not in the vocabulary of " + words.length + " words",
                    "words are lower-case tokens seen at least min-count times in the corpus");
        }
        return i;
    }

    private float[] unit() {
        if (unit == null) {
            float[] out = new float[matrix.length];
            for (int i = 0; i < words.length; i++) {
                double n = Math.sqrt(dot(matrix, i * dim, matrix, i * dim));
                for (int d = 0; d < dim; d++) {
                    out[i * dim + d] = n == 0 ? 0 : (float) (matrix[i * dim + d] / n);
                }
            }
            unit = out;
        }
        return unit;
    }

    private double dot(float[] a, int ao, float[] b, int bo) {
        double s = 0;
        for (int d = 0; d < dim; d++) {
            s += a[ao + d] * b[bo + d];
        }
        return s;
    }

    /** Writes word2vec's text format; numbers in Java's shortest exact float form. */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(words.length + " " + dim + "\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < words.length; i++) {
                line.setLength(0);
                line.append(words[i]);
                for (int d = 0; d < dim; d++) {
                    line.append(' ').append(matrix[i * dim + d]);
                }
                w.write(line.append('\n').toString());
            }
            w.flush();
        });
    }

    /**
     * Reads a word2vec text file (header {@code V D}) or a GloVe file (no header: the first line
     * is already a word and its numbers). Lines whose count of numbers differs from the first
     * vector's, or that do not parse, are skipped and counted on stderr.
     */
    public static WordVectors load(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        List<String> words = new ArrayList<>();
        FloatList values = new FloatList();
        int dim = -1;
        long skipped = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            String line = in.readLine();
            if (line == null) {
                throw new DlforgeException(file + " is empty", "give a word2vec or GloVe text file");
            }
            String[] first = line.strip().split(" ");
            if (first.length == 2 && first[0].matches("\\d+") && first[1].matches("\\d+")) {
                dim = Integer.parseInt(first[1]);
                line = in.readLine();
            }
            for (; line != null; line = in.readLine()) {
                String[] parts = line.strip().split(" ");
                if (dim < 0) {
                    dim = parts.length - 1;
                }
                if (parts.length != dim + 1 || dim < 1) {
                    skipped++;
                    continue;
                }
                int mark = values.size();
                try {
                    for (int d = 1; d <= dim; d++) {
                        values.add(Float.parseFloat(parts[d]));
                    }
                    words.add(parts[0]);
                } catch (NumberFormatException e) {
                    values.truncate(mark);
                    skipped++;
                }
            }
        }
        if (skipped > 0) {
            System.err.println("warning: " + file + ": " + skipped + " lines that are not a word and " + dim + " numbers skipped");
        }
        if (words.isEmpty()) {
            throw new DlforgeException(file + " holds no word vectors", "give a word2vec (header \"V D\") or GloVe text file");
        }
        return new WordVectors(words.toArray(String[]::new), values.toArray(), dim);
    }

    /** A growable float array for reading files of unknown length. */
    private static final class FloatList {
        private float[] data = new float[1 << 16];
        private int size;

        void add(float v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int size() {
            return size;
        }

        void truncate(int n) {
            size = n;
        }

        float[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
