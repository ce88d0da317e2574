package dev.dlforge.data.docs;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The document files under the folders and files a user names, without leaving them. A symbolic
 * link inside a folder can point anywhere ({@code passwd.txt -> /etc/passwd} in a cloned repository
 * or an unpacked archive), and whatever is indexed is quoted back by {@code rag ask}; so by default
 * links below a named folder, to files or folders, are skipped and reported, and every file kept has
 * its real path inside the folder's real path. {@link Links#FOLLOW} follows them, for users who
 * link documents in on purpose; a link back to an ancestor folder is then reported, not walked
 * forever.
 *
 * <p>What the user names is taken as named: a named folder or file that is itself a link is followed
 * (as {@code find -H} does), and files keep the path under the name given, so that re-indexing the
 * same name finds them again. Hidden entries (a name starting with '.') below a named folder are
 * left out, unreported: {@code .git} and {@code .cache} are not documents. Anything that is not a
 * regular file (a FIFO, a device) is left out too.
 */
public final class FolderWalk {
    /** What to do with symbolic links found below a named folder. */
    public enum Links {
        /** Skip them and report each: nothing outside the named folders is read. */
        SKIP,
        /** Follow them wherever they lead, reporting cycles. */
        FOLLOW
    }

    /**
     * What a walk found.
     *
     * @param files every regular file to read, sorted, once each
     * @param skipped links not followed, cycles, unreadable folders and missing inputs, each with why
     */
    public record Listing(List<Path> files, List<Skipped> skipped) {
        public Listing {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    private FolderWalk() {}

    /** Walks {@code inputs} (folders recursively, files as they are); a missing input becomes a skipped entry. */
    public static Listing of(List<Path> inputs, Links links) {
        Set<Path> files = new TreeSet<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path input : inputs) {
            Path named = input.toAbsolutePath().normalize();
            if (Files.isDirectory(named)) {
                walk(named, links, files, skipped);
            } else if (Files.isRegularFile(named)) {
                files.add(named);
            } else {
                skipped.add(new Skipped(named, Skipped.Reason.UNREADABLE, Files.exists(named) ? "not a regular file" : "no such file or folder"));
            }
        }
        return new Listing(new ArrayList<>(files), skipped);
    }

    /** Whether {@code path}, made absolute and with every {@code ..} resolved, is {@code root} or below it. */
    static boolean inside(Path root, Path path) {
        return path.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize());
    }

    private static void walk(Path named, Links links, Set<Path> files, List<Skipped> skipped) {
        Path root;
        try {
            root = named.toRealPath();
        } catch (IOException e) {
            skipped.add(new Skipped(named, Skipped.Reason.UNREADABLE, "cannot resolve the folder: " + e.getMessage()));
            return;
        }
        Set<FileVisitOption> options = links == Links.FOLLOW ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
        try {
            Files.walkFileTree(root, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && hidden(root, dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (hidden(root, file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path shown = named.resolve(root.relativize(file));
                    if (attrs.isSymbolicLink()) { // followed links show their target's attributes, except links to nothing
                        skipped.add(links == Links.FOLLOW ? new Skipped(shown, Skipped.Reason.UNREADABLE, "a link to nothing: -> " + target(file))
                                : new Skipped(shown, Skipped.Reason.LINK, "-> " + target(file)));
                    } else if (attrs.isRegularFile()) {
                        keep(file, shown);
                    }
                    return FileVisitResult.CONTINUE;
                }

                /** Not following links, the file's real path must be inside the folder's: nothing was swapped for a link mid-walk. */
                private void keep(Path file, Path shown) {
                    if (links == Links.FOLLOW) {
                        files.add(shown);
                        return;
                    }
                    try {
                        if (inside(root, file.toRealPath())) {
                            files.add(shown);
                        } else {
                            skipped.add(new Skipped(shown, Skipped.Reason.OUTSIDE, "resolves to " + file.toRealPath() + ", outside " + named));
                        }
                    } catch (IOException e) {
                        skipped.add(new Skipped(shown, Skipped.Reason.UNREADABLE, "cannot resolve it: " + e.getMessage()));
                    }
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    Path shown = named.resolve(root.relativize(file));
                    if (hidden(root, file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (e instanceof FileSystemLoopException) {
                        skipped.add(new Skipped(shown, Skipped.Reason.LOOP, "leads back to a folder above it"));
                    } else if (e instanceof NoSuchFileException) {
                        skipped.add(new Skipped(shown, Skipped.Reason.UNREADABLE, "a link to nothing: -> " + target(file)));
                    } else {
                        skipped.add(new Skipped(shown, Skipped.Reason.UNREADABLE, "cannot read it: " + e.getMessage()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) {
                        skipped.add(new Skipped(named.resolve(root.relativize(dir)), Skipped.Reason.UNREADABLE, "cannot list the folder: " + e.getMessage()));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            skipped.add(new Skipped(named, Skipped.Reason.UNREADABLE, "cannot list the folder: " + e.getMessage()));
        }
    }

    /** A dot-file or anything inside a dot-folder below the root (.git, .cache): not documents. */
    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }
}
