package dev.dlforge.data.text;

import dev.dlforge.data.Dataset;
import java.util.List;

/**
 * Running text without labels, read as a list of sentences (or short paragraphs) in order: what
 * word2vec, tokenizer training and language models consume.
 */
public interface TextCorpusDataset extends Dataset<List<String>> {}
