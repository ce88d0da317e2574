package dev.dlforge.data.datasets;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.io.Json;
import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.source.NpmPackageSource;
import dev.dlforge.data.text.PlainText;
import dev.dlforge.data.text.Sentences;
import dev.dlforge.data.text.TextCorpusDataset;
import dev.dlforge.data.text.TextRepairs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spencer Kelly's {@code nlp-corpus}: 100,000 unlabelled English sentences and short paragraphs
 * (film reviews, news, UN documents, fiction; some not safe for work) in 100 JSON files of 1,000
 * strings each ({@code doc-0.json} .. {@code doc-99.json}), read in file order. It has no
 * canonical download besides npm.
 */
public final class NlpCorpus implements TextCorpusDataset {
    public static final String ID = "nlp-corpus";
    public static final int FILES = 100;
    static final String DIR = "nlp-corpus";

    @Override
    public DatasetSpec spec() {
        return new DatasetSpec(ID, "nlp-corpus",
                "100,000 unlabelled English sentences from mixed sources (some NSFW), 100 JSON files",
                "MIT", "https://github.com/spencermountain/nlp-corpus",
                List.of(DIR + "/doc-0.json", DIR + "/doc-" + (FILES - 1) + ".json"),
                List.of(new NpmPackageSource("nlp-corpus@4.4.0", Map.of("package/builds/", DIR))));
    }

    @Override
    public List<String> read(Path dir) throws IOException {
        TextRepairs repairs = new TextRepairs();
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            Path file = dir.resolve(DIR).resolve("doc-" + i + ".json");
            if (!Files.isRegularFile(file)) {
                repairs.add("files missing");
                continue;
            }
            readFile(file, sentences, repairs);
        }
        repairs.printTo(System.err, ID);
        return sentences;
    }

    /** One JSON array of strings; anything else in it is skipped and counted. */
    static void readFile(Path file, List<String> out, TextRepairs repairs) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(PlainText.decode(Files.readAllBytes(file), repairs));
        } catch (JsonParseException e) {
            repairs.add("files that are not JSON skipped");
            return;
        }
        if (root == null || !root.isArray()) {
            repairs.add("files that are not a JSON array skipped");
            return;
        }
        for (JsonNode item : root) {
            if (!item.isTextual()) {
                repairs.add("entries that are not strings skipped");
                continue;
            }
            Sentences.add(PlainText.clean(item.asText(), repairs).replace('\n', ' '), out, repairs);
        }
    }
}
