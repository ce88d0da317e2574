package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MboxTest {

    private static List<String> split(String mbox) {
        return Mbox.split(mbox.getBytes(StandardCharsets.UTF_8)).stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void messagesStartAtFromLinesAfterAnEmptyLineAndQuotedFromLinesAreUnquoted() {
        List<String> messages = split("# a note\n# about the file\nFrom a Mon Jan  6 09:00:00 2025\nSubject: one\n\nbody\n"
                + ">From the start, a quoted line\n>>From twice quoted\n\nFrom b Tue Jan  7 09:00:00 2025\nSubject: two\n\n"
                + "From here on: not a separator, no empty line before it? it has one\nlast\n");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).isEqualTo("From a Mon Jan  6 09:00:00 2025\nSubject: one\n\nbody\n"
                + "From the start, a quoted line\n>From twice quoted\n");
        assertThat(messages.get(1)).startsWith("From b ").endsWith("Subject: two\n");
        // An unquoted "From " line after an empty line starts a message: that is why mboxrd quotes them.
        assertThat(messages.get(2)).startsWith("From here on");
    }

    @Test
    void aFromLineInsideAParagraphIsBodyTextAndCrLfIsKept() {
        List<String> messages = split("From a x\r\nSubject: s\r\n\r\nline one\r\nFrom the same paragraph\r\n\r\nFrom b y\r\nSubject: t\r\n\r\nz\r\n");
        assertThat(messages).containsExactly("From a x\r\nSubject: s\r\n\r\nline one\r\nFrom the same paragraph\r\n",
                "From b y\r\nSubject: t\r\n\r\nz\r\n");
    }

    @Test
    void textBeforeTheFirstMessageIsRejectedAndAnEmptyFileHasNoMessages() {
        assertThatThrownBy(() -> split("Subject: not an mbox\n\nbody\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an mbox");
        assertThat(split("")).isEmpty();
        assertThat(split("# only a note\n")).isEmpty();
    }
}
