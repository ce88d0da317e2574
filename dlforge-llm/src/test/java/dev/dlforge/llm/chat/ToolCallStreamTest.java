package dev.dlforge.llm.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streaming with tools offered: content flows until a call may begin, a call is never sent as content. */
class ToolCallStreamTest {
    /** Feeds {@code pieces}; returns the content released after each, then the finish. */
    private static List<String> feed(ToolCallStream s, String... pieces) {
        List<String> out = new ArrayList<>();
        for (String p : pieces) {
            out.add(s.add(p));
        }
        return out;
    }

    @Test
    void aPlainAnswerStreamsPieceByPiece() {
        ChatTemplate t = ChatMlTemplate.plain();
        ToolCallStream s = new ToolCallStream(t);
        assertThat(feed(s, "The ", "cat ", "sat.")).containsExactly("The ", "cat ", "sat.");
        assertThat(s.finish()).isEqualTo(new ToolCallStream.Finish(List.of(), ""));
    }

    @Test
    void aChatMlCallIsHeldFromItsMarkerAndParsedAtTheEnd() {
        ChatTemplate t = ChatMlTemplate.plain();
        ToolCallStream s = new ToolCallStream(t);
        List<String> out = feed(s, "Let me look. <to", "ol_call>\n{\"name\": \"weather\", ", "\"arguments\": {\"city\": \"Oslo\"}}\n</tool_call>");
        assertThat(out).containsExactly("Let me look. ", "", "");
        ToolCallStream.Finish f = s.finish();
        assertThat(f.content()).isEmpty();
        assertThat(f.calls()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("weather");
            assertThat(c.argumentsJson()).contains("Oslo");
        });
    }

    @Test
    void heldTextThatTurnsOutNotToBeACallIsSentAtTheEnd() {
        ChatTemplate t = ChatMlTemplate.plain();
        ToolCallStream s = new ToolCallStream(t);
        assertThat(feed(s, "a <", "b> c")).containsExactly("a ", "<b> c");
        assertThat(s.finish()).isEqualTo(new ToolCallStream.Finish(List.of(), ""));

        ToolCallStream unfinished = new ToolCallStream(t);
        assertThat(feed(unfinished, "x <tool_call> not json")).containsExactly("x ");
        assertThat(unfinished.finish()).isEqualTo(new ToolCallStream.Finish(List.of(), "<tool_call> not json"));
    }

    @Test
    void llama3HoldsFromTheFirstBraceAndMistralFromItsMarker() {
        ChatTemplate llama = Llama3Template.today();
        ToolCallStream s = new ToolCallStream(llama);
        assertThat(feed(s, "Sure: ", "{\"name\": \"add\", \"parameters\": {\"a\": 1}}")).containsExactly("Sure: ", "");
        assertThat(s.finish().calls()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("add"));

        ChatTemplate mistral = new MistralTemplate();
        ToolCallStream m = new ToolCallStream(mistral);
        assertThat(feed(m, "ok [TOOL", "_CALLS][{\"name\": \"add\", \"arguments\": {\"a\": 1}, \"id\": \"abcdefghi\"}]"))
                .containsExactly("ok ", "");
        assertThat(m.finish().calls()).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo("abcdefghi"));
    }

    @Test
    void markersArePrefixMatchedOnlyAtTheEnd() {
        assertThat(ChatTemplate.markerStart("abc <tool", "<tool_call>")).isEqualTo(4);
        assertThat(ChatTemplate.markerStart("abc <tool> more", "<tool_call>")).isEqualTo(-1);
        assertThat(ChatTemplate.markerStart("x [TOOL_CALLS] y <tool_call>", "<tool_call>", "[TOOL_CALLS]")).isEqualTo(2);
        assertThat(ChatTemplate.markerStart("", "<tool_call>")).isEqualTo(-1);
    }
}
