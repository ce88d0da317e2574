package dev.dlforge.projects.text;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A model folder of a text-classification run (its {@code model/} or {@code models/<name>/}) read
 * back: the card names the project and the architecture (a {@link TextModel}'s name), which loads
 * its own files; {@value DecisionThreshold#FILE}, when there, is the threshold it answers at.
 */
final class TextModelFolder {
    private TextModelFolder() {}

    /** The classifier in {@code dir} as it answers: with its threshold, if it has one. */
    static ServedTextClassifier served(TextClassificationProject project, Path dir) {
        DecisionThreshold decision = DecisionThreshold.read(dir).orElse(null);
        return new ServedTextClassifier(load(project, dir), decision);
    }

    /** The classifier in {@code dir}; a folder of another project, or one that cannot be read, is an error. */
    static TextClassifier load(TextClassificationProject project, Path dir) {
        ModelCard card = ModelArtifact.readCard(dir);
        String id = project.info().id();
        if (!card.project().equals(id)) {
            throw new DlforgeException("model " + dir + " belongs to project " + card.project() + ", not " + id, "use it with its own project");
        }
        try {
            return project.textModel(card.architecture()).load(dir, card);
        } catch (IOException e) {
            throw new DlforgeException("cannot load model " + dir + ": " + e.getMessage(), "retrain the run");
        }
    }
}
