package dev.dlforge.projects.sentiment;

import dev.dlforge.core.io.AtomicFiles;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.models.text.sentiment.Vader;
import dev.dlforge.models.text.sentiment.VaderLexicon;
import dev.dlforge.projects.text.TextClassifier;
import dev.dlforge.projects.text.TextModel;
import dev.dlforge.projects.text.TextTraining;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rule baseline: VADER (Hutto and Gilbert 2014, ported in {@link Vader}), no training. Its
 * compound score c in [-1, 1] becomes probabilities p(pos) = (c + 1) / 2, p(neg) = 1 - p(pos): a
 * monotone map, so ROC AUC is VADER's own ranking, and the decision threshold c = 0 is argmax's 0.5
 * (VADER's documented neutral band |c| < 0.05 has no place in a two-class task). The model folder
 * keeps the lexicon it used ({@value #LEXICON}, token tab valence), so it loads without the dataset.
 */
final class VaderModel implements TextModel {
    static final String NAME = "vader";
    static final String LEXICON = "vader_lexicon.tsv";
    private final Supplier<Map<String, Double>> lexicon;

    /** {@code lexicon} is asked for only when training (reading it may need the dataset). */
    VaderModel(Supplier<Map<String, Double>> lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "VADER rules and lexicon, no training; p(pos) = (compound + 1) / 2";
    }

    @Override
    public TextClassifier train(TextTraining training) {
        return new Classifier(training.split().train().classes(), lexicon.get());
    }

    @Override
    public TextClassifier load(Path dir, ModelCard card) throws IOException {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve(LEXICON), StandardCharsets.UTF_8)) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                scores.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
            }
        }
        return new Classifier(card.labels(), scores);
    }

    static final class Classifier implements TextClassifier {
        private final List<String> classes;
        private final Map<String, Double> scores;
        private final Vader vader;
        private final int positive;

        Classifier(List<String> classes, Map<String, Double> scores) {
            this.classes = List.copyOf(classes);
            this.scores = scores;
            this.vader = new Vader(VaderLexicon.of(scores));
            this.positive = classes.indexOf("pos");
            if (classes.size() != 2 || positive < 0) {
                throw new IllegalArgumentException("VADER scores two classes, neg and pos; got " + classes);
            }
        }

        @Override
        public String model() {
            return NAME;
        }

        @Override
        public List<String> classes() {
            return classes;
        }

        @Override
        public float[][] probabilities(List<String> texts) {
            float[][] p = new float[texts.size()][2];
            for (int i = 0; i < p.length; i++) {
                float pos = (float) ((vader.score(texts.get(i)).compound() + 1) / 2);
                p[i][positive] = pos;
                p[i][1 - positive] = 1 - pos;
            }
            return p;
        }

        @Override
        public void save(Path dir) throws IOException {
            StringBuilder tsv = new StringBuilder();
            scores.forEach((token, valence) -> tsv.append(token).append('\t').append(String.format(Locale.ROOT, "%s", valence)).append('\n'));
            AtomicFiles.writeString(dir.resolve(LEXICON), tsv.toString());
        }
    }
}
