package dev.dlforge.projects.serving;

import java.util.Map;

/**
 * How the studio shows a project's model. {@code kind} picks a front-end widget that sends requests
 * to the model's predict endpoint: {@code draw} (a canvas), {@code image} (upload or pick a sample).
 * Later projects add kinds ({@code text}, {@code chat}, ...) with their own widget, nothing else.
 *
 * @param kind the widget
 * @param prompt what the widget tells the user to do
 * @param options widget settings, e.g. the canvas size
 */
public record Demo(String kind, String prompt, Map<String, Object> options) {}
