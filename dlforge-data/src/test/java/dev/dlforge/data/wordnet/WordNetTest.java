package dev.dlforge.data.wordnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.datasets.WordNet;
import dev.dlforge.data.docs.EvalDocument;
import dev.dlforge.data.docs.EvalQuestion;
import dev.dlforge.data.docs.RetrievalEvalSet;
import dev.dlforge.data.text.TextRepairs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

@EndToEnd
class WordNetTest {
    @TempDir
    Path dir;

    static final String HEADER = "  1 This software and database is being provided to you, the LICENSEE, by  \n"
            + "  2 THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON  \n";

    @Test
    void dataLinesParseIntoSynsetsAndTheHeaderAndBadLinesAreSkipped() throws Exception {
        String noun = HEADER
                + "00002137 03 n 02 abstraction 0 abstract_entity 0 010 @ 00001740 n 0000 + 00692347 v 0101"
                + " | a general concept formed by extracting common features from specific examples  \n"
                + "not a synset line\n"
                + "00001740 00 a 01 able(a) 0 005 = 05200169 n 0000 | (usually followed by `to') having the necessary means;"
                + " \"able to swim\"; \"she was able to program her computer\"  \n";
        Path file = Files.writeString(dir.resolve("data.noun"), noun);
        TextRepairs repairs = new TextRepairs();
        List<WordNetSynset> synsets = WordNetReader.read(file, repairs);
        assertThat(synsets).hasSize(2);
        assertThat(repairs.count(WordNetReader.MALFORMED)).isEqualTo(1);
        WordNetSynset abstraction = synsets.get(0);
        assertThat(abstraction.id()).isEqualTo("00002137-n");
        assertThat(abstraction.lemmas()).containsExactly("abstraction", "abstract entity");
        assertThat(abstraction.definition()).isEqualTo("a general concept formed by extracting common features from specific examples");
        assertThat(abstraction.examples()).isEmpty();
        WordNetSynset able = synsets.get(1);
        assertThat(able.pos()).isEqualTo('a');
        assertThat(able.lemmas()).containsExactly("able");
        assertThat(able.definition()).isEqualTo("(usually followed by `to') having the necessary means");
        assertThat(able.examples()).containsExactly("able to swim", "she was able to program her computer");
    }

    @Test
    void exampleQuestionsBlankEveryFormOfTheTerm() {
        WordNetSynset choke = new WordNetSynset("00002724", 'v', List.of("choke"), "breathe with great difficulty",
                List.of("She choked with emotion when she spoke about her husband"));
        assertThat(WordNetQuestions.fromExample(choke)).isEqualTo("She ___ with emotion when she spoke about her husband");
        assertThat(WordNetQuestions.leaks("Choking hazard", List.of("choke"))).isTrue();
        assertThat(WordNetQuestions.leaks("they carried it", List.of("carry"))).isTrue();
        assertThat(WordNetQuestions.leaks("a take a breath moment", List.of("take a breath"))).isTrue();
        assertThat(WordNetQuestions.leaks("breathing hard", List.of("choke", "take a breath"))).isFalse();
        assertThat(WordNetQuestions.leaks("an archaic word for `ago'", List.of("ago"))).as("quote marks end a word").isTrue();
    }

    @Test
    void theParaphraseSwapsContentWordsForSynonymsAndKeepsTheRestOfTheSentence() {
        List<WordNetSynset> synsets = List.of(
                new WordNetSynset("00000001", 'n', List.of("whale"), "a very large marine mammal with a blowhole, hunted for oil", List.of()),
                new WordNetSynset("00000002", 'a', List.of("large", "big"), "above average in size", List.of()),
                new WordNetSynset("00000003", 'a', List.of("marine", "maritime"), "of the sea", List.of()),
                new WordNetSynset("00000004", 'n', List.of("mammal", "mammalian"), "an animal that suckles its young", List.of()),
                new WordNetSynset("00000005", 'n', List.of("oil", "petroleum"), "a fossil fuel", List.of()),
                new WordNetSynset("00000006", 'v', List.of("hunt", "run down"), "pursue for food or sport", List.of()));
        // Every synset but whale is asked about too; its question is the one checked.
        var none = WordNetQuestions.generate(synsets, new WordNetQuestionConfig(3, 1, 0, 0.0)).questions().get(0);
        assertThat(none.text()).as("rate 0 keeps the definition").isEqualTo(synsets.stream()
                .filter(x -> x.id().equals(none.goldId())).findFirst().orElseThrow().definition());

        String whale = null;
        for (long seed = 0; whale == null && seed < 1_000; seed++) {
            var q = WordNetQuestions.generate(synsets, new WordNetQuestionConfig(seed, 1, 0, 1.0)).questions().get(0);
            whale = q.goldId().equals("00000001-n") ? q.text() : null;
        }
        assertThat(whale).as("some seed asks about the whale").isNotNull();
        assertThat(whale).as("function words, order and punctuation stay; 'blowhole' and 'hunted' have no synset")
                .isEqualTo("a very big maritime mammalian with a blowhole, hunted for petroleum");
    }

    /** The real WordNet from Debian (apt-get download, ~1 s); skipped where apt-get is missing. */
    @Test
    void realWordNetGivesAReproducibleLeakFreeQuestionSet() throws Exception {
        assumeTrue(java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(p -> Files.isExecutable(Path.of(p, "apt-get"))), "apt-get is not on this machine");
        WordNet wordNet = (WordNet) DatasetRegistry.builtIn().get(WordNet.ID);
        Path data = new DatasetResolver(dir).resolve(wordNet.spec(), null);
        List<WordNetSynset> synsets = wordNet.read(data);
        assertThat(synsets).hasSize(117_659);
        assertThat(synsets.stream().collect(Collectors.groupingBy(s -> s.pos() == 's' ? 'a' : s.pos(), Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of('n', 82_115L, 'v', 13_767L, 'a', 18_156L, 'r', 3_621L));

        WordNetQuestionConfig config = WordNetQuestionConfig.defaults();
        RetrievalEvalSet set = WordNetQuestions.generate(synsets, config);
        assertThat(set.questions()).hasSize(1_000);
        assertThat(set.documents()).hasSize(20_000);
        assertThat(WordNetQuestions.generate(synsets, config)).isEqualTo(set);
        assertThat(WordNetQuestions.generate(synsets, new WordNetQuestionConfig(7, 1_000, 20_000, 1.0)).questions())
                .isNotEqualTo(set.questions());

        Map<String, WordNetSynset> byId = synsets.stream().collect(Collectors.toMap(WordNetSynset::id, Function.identity()));
        Set<String> documentIds = set.documents().stream().map(EvalDocument::id).collect(Collectors.toSet());
        Set<String> golds = new HashSet<>();
        List<String> kinds = new ArrayList<>();
        for (EvalQuestion q : set.questions()) {
            assertThat(documentIds).contains(q.goldId());
            assertThat(golds.add(q.goldId())).as("one question per synset").isTrue();
            kinds.add(q.kind());
            String text = " " + q.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_ ]", " ") + " ";
            for (String lemma : byId.get(q.goldId()).lemmas()) {
                assertThat(text).as(q.toString()).doesNotContain(" " + lemma.toLowerCase(Locale.ROOT) + " ");
            }
        }
        assertThat(kinds.stream().filter(WordNetQuestions.EXAMPLE::equals).count()).isEqualTo(500L);
        assertThat(kinds.stream().filter(WordNetQuestions.DEFINITION::equals).count()).isEqualTo(500L);
        set.questions().stream().limit(6).forEach(q -> System.out.println(q.kind() + " | " + q.text() + " | gold "
                + WordNetQuestions.document(byId.get(q.goldId())).text()));
    }
}
