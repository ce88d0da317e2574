package dev.dlforge.data.docs;

/**
 * A question of a retrieval evaluation set.
 *
 * @param id unique within the set
 * @param text what is asked
 * @param goldId the {@link EvalDocument#id()} of the one document that answers it
 * @param kind how it was made, e.g. {@code definition} or {@code example}
 */
public record EvalQuestion(String id, String text, String goldId, String kind) {}
