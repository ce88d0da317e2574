package dev.dlforge.llm.sample;

/** A token and its natural-log probability. */
public record TokenLogprob(int id, double logprob) { }
