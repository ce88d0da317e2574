package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.text.ClosestName;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code dlforge} command. */
@Command(name = "dlforge", mixinStandardHelpOptions = true, versionProvider = Dlforge.Version.class,
        description = "Deep learning on the JVM: every project of the roadmap, from digits to language models.",
        subcommands = {ProjectsCommand.class, DataCommand.class, TrainCommand.class, EvalCommand.class,
                PredictCommand.class, GenerateCommand.class, ChatCommand.class, RunsCommand.class, ServeCommand.class, StudioCommand.class})
public final class Dlforge implements Runnable {
    /** Commands of optional modules: what `dlforge NAME` says when the module is not on the class path. */
    private static final Map<String, String> OPTIONAL = Map.of("bench", "dlforge-bench");

    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(out);
    }

    /** Where commands print their results. */
    public PrintStream out() {
        return out;
    }

    /** Where commands print progress, warnings and errors. */
    public PrintStream err() {
        return err;
    }

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, args));
    }

    /** Runs the command line and returns the exit code: 0 success, 1 failure, 2 usage error. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        return execute(System.in, out, err, args);
    }

    /** As {@link #execute(PrintStream, PrintStream, String...)}, reading what commands read (prompts, chat) from {@code in}. */
    public static int execute(InputStream in, PrintStream out, PrintStream err, String... args) {
        System.setProperty("java.awt.headless", "true");
        Engines.configure();
        Dlforge root = new Dlforge();
        root.in = in;
        root.out = out;
        root.err = err;
        CommandLine cli = commandLine(root);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            report(err, e);
            return 1;
        });
        cli.setParameterExceptionHandler((e, arguments) -> {
            report(err, usageError(e));
            return 2;
        });
        return cli.execute(args);
    }

    /**
     * The command tree for {@code root}: the listed commands, then the {@link DlforgeSubcommand}s on
     * the class path in their documented order, then {@code help}. Every command's help shows each
     * option's default (an option whose default is the project's recipe, or depends on other options,
     * says so in its description).
     */
    static CommandLine commandLine(Dlforge root) {
        CommandLine cli = new CommandLine(root);
        List<DlforgeSubcommand> contributed = new ArrayList<>();
        ServiceLoader.load(DlforgeSubcommand.class, Dlforge.class.getClassLoader()).forEach(contributed::add);
        contributed.sort(Comparator.comparingInt(DlforgeSubcommand::helpOrder).thenComparing(Dlforge::name));
        for (DlforgeSubcommand command : contributed) {
            CommandLine existing = cli.getSubcommands().get(name(command));
            if (existing != null) {
                throw new IllegalStateException("two commands are named '" + name(command) + "': "
                        + existing.getCommandSpec().userObject().getClass().getName() + " and " + command.getClass().getName());
            }
            cli.addSubcommand(command);
        }
        cli.addSubcommand(new CommandLine.HelpCommand());
        showDefaults(cli);
        return cli;
    }

    private static String name(DlforgeSubcommand command) {
        Command annotation = command.getClass().getAnnotation(Command.class);
        if (annotation == null) {
            throw new IllegalStateException(command.getClass().getName() + " is registered as a dlforge subcommand but has no @Command");
        }
        return annotation.name();
    }

    private static void showDefaults(CommandLine command) {
        command.getCommandSpec().usageMessage().showDefaultValues(true);
        command.getSubcommands().values().forEach(Dlforge::showDefaults);
    }

    /** A picocli parse error as one line and a hint; an unknown command or option names the closest one. */
    static DlforgeException usageError(CommandLine.ParameterException e) {
        String help = "see `" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help`";
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String typed = u.getUnmatched().get(0);
            var spec = e.getCommandLine().getCommandSpec();
            List<String> names = new ArrayList<>(spec.subcommands().keySet());
            spec.options().forEach(o -> names.addAll(List.of(o.names())));
            String closest = ClosestName.didYouMean(typed, names);
            boolean option = typed.startsWith("-");
            if (!option && spec.parent() == null && OPTIONAL.containsKey(typed)) {
                return new DlforgeException("`dlforge " + typed + "` is not on this class path: it lives in the " + OPTIONAL.get(typed) + " module",
                        "run ./dlforge from a source checkout (it builds " + OPTIONAL.get(typed) + " and puts it on the class path), or add "
                                + OPTIONAL.get(typed) + "/target/classes and " + OPTIONAL.get(typed) + "/target/lib/* to java's -cp");
            }
            if (!closest.isEmpty() || (!option && !spec.subcommands().isEmpty())) {
                return new DlforgeException("unknown " + (option ? "option" : "command") + " '" + typed + "' for `" + spec.qualifiedName() + "`"
                        + closest, help);
            }
        }
        return new DlforgeException(e.getMessage(), help);
    }

    /** One error line (more for a list of attempts), then what to do. */
    static void report(PrintStream err, Exception e) {
        if (e instanceof DlforgeException de) {
            err.println("error: " + de.getMessage());
            if (!de.hint().isEmpty()) {
                err.println("hint: " + de.hint());
            }
        } else {
            err.println("error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            if (System.getenv("DLFORGE_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println("hint: this is a bug in dlforge; rerun with DLFORGE_DEBUG=1 for the stack trace and report it");
            }
        }
        err.flush();
    }

    /** The versions Maven wrote into dlforge-version.properties at build time. */
    public static final class Version implements CommandLine.IVersionProvider {
        static final Properties BUILD = load();

        /** dlforge's engine, e.g. "DJL 0.36.0, PyTorch 2.7.1". */
        public static String engine() {
            return "DJL " + BUILD.getProperty("djl", "?") + ", PyTorch " + BUILD.getProperty("pytorch", "?");
        }

        @Override
        public String[] getVersion() {
            return new String[] {"dlforge " + BUILD.getProperty("version", "(unknown version)") + " (" + engine() + " CPU, Java "
                    + Runtime.version().feature() + ")"};
        }

        private static Properties load() {
            Properties p = new Properties();
            try (var in = Dlforge.class.getResourceAsStream("/dlforge-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // the version line shows "?" rather than failing a command
            }
            return p;
        }
    }
}
