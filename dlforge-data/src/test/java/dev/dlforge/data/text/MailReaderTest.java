package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MailReaderTest {
    private final MailReader reader = new MailReader();

    private static byte[] mail(String s) {
        return s.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void multipartAlternativeGivesPlainAndHtmlTextAndDecodedHeaders() {
        TextRepairs repairs = new TextRepairs();
        MailMessage m = reader.read(mail("""
                From: "Bob" <bob@Mail.Example.COM>
                To: alice@example.org
                Subject: =?UTF-8?B?R3LDvMOfZQ==?= from Bob
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="XYZ"

                preamble
                --XYZ
                Content-Type: text/plain; charset=utf-8

                Plain words here.
                --XYZ
                Content-Type: text/html; charset=utf-8

                <html><head><style>p {color: red}</style></head><body><p>Click <b>now</b></p><script>evil()</script></body></html>
                --XYZ--
                """), repairs);
        assertThat(m.subject()).isEqualTo("Grüße from Bob");
        assertThat(m.fromDomain()).isEqualTo("mail.example.com");
        assertThat(m.headers()).containsEntry("To", "alice@example.org");
        assertThat(m.body()).contains("Plain words here.").contains("Click now").doesNotContain("<b>", "evil", "color");
        assertThat(m.classifierText()).contains("subject-Grüße").contains("fromdomain-mail-example-com");
        assertThat(repairs.isEmpty()).isTrue();
    }

    @Test
    void base64AndQuotedPrintablePartsAreDecodedInTheirCharsets() {
        String b64 = Base64.getMimeEncoder().encodeToString("Ünïcödé in base64".getBytes(StandardCharsets.UTF_8));
        MailMessage m = reader.read(mail("""
                Subject: encodings
                Content-Type: multipart/mixed; boundary=b1

                --b1
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: base64

                %s
                --b1
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                caf=E9 soft=
                break
                --b1--
                """.formatted(b64)), new TextRepairs());
        assertThat(m.body()).contains("Ünïcödé in base64").contains("café softbreak");
    }

    @Test
    void aWrongCharsetIsGuessedAndNestedMessagesAreRead() {
        TextRepairs repairs = new TextRepairs();
        byte[] head = mail("""
                Subject: outer
                Content-Type: multipart/mixed; boundary=outer

                --outer
                Content-Type: text/plain; charset=utf-8

                """);
        byte[] latin1 = "déjà vu\r\n".getBytes(Charset.forName("windows-1252")); // declared utf-8, really windows-1252
        byte[] tail = mail("""
                --outer
                Content-Type: message/rfc822

                Subject: inner subject
                Content-Type: multipart/alternative; boundary=inner

                --inner
                Content-Type: text/plain

                inner text
                --inner--
                --outer--
                """);
        byte[] all = new byte[head.length + latin1.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(latin1, 0, all, head.length, latin1.length);
        System.arraycopy(tail, 0, all, head.length + latin1.length, tail.length);
        MailMessage m = reader.read(all, repairs);
        assertThat(m.body()).contains("déjà vu").contains("inner subject").contains("inner text");
        assertThat(repairs.count(TextRepairs.WINDOWS_1252)).isEqualTo(1);
    }

    @Test
    void binaryAttachmentsAreSkippedAndCounted() {
        byte[] junk = new byte[3000];
        new Random(1).nextBytes(junk);
        TextRepairs repairs = new TextRepairs();
        MailMessage m = reader.read(mail("""
                Subject: invoice
                Content-Type: multipart/mixed; boundary=zz

                --zz
                Content-Type: text/plain

                see attached
                --zz
                Content-Type: application/pdf; name=a.pdf
                Content-Disposition: attachment; filename=a.pdf
                Content-Transfer-Encoding: base64

                %s
                --zz--
                """.formatted(Base64.getMimeEncoder().encodeToString(junk))), repairs);
        assertThat(m.body().strip()).isEqualTo("see attached");
        assertThat(m.attachmentsSkipped()).isEqualTo(1);
        assertThat(repairs.count(MailReader.ATTACHMENTS)).isEqualTo(1);
    }

    @Test
    void aMalformedBoundaryStillYieldsTheText() {
        MailMessage m = reader.read(mail("""
                Subject: broken
                Content-Type: multipart/mixed; boundary="never-used"

                --wrong-boundary
                Content-Type: text/plain

                text after a wrong boundary
                """), new TextRepairs());
        assertThat(m.subject()).isEqualTo("broken");
        assertThat(m.classifierText()).contains("broken");
    }

    @Test
    void anEmptyBodyIsCounted() {
        TextRepairs repairs = new TextRepairs();
        MailMessage m = reader.read(mail("Subject: nothing\n\n"), repairs);
        assertThat(m.body()).isBlank();
        assertThat(repairs.count(MailReader.EMPTY)).isEqualTo(1);
        assertThat(reader.read(new byte[0], repairs).body()).isBlank();
    }

    @Test
    void aTenMegabyteLineIsTruncatedNotFatal() {
        TextRepairs repairs = new TextRepairs();
        MailMessage m = reader.read(mail("Subject: long\n\nstart " + "a".repeat(10_000_000) + "\nend\n"), repairs);
        assertThat(m.body()).startsWith("start ").hasSizeLessThanOrEqualTo(TextLimits.DEFAULT.maxChars());
        assertThat(repairs.count(TextRepairs.TRUNCATED)).isEqualTo(1);
        assertThat(repairs.count(TextRepairs.LONG_LINES)).isEqualTo(1);
    }

    @Test
    void randomBytesGiveSomeMessageAndNoException() {
        Random rng = new Random(7);
        TextRepairs repairs = new TextRepairs();
        for (int i = 0; i < 50; i++) {
            byte[] junk = new byte[rng.nextInt(20_000)];
            rng.nextBytes(junk);
            MailMessage m = reader.read(junk, repairs);
            assertThat(m.classifierText()).doesNotContain("\u0000");
        }
    }
}
