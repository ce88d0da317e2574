package dev.dlforge.projects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roadmap as data: every project, built or planned, in roadmap order, read once from
 * {@code roadmap.json} beside this class. {@code dlforge projects}, the studio gallery and README's
 * table are drawn from it; a built project takes its entry by id ({@link #entry}).
 */
public final class Roadmap {
    /** The roadmap file's format version this dlforge reads. */
    public static final int SCHEMA = 1;
    private static final Map<String, ProjectInfo> ENTRIES = read();

    private Roadmap() {}

    /** Every entry in roadmap order. */
    public static List<ProjectInfo> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /** The entry of project {@code id}, which must be on the roadmap. */
    public static ProjectInfo entry(String id) {
        ProjectInfo info = ENTRIES.get(id);
        if (info == null) {
            throw new DlforgeException("project '" + id + "' is not on the roadmap (dev/dlforge/projects/roadmap.json)",
                    "add its entry there, or give the project its own info()");
        }
        return info;
    }

    private static Map<String, ProjectInfo> read() {
        try (InputStream in = Roadmap.class.getResourceAsStream("roadmap.json")) {
            if (in == null) {
                throw new IllegalStateException("roadmap.json is missing from the dlforge-projects jar");
            }
            JsonNode root = Json.MAPPER.readTree(in);
            if (root.path("schema").asInt(-1) != SCHEMA) {
                throw new IllegalStateException("roadmap.json has schema " + root.path("schema") + ", this dlforge reads " + SCHEMA);
            }
            Map<String, ProjectInfo> entries = new LinkedHashMap<>();
            List<String> duplicates = new ArrayList<>();
            for (JsonNode p : root.path("projects")) {
                ProjectInfo info = Json.MAPPER.treeToValue(p, ProjectInfo.class);
                if (entries.put(info.id(), info) != null) {
                    duplicates.add(info.id());
                }
            }
            if (!duplicates.isEmpty()) {
                throw new IllegalStateException("roadmap.json lists " + duplicates + " twice");
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("roadmap.json is unreadable", e);
        }
    }
}
