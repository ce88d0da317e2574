package dev.dlforge.data.text;

import java.util.List;

/**
 * Texts with class labels, as a loader read them.
 *
 * @param classes class names; a label is an index into this list (binary sentiment: {@code neg, pos})
 * @param examples the texts in file order
 * @param warnings what was skipped or repaired while reading
 */
public record LabeledTexts(List<String> classes, List<LabeledText> examples, ReadWarnings warnings) {
    /** Binary sentiment classes, in label order: 0 negative, 1 positive. */
    public static final List<String> BINARY_SENTIMENT = List.of("neg", "pos");

    public LabeledTexts {
        classes = List.copyOf(classes);
        examples = List.copyOf(examples);
    }

    public int size() {
        return examples.size();
    }

    public List<String> texts() {
        return examples.stream().map(LabeledText::text).toList();
    }

    public int[] labels() {
        return examples.stream().mapToInt(LabeledText::label).toArray();
    }

    /** Examples per class, in class order. */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        examples.forEach(e -> counts[e.label()]++);
        return counts;
    }
}
