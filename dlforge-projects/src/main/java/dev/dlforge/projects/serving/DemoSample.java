package dev.dlforge.projects.serving;

/** An example input the studio offers to try, e.g. a held-out test picture, with its true label. */
public record DemoSample(String label, String contentType, byte[] bytes) {}
