package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.projects.serving.output.Boxes;
import dev.dlforge.projects.serving.output.CitedAnswer;
import dev.dlforge.projects.serving.output.Classes;
import dev.dlforge.projects.serving.output.GeneratedText;
import dev.dlforge.projects.serving.output.Output;
import dev.dlforge.projects.serving.output.Picture;
import dev.dlforge.projects.serving.output.Tags;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dlforge predict}'s one text rendering per output shape. */
class OutputTextTest {
    @TempDir
    Path tmp;

    @Test
    void classesKeepTheirOneLineFormatAndSayTheRuleThatDecided() {
        Classes digit = Classes.ofTop(List.of(new Classes.Score("7", 0.9871), new Classes.Score("1", 0.01), new Classes.Score("9", 0.0029)));
        assertThat(render("seven.png", digit)).isEqualTo("seven.png:  7 0.987  1 0.010  9 0.003");
        Classes spam = new Classes("ham", 0.6, List.of(new Classes.Score("spam", 0.4), new Classes.Score("ham", 0.6)), 0.9, "spam when p(spam) >= 0.9000");
        assertThat(render("offer.eml", spam)).isEqualTo("offer.eml:  spam 0.400  ham 0.600  => ham; rule: spam when p(spam) >= 0.9000");
    }

    @Test
    void tagsAreWordSlashTagWithProbability() {
        Tags tags = new Tags(List.of(new Tags.Token("The", "DET", 0.991), new Tags.Token("dog", "NOUN", 0.95)));
        assertThat(render("\"The dog\"", tags)).isEqualTo("\"The dog\":  The/DET 0.991  dog/NOUN 0.950");
    }

    @Test
    void generatedTextIsTheContinuationThenItsCounts() {
        String text = render("\"The moon\"", new GeneratedText(" rose\nover the sea", 2, 5, "length", 151.26));
        assertThat(text).isEqualTo("\"The moon\":\n rose\nover the sea\n  (2 prompt tokens, 5 written, finish: length, 151.3 tokens/s)");
    }

    @Test
    void anAnswerListsItsSourcesOrTheClosestPassages() {
        CitedAnswer.Citation where = new CitedAnswer.Citation("/docs/whales.md", "Lungs", 0, 10, 29);
        CitedAnswer answered = new CitedAnswer("Whales breathe air. [1]", true, List.of(new CitedAnswer.Sentence("Whales breathe air.", where, 0.812)),
                List.of());
        assertThat(render("\"do whales breathe?\"", answered))
                .isEqualTo("\"do whales breathe?\":  Whales breathe air. [1]\n  [1] /docs/whales.md, \"Lungs\", chars 10-29 (similarity 0.81)");
        CitedAnswer not = new CitedAnswer("The documents do not answer this.", false, List.of(),
                List.of(new CitedAnswer.Passage("Whales\n dive   deep. " + "x".repeat(200), where, 0.31)));
        String text = render("q", not);
        assertThat(text).startsWith("q:  The documents do not answer this.\n  closest passages:\n  [1] /docs/whales.md, \"Lungs\", chars 10-29 (score 0.31)\n"
                + "      Whales dive deep. x").endsWith("...");
        assertThat(text.lines().toList().get(3)).hasSize(6 + 120);
    }

    @Test
    void boxesAreOneLinePerBoxInPixels() {
        Boxes boxes = new Boxes(640, 480, List.of(new Boxes.Box("plate", 0.934, 12.4, 30, 100.2, 24), new Boxes.Box("car", 0.5, 0, 0, 640, 480)));
        assertThat(render("street.jpg", boxes))
                .isEqualTo("street.jpg:  2 boxes in 640x480\n  plate 0.934 at x=12 y=30, 100x24\n  car 0.500 at x=0 y=0, 640x480");
        assertThat(render("empty.jpg", new Boxes(8, 8, List.of()))).isEqualTo("empty.jpg:  0 boxes in 8x8");
    }

    @Test
    void aPictureIsWrittenToItsFileAndItsPathPrinted() throws Exception {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 1, Color.GREEN.getRGB());
        Path file = tmp.resolve("out/photo-predicted.png");
        assertThat(OutputText.render("photo.png", Picture.png(image), file)).isEqualTo("photo.png:  4x3 image/png written to " + file);
        BufferedImage written = ImageIO.read(Files.newInputStream(file));
        assertThat(written.getWidth()).isEqualTo(4);
        assertThat(written.getRGB(2, 1)).isEqualTo(Color.GREEN.getRGB());
    }

    @Test
    void aFilesMediaTypeIsItsExtensionsWhenThePredictorTakesItElseThePredictorsFileKind() {
        List<String> image = List.of("image/png", "image/jpeg", "application/octet-stream", "application/json");
        List<String> spam = List.of("text/plain", "application/json", "message/rfc822");
        List<String> text = List.of("text/plain", "application/json");
        assertThat(PredictInput.mediaType(Path.of("a.JPG"), image)).isEqualTo("image/jpeg");
        assertThat(PredictInput.mediaType(Path.of("a.webp"), image)).as("sniffed by the image decoder").isEqualTo("application/octet-stream");
        assertThat(PredictInput.mediaType(Path.of("mail.eml"), spam)).isEqualTo("message/rfc822");
        assertThat(PredictInput.mediaType(Path.of("00001.7c53336b"), spam)).as("spam reads any file as a mail").isEqualTo("message/rfc822");
        assertThat(PredictInput.mediaType(Path.of("notes.txt"), spam)).isEqualTo("text/plain");
        assertThat(PredictInput.mediaType(Path.of("notes.md"), text)).isEqualTo("text/plain");
        assertThat(PredictInput.mediaType(Path.of("seven.png"), text)).as("refused by the predictor with its accepted types").isEqualTo("text/plain");
    }

    @Test
    void everyOutputShapeHasARendering() {
        assertThat(Output.class.getPermittedSubclasses()).hasSize(6); // a new shape: add it to OutputText and to the tests above
    }

    private String render(String shown, Output output) {
        return OutputText.render(shown, output, tmp.resolve("unused.png"));
    }
}
