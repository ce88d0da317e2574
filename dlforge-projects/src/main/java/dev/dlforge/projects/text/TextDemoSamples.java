package dev.dlforge.projects.text;

import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.projects.serving.DemoSample;
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
