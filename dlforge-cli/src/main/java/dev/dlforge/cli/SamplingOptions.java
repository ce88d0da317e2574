package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.models.lm.GenerationConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How {@code generate} and {@code chat} pick tokens. Every option left out keeps the value the run's
 * project recommends ({@code LoadedLanguageModel.defaults()}).
 */
final class SamplingOptions {
    @Option(names = "--max-tokens", paramLabel = "N", description = "most new tokens to write (default: the model's)")
    Integer maxTokens;

    @Option(names = "--temperature", paramLabel = "T", description = "0 is greedy; 1 samples the model's distribution (default: the model's)")
    Double temperature;

    @Option(names = "--greedy", description = "always take the most likely token (same as --temperature 0)")
    boolean greedy;

    @Option(names = "--top-k", paramLabel = "K", description = "sample among the K most likely tokens; 0 keeps all (default: the model's)")
    Integer topK;

    @Option(names = "--top-p", paramLabel = "P", description = "nucleus: the most likely tokens up to probability P, in (0, 1] (default: the model's)")
    Double topP;

    @Option(names = "--repetition-penalty", paramLabel = "R",
            description = "divide positive logits of tokens already written by R (multiply negative ones); 1 is off (default: the model's)")
    Double repetitionPenalty;

    @Option(names = "--stop", paramLabel = "TEXT",
            description = "end the text before TEXT (repeatable); \\n, \\t and \\\\ are read as newline, tab and backslash")
    List<String> stop = List.of();

    @Option(names = "--seed", paramLabel = "N", description = "seed of the sampler: the same seed writes the same text (default: the model's)")
    Long seed;

    @Option(names = "--no-cache", description = "recompute the whole context for every token instead of using the KV cache"
            + " (slower; the same text while it fits the context)")
    boolean noCache;

    /** {@code defaults} with the options given on the command line. */
    GenerationConfig apply(GenerationConfig defaults) {
        if (greedy && temperature != null && temperature != 0) {
            throw new DlforgeException("--greedy and --temperature " + temperature + " contradict each other", "pass one of them");
        }
        List<String> stops = new ArrayList<>(defaults.stop());
        stop.stream().map(SamplingOptions::unescape).forEach(stops::add);
        try {
            return new GenerationConfig(
                    maxTokens != null ? maxTokens : defaults.maxTokens(),
                    greedy ? 0 : temperature != null ? temperature : defaults.temperature(),
                    topK != null ? topK : defaults.topK(),
                    topP != null ? topP : defaults.topP(),
                    repetitionPenalty != null ? repetitionPenalty : defaults.repetitionPenalty(),
                    stops,
                    seed != null ? seed : defaults.seed(),
                    !noCache && defaults.useCache());
        } catch (IllegalArgumentException e) {
            throw new DlforgeException(e.getMessage(), "fix the option, or leave it out for the model's default");
        }
    }

    /** Shells make a newline hard to type, so {@code --stop "\n\n"} means two newlines. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                String replaced = next == 'n' ? "\n" : next == 't' ? "\t" : next == '\\' ? "\\" : null;
                if (replaced != null) {
                    out.append(replaced);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
