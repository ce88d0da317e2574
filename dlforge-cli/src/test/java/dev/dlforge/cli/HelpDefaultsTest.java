package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import dev.dlforge.core.testing.EndToEnd;

/** A newcomer reading any {@code --help} sees what each option does when left out. */
@EndToEnd
class HelpDefaultsTest {

    @Test
    void everyOptionOfEveryCommandShowsItsDefaultOrIsAFlag() {
        List<String> missing = new ArrayList<>();
        walk(Dlforge.commandLine(new Dlforge()), missing);
        assertThat(missing).as("options whose help shows no default").isEmpty();
    }

    private static void walk(CommandLine command, List<String> missing) {
        String usage = command.getHelp().optionList(); // the OPTIONS section, one paragraph per option
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp() || option.hidden() || option.arity().max() == 0) {
                continue; // flags: present or not
            }
            if (!shownWithDefault(usage, option)) {
                missing.add(command.getCommandSpec().qualifiedName() + " " + option.longestName());
            }
        }
        command.getSubcommands().values().stream().distinct().forEach(c -> walk(c, missing));
    }

    /** The option's help paragraph (its line and the indented lines under it) mentions a default. */
    private static boolean shownWithDefault(String optionList, OptionSpec option) {
        Pattern start = Pattern.compile("^ {0,8}(-\\w, )?" + Pattern.quote(option.longestName()) + "\\b.*$", Pattern.MULTILINE);
        Matcher m = start.matcher(optionList);
        assertThat(m.find()).as(option.longestName() + " in\n" + optionList).isTrue();
        StringBuilder paragraph = new StringBuilder(m.group());
        for (String line : optionList.substring(m.end()).lines().skip(1).toList()) {
            if (!line.startsWith(" ".repeat(12)) || line.isBlank()) {
                break;
            }
            paragraph.append(' ').append(line.strip());
        }
        return paragraph.toString().toLowerCase(Locale.ROOT).contains("default");
    }

    @Test
    void trainHelpSaysWhatLimitMeans() {
        Cli help = Cli.run("train", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("--limit=N").contains("N training examples");
    }
}
