package dev.dlforge.data.docs;

import java.nio.file.Path;

/** What reading one file gives: its {@link DocumentText}, or the reason it was {@link Skipped}. */
public sealed interface DocumentResult permits DocumentText, Skipped {
    /** The file it came from. */
    Path source();
}
