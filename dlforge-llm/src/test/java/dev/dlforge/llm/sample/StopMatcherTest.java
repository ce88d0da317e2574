package dev.dlforge.llm.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StopMatcherTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStopStringSplitAcrossTokensIsHeldBackAndNeverSent() {
        StopMatcher m = new StopMatcher(List.of("</answer>"));
        assertThat(m.accept(utf8("The answer is 42<"))).isEqualTo("The answer is 42");
        assertThat(m.accept(utf8("/ans"))).isEmpty();
        assertThat(m.accept(utf8("wer> and more"))).isEmpty();
        assertThat(m.stopped()).isTrue();
        assertThat(m.accept(utf8("after"))).isEmpty();
        assertThat(m.flush()).isEmpty();
    }

    @Test
    void aPartialMatchThatFailsIsReleased() {
        StopMatcher m = new StopMatcher(List.of("STOP"));
        assertThat(m.accept(utf8("go ST"))).isEqualTo("go ");
        assertThat(m.accept(utf8("OCK"))).isEqualTo("STOCK");
        assertThat(m.accept(utf8(" S"))).isEqualTo(" ");
        assertThat(m.flush()).isEqualTo("S");
        assertThat(m.stopped()).isFalse();
    }

    @Test
    void charactersSplitAcrossTokensAreJoinedBeforeMatching() {
        byte[] euro = utf8("€ünd"); // € is E2 82 AC
        StopMatcher m = new StopMatcher(List.of("ü"));
        assertThat(m.accept(new byte[] {euro[0]})).isEmpty();
        assertThat(m.accept(new byte[] {euro[1]})).isEmpty();
        assertThat(m.accept(new byte[] {euro[2], euro[3]})).isEqualTo("€"); // first byte of ü (C3) is held
        assertThat(m.accept(new byte[] {euro[4]})).isEmpty();
        assertThat(m.stopped()).isTrue();
    }

    @Test
    void theEarliestOfSeveralStopsWinsAndAnUnfinishedCharacterFlushesAsReplacement() {
        StopMatcher m = new StopMatcher(List.of("world", "lo w", ""));
        assertThat(m.accept(utf8("hello world"))).isEqualTo("hel");
        StopMatcher n = new StopMatcher(List.of());
        assertThat(n.accept(new byte[] {'a', (byte) 0xE2, (byte) 0x82})).isEqualTo("a");
        assertThat(n.flush()).isEqualTo("\uFFFD");
        assertThat(n.accept(new byte[] {(byte) 0xFF})).isEqualTo("\uFFFD");
    }

    /** Whatever the split into pieces: the sent text is the text before the first stop, never a character of a stop. */
    @Test
    void randomSplitsSendExactlyTheTextBeforeTheFirstStop() {
        Random r = new Random(3);
        String[] alphabet = {"a", "b", "<", "/", "s", ">", "é", "日", "😀", " "};
        List<String> stops = List.of("</s>", "日😀", "bb<");
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            int n = r.nextInt(30);
            for (int k = 0; k < n; k++) {
                text.append(alphabet[r.nextInt(alphabet.length)]);
            }
            String full = text.toString();
            int first = stops.stream().mapToInt(full::indexOf).filter(x -> x >= 0).min().orElse(-1);
            String expected = first < 0 ? full : full.substring(0, first);
            byte[] bytes = utf8(full);
            StopMatcher m = new StopMatcher(stops);
            StringBuilder sent = new StringBuilder();
            List<Integer> cuts = new ArrayList<>();
            for (int at = 0; at < bytes.length; at += 1 + r.nextInt(4)) {
                cuts.add(at);
            }
            cuts.add(bytes.length);
            for (int c = 1; c < cuts.size() && !m.stopped(); c++) {
                String out = m.accept(java.util.Arrays.copyOfRange(bytes, cuts.get(c - 1), cuts.get(c)));
                sent.append(out);
                assertThat(expected).as("%s sent %s", full, sent).startsWith(sent.toString());
            }
            sent.append(m.flush());
            assertThat(sent.toString()).as(full).isEqualTo(expected);
            assertThat(m.stopped()).isEqualTo(first >= 0);
        }
    }
}
