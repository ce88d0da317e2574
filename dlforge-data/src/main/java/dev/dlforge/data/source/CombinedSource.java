package dev.dlforge.data.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A dataset whose files come from several places together (e.g. fonts from several Debian packages):
 * every part fetches into the same folder, and the source is unavailable when any part is.
 */
public record CombinedSource(List<DataSource> parts) implements DataSource {

    public CombinedSource {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a combined source needs at least one part");
        }
    }

    @Override
    public String describe() {
        return parts.stream().map(DataSource::describe).collect(Collectors.joining(" + "));
    }

    @Override
    public void fetchInto(Path target) throws SourceUnavailableException, IOException {
        for (DataSource part : parts) {
            try {
                part.fetchInto(target);
            } catch (SourceUnavailableException e) {
                throw new SourceUnavailableException(part.describe() + ": " + e.getMessage());
            }
        }
    }
}
