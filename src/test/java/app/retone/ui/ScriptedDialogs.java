package app.retone.ui;

import app.retone.ui.folder.BatchExport;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/** Answers the window's questions as a test scripted them, and records that they were asked. */
public final class ScriptedDialogs implements FileDialogs {

    final Deque<Path> photos = new ArrayDeque<>();
    final Deque<List<Path>> photoSets = new ArrayDeque<>();
    final Deque<Path> folders = new ArrayDeque<>();
    final Deque<ExportRequest> exports = new ArrayDeque<>();
    final Deque<BatchExport.Request> batches = new ArrayDeque<>();
    /** Whether the batch export shows the app's own dialog, for the robot to fill in, instead of taking {@link #batches}. */
    boolean realBatchDialog;
    final Deque<BatchExport.Existing> existingAnswers = new ArrayDeque<>();
    final Deque<Path> luts = new ArrayDeque<>();
    final List<List<Path>> existingAsked = new ArrayList<>();
    boolean confirmAnswer;
    int confirmations;

    @Override
    public Optional<Path> choosePhoto(Window owner, String title, Path folder) {
        return Optional.ofNullable(photos.poll());
    }

    @Override
    public List<Path> choosePhotos(Window owner, String title, Path folder) {
        if (!photoSets.isEmpty()) {
            return photoSets.poll();
        }
        Path one = photos.poll();
        return one == null ? List.of() : List.of(one);
    }

    @Override
    public Optional<Path> chooseFolder(Window owner, String title, Path folder) {
        return Optional.ofNullable(folders.poll());
    }

    @Override
    public Optional<BatchExport.Request> chooseBatchExport(Window owner, int count, BatchExport.Request remembered,
                                                           String exampleName) {
        if (realBatchDialog) {
            return app.retone.ui.filmstrip.BatchExportDialog.ask(owner, count, remembered, exampleName);
        }
        return Optional.ofNullable(batches.poll());
    }

    @Override
    public Optional<BatchExport.Existing> askExisting(Window owner, List<Path> existing) {
        existingAsked.add(List.copyOf(existing));
        return Optional.ofNullable(existingAnswers.poll());
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
