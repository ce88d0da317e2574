package dev.dlforge.projects.text;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.TextClassificationDataset;
import dev.dlforge.data.text.TextRepairs;
import java.io.IOException;
import java.nio.file.Path;

/** The labelled texts of a registered {@link TextClassificationDataset}, and the error for one that cannot be read. */
public final class TextDatasets {
    private TextDatasets() {}

    /**
     * All labelled texts of the recipe's dataset (as deep as its limit asks), before splitting:
     * resolved (cached, fetched, or {@code explicit}) and read, repairs and skips counted in {@code repairs}.
     */
    static LabeledTexts read(TextClassifierRecipe recipe, Path explicit, TextRepairs repairs) {
        String id = recipe.data().dataset();
        TextClassificationDataset dataset = DatasetRegistry.builtIn().textClassification(id);
        Path dir = new DatasetResolver(DlforgeHome.current().datasets()).resolve(dataset.spec(), explicit);
        try {
            return dataset.read(dir, recipe.data().textsToRead(), recipe.seed(), repairs);
        } catch (IOException e) {
            throw unreadable(id, dir, explicit, e);
        }
    }

    /** The error for a dataset folder that could not be read. */
    public static DlforgeException unreadable(String dataset, Path dir, Path explicit, IOException e) {
        return new DlforgeException("dataset " + dataset + " in " + dir + " is unreadable: " + e.getMessage(),
                explicit != null ? "check the files passed with --data" : "delete " + dir + " and run `dlforge data fetch " + dataset + "`");
    }
}
