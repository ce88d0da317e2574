package dev.dlforge.llm.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ByteUnicodeTest {
    @Test
    void theMappingIsGpt2sAndReversible() {
        assertThat(ByteUnicode.charOf(' ')).isEqualTo('Ġ');
        assertThat(ByteUnicode.charOf('\n')).isEqualTo('Ċ');
        assertThat(ByteUnicode.charOf(0)).isEqualTo('Ā');
        assertThat(ByteUnicode.charOf('A')).isEqualTo('A');
        assertThat(ByteUnicode.charOf(0xAD)).isEqualTo('Ń');
        byte[] all = new byte[256];
        Set<Character> chars = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
            chars.add(ByteUnicode.charOf(b));
        }
        assertThat(chars).hasSize(256);
        assertThat(ByteUnicode.decode(ByteUnicode.encode(all))).isEqualTo(all);
        assertThat(ByteUnicode.decode("日")).isNull();
    }
}
