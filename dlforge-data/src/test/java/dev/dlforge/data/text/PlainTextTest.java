package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void readsUtf8AndFallsBackToWindows1252() {
        TextRepairs warnings = new TextRepairs();
        assertThat(PlainText.decode("\uFEFFcafé — ok".getBytes(StandardCharsets.UTF_8), warnings)).isEqualTo("café — ok");
        assertThat(warnings.isEmpty()).isTrue();
        assertThat(PlainText.decode("café — “ok”".getBytes(Charset.forName("windows-1252")), warnings)).isEqualTo("café — “ok”");
        assertThat(warnings.count(TextRepairs.WINDOWS_1252)).isEqualTo(1);
    }

    @Test
    void dropsControlCharactersAndNormalisesLineEnds() {
        TextRepairs warnings = new TextRepairs();
        assertThat(PlainText.clean("a\u0000b\r\nc\rd\te\u001b[0m", warnings)).isEqualTo("ab\nc\nd\te[0m");
        assertThat(warnings.count(TextRepairs.CONTROL_CHARS)).as("once per text").isEqualTo(1);
    }

    @Test
    void cutsTenMegabyteLinesAndCountsThem() {
        TextRepairs warnings = new TextRepairs();
        String huge = "x".repeat(10 << 20);
        String cleaned = PlainText.clean(huge + "\n\nshort\n\n" + huge, warnings);
        assertThat(cleaned.split("\n\n")).extracting(String::length).containsExactly(PlainText.MAX_LINE_CHARS, 5, PlainText.MAX_LINE_CHARS);
        assertThat(warnings.count(TextRepairs.LONG_LINES)).as("once per text").isEqualTo(1);

        List<String> sentences = Sentences.fromProse(cleaned, warnings);
        assertThat(sentences).extracting(String::length).containsExactly(Sentences.MAX_SENTENCE_CHARS, 5, Sentences.MAX_SENTENCE_CHARS);
        assertThat(warnings.count(Sentences.SENTENCES_CUT)).isEqualTo(2);
    }

    @Test
    void splitsWrappedParagraphsIntoSentences() {
        List<String> out = Sentences.fromProse("Call me Ishmael. Some years\nago I went to sea!\n\n\n  Why?  \n\n", new TextRepairs());
        assertThat(out).containsExactly("Call me Ishmael.", "Some years ago I went to sea!", "Why?");
        List<String> none = new ArrayList<>();
        Sentences.add(" \t ", none, new TextRepairs());
        assertThat(none).isEmpty();
    }
}
