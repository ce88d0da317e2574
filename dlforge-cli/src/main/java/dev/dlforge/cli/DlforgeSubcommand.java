package dev.dlforge.cli;

/**
 * A subcommand of {@code dlforge} that registers itself, so that a project or an optional module
 * (dlforge-bench) contributes its command instead of being listed in {@link Dlforge}.
 *
 * <p>Contract: the implementing class is a public picocli {@code @Command} with a public no-argument
 * constructor, named on a line of {@code META-INF/services/dev.dlforge.cli.DlforgeSubcommand} in its
 * jar. {@link Dlforge#commandLine(Dlforge)} finds every such class on the class path with
 * {@link java.util.ServiceLoader} (a fresh instance per command tree) and adds it under its
 * {@code @Command} name; a name taken twice fails the build of the tree with both classes named.
 * The command reaches the streams through {@code @ParentCommand Dlforge root} and {@link Dlforge#out()}.
 *
 * <p>Order in {@code dlforge --help}: first the generic commands listed in {@link Dlforge}'s
 * annotation (projects ... studio), then the contributed ones by ascending {@link #helpOrder()}
 * (ties by name), then {@code help}. The contributed commands shipped today: bench 100,
 * word2vec 200, gpt 300, llm 350, rag 400, quant 500.
 */
public interface DlforgeSubcommand {
    /** Where the command lists among the contributed ones in {@code --help}: lower first. */
    int helpOrder();
}
