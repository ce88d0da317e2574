package dev.dlforge.projects.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RagSamplesTest {

    @Test
    void splitsTheNovelAtChapterHeadingsAndDropsTableOfContentsEntries() {
        String text = """
                CONTENTS
                CHAPTER 1. Loomings.
                CHAPTER 2. The Carpet-Bag.

                CHAPTER 1. Loomings.

                Call me Ishmael.

                CHAPTER 2. The Carpet-Bag.

                I stuffed a shirt or two into my old carpet-bag.
                A CHAPTER 3. that is not a heading.

                Epilogue

                The drama's done.
                """;
        List<RagSamples.Chapter> chapters = RagSamples.chapters(text);
        assertThat(chapters).extracting(RagSamples.Chapter::file).containsExactly("chapter-001.md", "chapter-002.md", "epilogue.md");
        assertThat(chapters.get(0).title()).isEqualTo("CHAPTER 1. Loomings.");
        assertThat(chapters.get(0).text()).isEqualTo("Call me Ishmael.");
        assertThat(chapters.get(1).text()).endsWith("A CHAPTER 3. that is not a heading.");
        assertThat(chapters.get(2).text()).isEqualTo("The drama's done.");
    }

    @Test
    void aTextWithoutHeadingsHasNoChapters() {
        assertThat(RagSamples.chapters("just some prose\nwith no chapters")).isEmpty();
    }
}
