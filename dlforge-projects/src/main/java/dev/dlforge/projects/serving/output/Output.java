package dev.dlforge.projects.serving.output;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a {@link dev.dlforge.projects.serving.Predictor} answers, one of a closed set of shapes. The HTTP
 * API writes it as JSON with a {@code type} field naming the shape; the studio picks its renderer by that
 * field and the CLI by the Java type, so a new project whose answer is one of these shapes gets its demo
 * output, API schema and {@code dlforge predict} output without writing any of them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Classes.class, name = "classes"),
    @JsonSubTypes.Type(value = Tags.class, name = "tags"),
    @JsonSubTypes.Type(value = GeneratedText.class, name = "text"),
    @JsonSubTypes.Type(value = CitedAnswer.class, name = "answer"),
    @JsonSubTypes.Type(value = Boxes.class, name = "boxes"),
    @JsonSubTypes.Type(value = Picture.class, name = "picture")
})
public sealed interface Output permits Classes, Tags, GeneratedText, CitedAnswer, Boxes, Picture {}
