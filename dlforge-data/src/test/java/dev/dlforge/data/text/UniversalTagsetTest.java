package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UniversalTagsetTest {

    @Test
    void plainTagsMapByTheTable() {
        assertThat(UniversalTagset.fromBrown("nn")).isEqualTo("NOUN");
        assertThat(UniversalTagset.fromBrown("AT")).isEqualTo("DET");
        assertThat(UniversalTagset.fromBrown("vbd")).isEqualTo("VERB");
        assertThat(UniversalTagset.fromBrown("cs")).isEqualTo("ADP");
        assertThat(UniversalTagset.fromBrown("to")).isEqualTo("PRT");
        assertThat(UniversalTagset.fromBrown("ap")).isEqualTo("ADJ");
        assertThat(UniversalTagset.fromBrown("``")).isEqualTo(".");
        assertThat(UniversalTagset.fromBrown("--")).isEqualTo(".");
    }

    @Test
    void titleHeadlineAndCitedSuffixesAreDropped() {
        assertThat(UniversalTagset.fromBrown("NN-TL")).isEqualTo("NOUN");
        assertThat(UniversalTagset.fromBrown("VBD-HL")).isEqualTo("VERB");
        assertThat(UniversalTagset.fromBrown("nn-tl-hl")).isEqualTo("NOUN");
        assertThat(UniversalTagset.fromBrown("jj-nc")).isEqualTo("ADJ");
        assertThat(UniversalTagset.fromBrown(".-hl")).isEqualTo(".");
    }

    @Test
    void contractionsTakeTheirFirstPart() {
        assertThat(UniversalTagset.fromBrown("PPS+BEZ")).isEqualTo("PRON");
        assertThat(UniversalTagset.fromBrown("md+hv")).isEqualTo("VERB");
        assertThat(UniversalTagset.fromBrown("dt+bez")).isEqualTo("DET");
        assertThat(UniversalTagset.fromBrown("ppss+ber-n")).isEqualTo("PRON");
    }

    @Test
    void negationIsAnAdverbAloneAndDroppedOnVerbs() {
        assertThat(UniversalTagset.fromBrown("*")).isEqualTo("ADV");
        assertThat(UniversalTagset.fromBrown("bez*")).isEqualTo("VERB");
        assertThat(UniversalTagset.fromBrown("md*-hl")).isEqualTo("VERB");
    }

    @Test
    void foreignWordsAndUnknownTagsAreX() {
        assertThat(UniversalTagset.fromBrown("FW-NN")).isEqualTo("X");
        assertThat(UniversalTagset.fromBrown("fw-in+at-tl")).isEqualTo("X");
        assertThat(UniversalTagset.fromBrown("nil")).isEqualTo("X");
        assertThat(UniversalTagset.fromBrown("uh")).isEqualTo("X");
        assertThat(UniversalTagset.fromBrown("zzz")).isEqualTo("X");
    }

    @Test
    void possessivesKeepTheirWordClassExceptPossessivePronouns() {
        assertThat(UniversalTagset.fromBrown("np$")).isEqualTo("NOUN");
        assertThat(UniversalTagset.fromBrown("nns$-tl")).isEqualTo("NOUN");
        assertThat(UniversalTagset.fromBrown("pp$")).isEqualTo("DET");
        assertThat(UniversalTagset.fromBrown("pp$$")).isEqualTo("PRON");
        assertThat(UniversalTagset.fromBrown("wp$")).isEqualTo("PRON");
    }

    @Test
    void everyResultIsOneOfTheTwelveTags() {
        for (String t : new String[] {"abn", "ql", "ex", "od", "rn", "wql", "hvn", "npS$", "cd$", "pn"}) {
            assertThat(UniversalTagset.TAGS).contains(UniversalTagset.fromBrown(t));
        }
        assertThat(UniversalTagset.TAGS).hasSize(12).doesNotHaveDuplicates();
    }
}
