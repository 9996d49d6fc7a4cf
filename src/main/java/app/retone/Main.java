package app.retone;

import app.retone.cli.Cli;
import app.retone.ui.RetoneApp;

/**
 * The one entry point: with a subcommand (or an option) it runs the command line and never
 * touches a display; otherwise it opens the app, with any arguments taken as photos to open.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (Cli.isCommandLine(args)) {
            System.exit(Cli.run(args));
        } else {
            RetoneApp.launchApp(args);
        }
    }
}
