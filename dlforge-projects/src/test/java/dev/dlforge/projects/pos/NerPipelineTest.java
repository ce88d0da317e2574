package dev.dlforge.projects.pos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.serving.Payload;
import dev.dlforge.projects.serving.output.Tags;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/** The NER side of pos, end to end on CoNLL-format files written here: read, train a few batches, score entities, serve. */
@EndToEnd
class NerPipelineTest {
    static final String[] PEOPLE = {"Peter", "Mary", "John", "Anna"};
    static final String[] PLACES = {"Paris", "Rome", "Berlin", "Oslo"};

    /** Sentences "PERSON visited PLACE ." and "PERSON Smith met PERSON in PLACE ." in IOB1, with junk lines. */
    static String conll(int sentences, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("-DOCSTART- -X- -X- O\n\n");
        for (int i = 0; i < sentences; i++) {
            if (r.nextBoolean()) {
                b.append(PEOPLE[r.nextInt(4)]).append(" NNP B-NP I-PER\nvisited VBD B-VP O\n")
                        .append(PLACES[r.nextInt(4)]).append(" NNP B-NP I-LOC\n. . O O\n\n");
            } else {
                b.append(PEOPLE[r.nextInt(4)]).append(" NNP B-NP I-PER\nSmith NNP I-NP I-PER\nmet VBD B-VP O\n")
                        .append(PEOPLE[r.nextInt(4)]).append(" NNP B-NP I-PER\nin IN B-PP O\n")
                        .append(PLACES[r.nextInt(4)]).append(" NNP B-NP I-LOC\n. . O O\n\n");
            }
            if (i == 3) {
                b.append("broken-line-without-columns\n");
            }
        }
        return b.toString();
    }

    @Test
    void nerTrainsOnConllFilesAndReportsEntityF1(@TempDir Path tmp) throws Exception {
        System.setProperty("dlforge.home", tmp.resolve("home").toString());
        Path data = Files.createDirectories(tmp.resolve("conll"));
        Files.writeString(data.resolve("eng.train"), conll(100, 1));
        Files.writeString(data.resolve("eng.testa"), conll(20, 2));
        Files.writeString(data.resolve("eng.testb"), conll(20, 3));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        TrainOptions o = TrainOptions.defaults(new PrintStream(console, true, StandardCharsets.UTF_8));
        o = new TrainOptions(null, "conll2003", data, 3, 16, 1e-2, null, 7L, tmp.resolve("run"), o.console(), o.stop(), null);
        PosProject project = new PosProject();
        RunDir run = project.train(o);

        Map<?, ?> metrics = Json.readFile(run.metricsJson(), Map.class);
        assertThat(metrics.keySet().stream().map(String::valueOf).toList())
                .contains("test_accuracy", "test_entity_f1", "test_entity_precision", "test_entity_recall");
        // a trivially regular language: far above chance after three short epochs
        assertThat(((Number) metrics.get("test_entity_f1")).doubleValue()).as(console.toString()).isGreaterThan(0.5);
        String report = Files.readString(run.report());
        assertThat(report).contains("Entities (exact span match)").contains("| PER |").contains("| LOC |");
        assertThat(Json.MAPPER.readTree(run.model().resolve("model.json").toFile()).get("labels").toString())
                .contains("B-PER").contains("I-PER").contains("B-LOC");

        try (TagPredictor server = project.predictor(run.model())) {
            Tags mary = server.predict(List.of(server.decode(new Payload("text/plain", "Mary visited Oslo .".getBytes(StandardCharsets.UTF_8), Map.of()))))
                    .get(0);
            assertThat(mary.tokens()).hasSize(4);
            assertThat(mary.tokens().get(0).token()).isEqualTo("Mary");
            assertThat(mary.tokens()).allSatisfy(t -> assertThat(t.probability()).isBetween(0.0, 1.0));

            var json = server.decode(new Payload("application/json", "{\"text\": \"John met Anna\"}".getBytes(StandardCharsets.UTF_8), Map.of()));
            var plain = server.decode(new Payload("text/plain", "Peter visited Rome".getBytes(StandardCharsets.UTF_8), Map.of()));
            List<Tags> answers = server.predict(List.of(json, plain));
            assertThat(answers.get(0).tokens()).extracting(Tags.Token::token).containsExactly("John", "met", "Anna");
            assertThat(answers.get(1).tokens()).hasSize(3);
            assertThat(Json.write(answers.get(1))).contains("\"type\" : \"tags\"").contains("\"tokens\"").contains("\"tag\"").contains("\"probability\"");
        }
    }

    @Test
    void taggedBatchesPadWithAMaskAndCountTokens() {
        var sentences = List.of(new dev.dlforge.data.text.TaggedSentence(List.of("a", "b", "c"), List.of("X", "Y", "X")),
                new dev.dlforge.data.text.TaggedSentence(List.of("d"), List.of("Y")));
        TokenFeatures f = TokenFeatures.fit(List.of(List.of("a", "b", "c", "d")), 1, 100);
        TaggedBatches b = TaggedBatches.evaluation(sentences, f, Map.of("X", 0, "Y", 1), 8);
        try (var m = dev.dlforge.core.engine.Engines.newManager()) {
            var batch = b.batch(0, 0, m);
            assertThat(batch.size()).isEqualTo(4);
            assertThat(batch.inputs().get(3).toFloatArray()).containsExactly(1, 1, 1, 1, 0, 0);
            assertThat(batch.labels().head().toIntArray()).containsExactly(0, 1, 0, 1, 0, 0);
        }
    }
}
