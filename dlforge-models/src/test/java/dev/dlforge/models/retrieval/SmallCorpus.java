package dev.dlforge.models.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A handful of chunks in three sources, small enough to embed with MiniLM in a second. */
final class SmallCorpus {
    static final String AMBERGRIS = "whales#1";
    static final String BREAD = "cooking#0";

    private SmallCorpus() {}

    static Map<String, List<Chunk>> sources() {
        return Map.of(
                "docs/whales.md", List.of(
                        chunk("whales#0", "docs/whales.md", "Whaling", 0, "The harpooneer Queequeg threw his iron at the sperm whale from the bow."),
                        chunk(AMBERGRIS, "docs/whales.md", "Whaling", 0, "Ambergris is a waxy substance found in the intestines of sperm whales.")),
                "docs/cooking.md", List.of(
                        chunk(BREAD, "docs/cooking.md", "Recipes: Bread", 0, "Preheat the oven to 200 degrees and bake the bread for forty minutes."),
                        chunk("cooking#1", "docs/cooking.md", "Recipes: Cake", 0, "Whisk the eggs with sugar until the mixture is pale and fluffy.")),
                "notes/cars.txt", List.of(
                        chunk("cars#0", "notes/cars.txt", "", 3, "The engine would not start on cold winter mornings."),
                        chunk("cars#1", "notes/cars.txt", "", 5, "Replacing the battery fixed the ignition problem."),
                        chunk("cars#2", "notes/cars.txt", "", 6, "My dog loves chasing the ball in the park.")));
    }

    static void indexInto(ChunkIndexWriter index) {
        sources().forEach((source, chunks) -> index.replaceSource(source, "v1", chunks));
        index.commit();
    }

    static Chunk chunk(String id, String source, String heading, int page, String text) {
        return Chunk.of(id, source, heading, page, 0, text.length(), text);
    }

    static List<String> ids(List<ScoredChunk> hits) {
        List<String> out = new ArrayList<>();
        hits.forEach(h -> out.add(h.chunk().id()));
        return out;
    }
}
