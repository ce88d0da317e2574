package dev.dlforge.data;

import java.io.IOException;
import java.nio.file.Path;

/** A dataset's description plus a reader that turns its folder into {@code T}. */
public interface Dataset<T> {

    DatasetSpec spec();

    /** Reads the dataset from a folder holding its {@link DatasetSpec#files()}. */
    T read(Path dir) throws IOException;
}
