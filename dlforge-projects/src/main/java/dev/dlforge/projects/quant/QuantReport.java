package dev.dlforge.projects.quant;

import dev.dlforge.core.io.Json;
import dev.dlforge.core.plot.CurvePlot;
import dev.dlforge.core.report.MarkdownReport;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.projects.gpt.GptCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report of a quant run: the quant table (size, perplexity and its change from F32, decode speed per file) as
 * {@code quant-table.json}, a table in report.md and a plot of perplexity change against size, and whether
 * llama.cpp's ordering of the types held (Q8_0 ~ F16 < Q6_K < Q5_K < Q4_K < Q4_0 in perplexity change).
 */
final class QuantReport {
    /** llama.cpp's order of the types by perplexity change, best first (F16 and Q8_0 about equal). */
    static final List<String> EXPECTED_ORDER = List.of("Q8_0", "Q6_K", "Q5_K", "Q4_K", "Q4_0");

    private QuantReport() {
    }

    static void write(RunDir run, QuantRecipe recipe, GptCorpus corpus, long parameters, Map<String, Double> metrics,
                      List<QuantTable.Row> rows, int heldOutTokens) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("parameters", parameters);
        json.put("held_out_tokens", heldOutTokens);
        json.put("rows", rows);
        json.put("ordering_holds", orderingHolds(rows));
        Json.writeFile(run.path().resolve("quant-table.json"), json);

        Files.createDirectories(run.plots());
        MarkdownReport md = new MarkdownReport("quant: a Llama of our own, quantised (" + corpus.datasetId() + ")");
        md.paragraph(String.format(Locale.ROOT, "Run `%s`. A Llama-architecture model (%,d parameters: dim %d, %d layers, GQA %d/%d,"
                        + " FFN %d, context %d, BPE vocabulary %,d) trained with DJL for %,d iterations (validation loss %.4f), exported"
                        + " to GGUF F32 and quantised by `dlforge quant`; every file measured by dlforge-llm's LlamaModel on the first %,d"
                        + " held-out tokens of %s.", run.id(), parameters, recipe.network().dim(), recipe.network().layers(),
                recipe.network().heads(), recipe.network().kvHeads(), recipe.network().ffn(), recipe.network().context(),
                corpus.tokenizer().vocabSize(), metrics.getOrDefault("iterations", 0.0).intValue(), metrics.getOrDefault("val_loss", Double.NaN),
                heldOutTokens, corpus.datasetId()));
        md.section("Quant table");
        List<List<String>> table = new ArrayList<>();
        for (QuantTable.Row r : rows) {
            table.add(List.of(r.type(), String.format(Locale.ROOT, "%.2f", r.bytes() / 1e6), String.format(Locale.ROOT, "%.4f", r.perplexity()),
                    String.format(Locale.ROOT, "%+.3f%%", r.deltaPercent()), String.format(Locale.ROOT, "%.0f", r.tokensPerSecond())));
        }
        md.table(List.of("type", "size (MB)", "perplexity", "change vs F32", "decode tokens/s"), table);
        md.paragraph(verdict(rows));
        CurvePlot plot = new CurvePlot("perplexity change vs file size", "file size (MB)", "perplexity change vs F32 (%)");
        for (QuantTable.Row r : rows) { // one point per type, each named in the legend
            plot.series(r.type(), new double[] {r.bytes() / 1e6}, new double[] {r.deltaPercent()});
        }
        plot.save(run.plots().resolve("quant.png"));
        md.image("perplexity change vs size", "plots/quant.png");
        md.save(run.report());
    }

    /** Whether the perplexity changes rise strictly along {@link #EXPECTED_ORDER} (types not measured are skipped). */
    static boolean orderingHolds(List<QuantTable.Row> rows) {
        double previous = Double.NEGATIVE_INFINITY;
        for (String type : EXPECTED_ORDER) {
            Optional<QuantTable.Row> r = rows.stream().filter(x -> x.type().equals(type)).findFirst();
            if (r.isPresent()) {
                if (r.get().deltaPercent() <= previous) {
                    return false;
                }
                previous = r.get().deltaPercent();
            }
        }
        return true;
    }

    static String verdict(List<QuantTable.Row> rows) {
        StringBuilder order = new StringBuilder();
        rows.stream().filter(r -> !r.type().equals("F32")).sorted((a, b) -> Double.compare(a.deltaPercent(), b.deltaPercent()))
                .forEach(r -> order.append(order.length() == 0 ? "" : " < ").append(r.type()));
        return (orderingHolds(rows)
                ? "llama.cpp's ordering holds: Q8_0 < Q6_K < Q5_K < Q4_K < Q4_0 in perplexity change."
                : "llama.cpp's ordering (Q8_0 < Q6_K < Q5_K < Q4_K < Q4_0 in perplexity change) does **not** hold on this model;"
                        + " differences this small can be inside the noise of a small model and a short held-out text.")
                + " Measured order, best first: " + order + ".";
    }
}
