package dev.dlforge.data.text;

/**
 * One text with its class index.
 *
 * @param text the text as read (decoded, possibly truncated)
 * @param label index into the class names of its {@link LabeledTexts}
 */
public record LabeledText(String text, int label) {}
