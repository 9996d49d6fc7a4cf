package app.retone.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.stage.Window;

/** Answers the window's questions as a test scripted them, and records that they were asked. */
public final class ScriptedDialogs implements FileDialogs {

    final Deque<Path> photos = new ArrayDeque<>();
    final Deque<ExportRequest> exports = new ArrayDeque<>();
    final Deque<Path> luts = new ArrayDeque<>();
    boolean confirmAnswer;
    int confirmations;

    @Override
    public Optional<Path> choosePhoto(Window owner, String title, Path folder) {
        return Optional.ofNullable(photos.poll());
    }

    @Override
    public Optional<ExportRequest> chooseExport(Window owner, String suggestedName, Path folder,
                                                app.retone.core.image.ExportOptions remembered, String sourceSpace) {
        return Optional.ofNullable(exports.poll());
    }

    @Override
    public Optional<Path> chooseLut(Window owner, String suggestedName, Path folder) {
        return Optional.ofNullable(luts.poll());
    }

    @Override
    public boolean confirm(Window owner, String title, String text, String yes) {
        confirmations++;
        return confirmAnswer;
    }
}
