package dev.dlforge.projects.text;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.TextClassificationDataset;
import dev.dlforge.data.text.TextRepairs;
import dev.dlforge.projects.serving.DemoSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Held-out texts for the studio's demo: a few of the test split, each group represented, at most 4,000 characters each. */
final class TextDemoSamples {
    private static final int MAX_CHARS = 4000;

    private TextDemoSamples() {}

    /**
     * A few of the test split of {@code run}, read again as it was split, when its dataset is
     * already cached (a demo never downloads); none when it is not, or cannot be read.
     */
    static List<DemoSample> of(TextClassificationProject project, RunDir run, int count) {
        TextClassifierRecipe recipe = project.recipeOf(run);
        TextClassificationDataset dataset = DatasetRegistry.builtIn().textClassification(recipe.data().dataset());
        try {
            var cached = new DatasetResolver(DlforgeHome.current().datasets()).cached(dataset.spec());
            if (cached.isEmpty()) {
                return List.of();
            }
            LabeledTexts all = dataset.read(cached.get(), recipe.data().textsToRead(), recipe.seed(), new TextRepairs());
            return of(project.split(all, recipe).test(), count, recipe.seed());
        } catch (IOException | DlforgeException e) {
            return List.of();
        }
    }

    static List<DemoSample> of(LabeledTexts testSplit, int count, long seed) {
        LabeledTexts test = testSplit.sample(count, seed);
        if (test.size() > count) { // sample keeps one text per group: with many groups, thin it out
            List<Integer> order = new ArrayList<>(IntStream.range(0, test.size()).boxed().toList());
            Collections.shuffle(order, new Random(seed));
            test = test.select(order.subList(0, count).stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        List<DemoSample> samples = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            String text = test.texts().get(i);
            text = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
            samples.add(new DemoSample(test.classes().get(test.labels()[i]), "text/plain", text.getBytes(StandardCharsets.UTF_8)));
        }
        return samples;
    }
}
