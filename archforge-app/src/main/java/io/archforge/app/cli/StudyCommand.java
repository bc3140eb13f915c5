package io.archforge.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code archforge study}: lists stored studies and shows one study's trials or best result. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "List stored studies, show one study's trials, or print its best result.",
        subcommands = {StudyListCommand.class, StudyShowCommand.class, StudyBestCommand.class})
public final class StudyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing subcommand: use list, show NAME or best NAME");
    }
}
