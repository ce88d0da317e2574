package dev.dlforge.core.train;

import java.util.Map;

/** What one step measured: batch means such as {@code loss} and {@code accuracy}, over {@code examples}. */
public record StepResult(int examples, Map<String, Double> values) {}
