package dev.dlforge.data;

import dev.dlforge.data.source.DataSource;
import java.util.List;

/**
 * A dataset as dlforge knows it: what it is, which files make it up, and where those can come from.
 *
 * @param id short name used on the command line, e.g. {@code fashion-mnist}
 * @param title human name
 * @param summary one sentence: size, content
 * @param license the data's licence
 * @param homepage where it is described
 * @param files file names that must be present in its folder (a {@code .gz} name is also
 *     satisfied by the same file uncompressed)
 * @param sources tried in order after an explicit {@code --data} path and the cache
 */
public record DatasetSpec(String id, String title, String summary, String license, String homepage,
        List<String> files, List<DataSource> sources) {

    public DatasetSpec {
        files = List.copyOf(files);
        sources = List.copyOf(sources);
    }
}
