package app.retone.cli;

import app.retone.core.image.PhotoExporter;

/**
 * What the root command holds for every command of a run, read by a command through picocli's
 * {@code spec.root().userObject()}: so a command needs the root's options, not the root command,
 * which names every command.
 */
interface RootOptions {

    /** Whether to show the full stack trace of errors ({@code --debug}). */
    boolean debug();

    /** Writes the results of 'transfer' and 'enhance'; tests hand in one whose disk fails. */
    PhotoExporter exporter();
}
