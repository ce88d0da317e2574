package dev.dlforge.data.docs;

/** A document of a retrieval evaluation set: an id that questions name as gold, and its text. */
public record EvalDocument(String id, String text) {}
