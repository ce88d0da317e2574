package dev.dlforge.serve;

import dev.dlforge.core.run.RunDir;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Trains;
import dev.dlforge.projects.TrainOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real models for the serving tests: a small digits MLP trained once per test JVM on the real
 * OpenCV digits data (cached in the test home after the first download), in a second or two.
 */
public final class TrainedModels {
    private static RunDir digits;

    private TrainedModels() {}

    public static synchronized RunDir digits() {
        if (digits == null) {
            try {
                Path out = Files.createTempDirectory("dlforge-serve-test").resolve("digits-mlp");
                TrainOptions defaults = TrainOptions.defaults(new PrintStream(new ByteArrayOutputStream()));
                TrainOptions options = new TrainOptions("mlp", null, null, 2, 32, null, 600, 42L, out, defaults.console(),
                        defaults.stop(), null);
                digits = Catalogue.standard().capable("digits", Trains.class).train(options);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return digits;
    }
}
