package dev.dlforge.projects.serving.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * What a {@link dev.dlforge.projects.serving.Predictor} answers, one of a closed set of shapes. The HTTP
 * API writes it as JSON with a {@code type} field naming the shape; the studio picks its renderer by that
 * field and the CLI by the Java type, so a new project whose answer is one of these shapes gets its demo
 * output, API schema and {@code dlforge predict} output without writing any of them.
 *
 * <p>The {@code type} is a property of the value itself ({@link #type}, the class's {@link JsonTypeName}),
 * not only type information Jackson adds where the declared type is {@code Output}: an output in a
 * {@code List<?>} or a {@code Map} keeps it too.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(Classes.class), @JsonSubTypes.Type(Tags.class), @JsonSubTypes.Type(GeneratedText.class),
    @JsonSubTypes.Type(CitedAnswer.class), @JsonSubTypes.Type(Boxes.class), @JsonSubTypes.Type(Picture.class)})
@JsonPropertyOrder({"type"})
public sealed interface Output permits Classes, Tags, GeneratedText, CitedAnswer, Boxes, Picture {

    /** The shape's name in JSON: {@code classes}, {@code tags}, {@code text}, {@code answer}, {@code boxes} or {@code picture}. */
    @JsonProperty("type")
    default String type() {
        return getClass().getAnnotation(JsonTypeName.class).value();
    }
}
