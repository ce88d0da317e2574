package dev.dlforge.cli;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.data.Dataset;
import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.source.DataSource;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "data", mixinStandardHelpOptions = true, description = "List, fetch, verify and describe datasets.",
        subcommands = {DataCommand.ListData.class, DataCommand.Fetch.class, DataVerifyCommand.class, DataCommand.Info.class})
final class DataCommand extends CommandGroup {
    static DatasetResolver resolver() {
        return new DatasetResolver(DlforgeHome.current().datasets());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every dataset, whether it is cached, and where it comes from.")
    static final class ListData implements Runnable {
        @ParentCommand
        DataCommand data;

        @Override
        public void run() {
            DatasetResolver resolver = resolver();
            for (Dataset<?> d : DatasetRegistry.builtIn().all()) {
                DatasetSpec s = d.spec();
                data.root.out.printf(Locale.ROOT, "%-14s %-7s %s%n", s.id(), resolver.cached(s).isPresent() ? "cached" : "-", s.summary());
                data.root.out.printf(Locale.ROOT, "%-14s %-7s sources: %s%n", "", "",
                        String.join("; ", s.sources().stream().map(DataSource::describe).toList()));
            }
            data.root.out.println("\nCache: " + DlforgeHome.current().datasets() + "  (fetch one with `dlforge data fetch ID`)");
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true, description = "Download a dataset into the cache, trying its sources in order.")
    static final class Fetch implements Runnable {
        @ParentCommand
        DataCommand data;

        @Parameters(paramLabel = "ID", description = "dataset id, as in `dlforge data list`")
        String id;

        @Option(names = "--force", description = "fetch again even when cached, replacing the cached copy (e.g. a damaged one)")
        boolean force;

        @Override
        public void run() {
            DatasetSpec s = DatasetRegistry.builtIn().get(id).spec();
            if (force) {
                resolver().fetch(s, true);
            }
            Path dir = resolver().resolve(s, null);
            data.root.out.println(s.id() + ": " + dir);
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Describe a dataset: licence, files, sources, cache state.")
    static final class Info implements Runnable {
        @ParentCommand
        DataCommand data;

        @Parameters(paramLabel = "ID", description = "dataset id, as in `dlforge data list`")
        String id;

        @Override
        public void run() {
            DatasetSpec s = DatasetRegistry.builtIn().get(id).spec();
            var out = data.root.out;
            out.println(s.id() + ": " + s.title());
            out.println("  " + s.summary());
            out.println("  licence:  " + s.license());
            out.println("  homepage: " + s.homepage());
            out.println("  files:    " + String.join(", ", s.files()));
            out.println("  sources (tried in order after --data and the cache):");
            for (DataSource source : s.sources()) {
                out.println("    - " + source.describe());
            }
            DatasetResolver resolver = resolver();
            resolver.manifest(s).ifPresentOrElse(m -> {
                out.println("  cached in " + resolver.cacheDir(s) + " from " + m.source() + " on " + m.fetched());
                m.files().forEach((name, f) -> out.printf(Locale.ROOT, "    %-28s %,12d bytes  sha256 %s%n", name, f.bytes(), f.sha256()));
            }, () -> out.println("  not cached: `dlforge data fetch " + s.id() + "`"));
        }
    }
}
