package dev.dlforge.models.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chunk-sized prose-like text for index benchmarks: sentences of 6..22 words drawn from a
 * vocabulary of common English words followed by made-up words of 2..4 syllables, with Zipf
 * frequencies (p(rank r) ~ 1 / r^1.07, as in natural text), so BM25 posting lists have realistic
 * lengths: a few huge (stop words), a long tail of rare terms. Reproducible from the seed.
 */
final class SyntheticText {
    private static final String[] COMMON = ("the of and to a in is it that was he for on are as with his they at be this from"
            + " have or by one had not but what all were when we there can an your which their said if do will each about how up"
            + " out them then she many some so these would other into has more her two like him see time could no make than first"
            + " been its who now people my made over did down only way find use may water long little very after words called just"
            + " where most know get through back much before go good new write our used me man too any day same right look think"
            + " also around another came come work three word must because does part even place well such here take why things"
            + " help put years different away again off went old number great tell men say small every found still between name"
            + " should home big give air line set own under read last never us left end along while might next sound below saw"
            + " something thought both few those always looked show large often together asked house world going want school"
            + " important until form food keep children feet land side without boy once animals life enough took sometimes four"
            + " head above kind began almost live page got earth need far hand high year mother light parts country father let"
            + " night following picture being study second eyes soon times story boys since white days ever paper hard near"
            + " sentence better best across during today others however sure means knew whale ship sea captain boat harpoon").split(" ");
    private static final String[] SYLLABLES =
            "ka lo mi ne ru sa te vi bo da fe gu hi jo ku la mo nu pe qui ra si to ul va we xi yo zu an el in or um ar en is ot".split(" ");
    private final String[] vocabulary;
    private final double[] cumulative;

    SyntheticText(int vocabularySize, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        vocabulary = new String[Math.max(vocabularySize, COMMON.length)];
        System.arraycopy(COMMON, 0, vocabulary, 0, COMMON.length);
        for (int i = COMMON.length; i < vocabulary.length; i++) {
            StringBuilder w = new StringBuilder();
            for (int s = 2 + random.nextInt(3); s > 0; s--) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            vocabulary[i] = w.toString();
        }
        cumulative = new double[vocabulary.length];
        double sum = 0;
        for (int r = 0; r < vocabulary.length; r++) {
            sum += 1 / Math.pow(r + 1, 1.07);
            cumulative[r] = sum;
        }
        for (int r = 0; r < cumulative.length; r++) {
            cumulative[r] /= sum;
        }
    }

    /** A chunk of {@code sentences} sentences. */
    String chunk(SplittableRandom random, int sentences) {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            int words = 6 + random.nextInt(17);
            for (int w = 0; w < words; w++) {
                String word = word(random);
                text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                text.append(w == words - 1 ? ". " : " ");
            }
        }
        return text.toString().trim();
    }

    /** A query of 3..8 words taken in order from a chunk, as a user might half-remember it. */
    static String queryFrom(String chunk, SplittableRandom random) {
        String[] words = chunk.replace(".", "").split(" ");
        int n = Math.min(words.length, 3 + random.nextInt(6));
        int from = random.nextInt(words.length - n + 1);
        List<String> out = new ArrayList<>(List.of(words).subList(from, from + n));
        return String.join(" ", out);
    }

    private String word(SplittableRandom random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) { // first rank whose cumulative probability reaches u
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return vocabulary[lo];
    }
}
