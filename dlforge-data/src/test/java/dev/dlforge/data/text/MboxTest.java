package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MboxTest {
    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void splitsAtFromLinesAfterBlankLinesAndUnescapesQuotedFromLines() {
        String mbox = """
                a preamble line

                From a@example.org Mon Nov  2 09:14:00 2026
                Subject: one

                body of one
                From here on a body line that does not follow a blank line
                >From the archive: escaped
                >>From twice escaped

                From b@example.org Tue Nov  3 09:14:00 2026
                Subject: two

                body of two
                """;
        List<byte[]> messages = Mbox.split(mbox.getBytes(StandardCharsets.UTF_8));
        assertThat(messages).hasSize(2);
        assertThat(text(messages.get(0))).isEqualTo("""
                Subject: one

                body of one
                From here on a body line that does not follow a blank line
                From the archive: escaped
                >From twice escaped
                """);
        assertThat(text(messages.get(1))).isEqualTo("Subject: two\n\nbody of two\n");
    }

    @Test
    void crlfFilesKeepTheirLineEndingsAndAFileWithoutSeparatorsHasNoMessages() {
        List<byte[]> messages = Mbox.split("From x\r\nSubject: s\r\n\r\nb\r\n\r\nFrom y\r\nSubject: t\r\n\r\nc\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(messages).extracting(MboxTest::text).containsExactly("Subject: s\r\n\r\nb\r\n", "Subject: t\r\n\r\nc\r\n");
        assertThat(Mbox.split("just text\nno messages\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
