package dev.dlforge.projects.pos;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.datasets.BrownCorpus;
import dev.dlforge.data.datasets.Conll2003;
import dev.dlforge.data.text.BrownDocument;
import dev.dlforge.data.text.TaggedSentence;
import dev.dlforge.data.text.UniversalTagset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The datasets pos trains on, as {@link TaggingData}. */
final class TaggingDatasets {
    static final String BROWN = BrownCorpus.ID;
    static final String CONLL = Conll2003.ID;
    /** Fixed, so every run (whatever its --seed) is tested on the same Brown documents. */
    static final long BROWN_SPLIT_SEED = 1961L;
    static final List<String> ENTITY_ORDER = List.of("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC");

    private TaggingDatasets() {}

    static TaggingData load(PosRecipe recipe, Path explicit) {
        TaggingData data = switch (recipe.dataset()) {
            case BROWN -> brown(recipe, explicit);
            case CONLL -> conll(explicit);
            default -> throw new DlforgeException("project pos does not train on dataset " + recipe.dataset(), "choose brown or conll2003");
        };
        return recipe.limit() > 0 ? data.limit(recipe.limit()) : data;
    }

    private static TaggingData brown(PosRecipe recipe, Path explicit) {
        BrownCorpus dataset = new BrownCorpus();
        Path dir = new DatasetResolver(DlforgeHome.current().datasets()).resolve(dataset.spec(), explicit);
        List<BrownDocument> docs;
        try {
            docs = new ArrayList<>(dataset.read(dir));
        } catch (IOException e) {
            throw new DlforgeException("dataset brown in " + dir + " is unreadable: " + e.getMessage(),
                    explicit != null ? "check the folder passed with --data" : "delete " + dir + " and run `dlforge data fetch brown`");
        }
        int test = recipe.split().testDocuments();
        int validation = recipe.split().validationDocuments();
        if (docs.size() < test + validation + 1) {
            throw new DlforgeException("dataset brown in " + dir + " has " + docs.size() + " documents, too few to hold out "
                    + test + " + " + validation, "use the full corpus (`dlforge data fetch brown`)");
        }
        Collections.shuffle(docs, new Random(BROWN_SPLIT_SEED));
        List<TaggedSentence> testS = universal(docs.subList(0, test));
        List<TaggedSentence> valS = universal(docs.subList(test, test + validation));
        List<TaggedSentence> trainS = universal(docs.subList(test + validation, docs.size()));
        return new TaggingData(BROWN, trainS, valS, testS, UniversalTagset.TAGS, false, String.format(
                "held out by document: %d test and %d validation documents of %d, chosen by a shuffle seeded with %d; tags mapped to the 12 universal tags",
                test, validation, docs.size(), BROWN_SPLIT_SEED));
    }

    private static List<TaggedSentence> universal(List<BrownDocument> docs) {
        List<TaggedSentence> out = new ArrayList<>();
        for (BrownDocument d : docs) {
            d.sentences().forEach(s -> out.add(s.mapTags(UniversalTagset::fromBrown)));
        }
        return out;
    }

    private static TaggingData conll(Path explicit) {
        if (explicit == null) {
            throw new DlforgeException("dataset conll2003 needs --data FOLDER", Conll2003.hint());
        }
        Conll2003.Splits splits;
        try {
            splits = new Conll2003().read(explicit);
        } catch (IOException e) {
            throw new DlforgeException("cannot read CoNLL-2003 files in " + explicit + ": " + e.getMessage(), Conll2003.hint());
        }
        if (splits.warnings().total() > 0) {
            System.err.println("dataset conll2003: " + splits.warnings().summary());
        }
        List<String> tags = TaggingData.tagsOf(ENTITY_ORDER, List.of(splits.train(), splits.validation(), splits.test()));
        return new TaggingData(CONLL, splits.train(), splits.validation(), splits.test(), tags, true,
                "the files' own train / validation / test split; entity tags in IOB2");
    }
}
