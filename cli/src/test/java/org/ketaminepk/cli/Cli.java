package org.ketaminepk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the command line in-process with captured output, as the tests need it. */
final class Cli {
    /** A small model the tests name explicitly, so that they run fast and do not depend on the default. */
    static final String MODEL = "domino-1984";

    private Cli() {
    }

    /**
     * @param code exit code
     * @param out standard output
     * @param err standard error
     */
    record Result(int code, String out, String err) {
        /** @return the error output as lines */
        String[] errLines() {
            return err.isEmpty() ? new String[0] : err.split("\n");
        }
    }

    static Result run(String... args) {
        return run(null, args);
    }

    /** Runs with an extra subcommand registered (to provoke internal failures). */
    static Result run(Object extraSubcommand, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // as Main.main builds it: a standalone subcommand alone, which every test of one then runs through
        CommandLine cl = Main.commandLine(new Main(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        if (extraSubcommand != null) {
            cl.addSubcommand(extraSubcommand);
            // the setters reach only the subcommands present when they are called
            cl.setOut(cl.getOut());
            cl.setErr(cl.getErr());
            cl.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
            cl.setParameterExceptionHandler(cl.getParameterExceptionHandler());
        }
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
