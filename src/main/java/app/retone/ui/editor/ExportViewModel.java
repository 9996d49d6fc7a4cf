package app.retone.ui.editor;

import app.retone.core.io.AtomicFiles;

import app.retone.core.image.ExportNames;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.CubeFile;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.Photo;
import app.retone.core.render.PhotoRender;
import app.retone.ui.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Writing the result: the photo at full resolution, or the look as a .cube LUT, in the background,
 * with the names and folders the dialogs suggest and the check that an export would replace the
 * original. An export belongs to the photo it started from: opening another photo does not stop it.
 */
public final class ExportViewModel {

    private final EditorServices services;
    private final Settings settings;
    private final Activities activities;
    private final Notices notices;
    private final PhotoSession session;
    private final LookViewModel looks;
    private final java.util.function.Supplier<app.retone.core.render.Recipe> recipe;

    ExportViewModel(EditorServices services, Settings settings, Activities activities, Notices notices,
                    PhotoSession session, LookViewModel looks, java.util.function.Supplier<app.retone.core.render.Recipe> recipe) {
        this.services = services;
        this.settings = settings;
        this.activities = activities;
        this.notices = notices;
        this.session = session;
        this.looks = looks;
        this.recipe = recipe;
    }

    /** Renders the full-resolution result by the photo's recipe (look, strength, adjustments, regrain) and writes it, in the background. */
    public void export(Path destination, ExportOptions options) {
        app.retone.core.render.Recipe used = recipe.get();
        if (session.current() == null || used == null) {
            notices.notice(Notice.info("Nothing to export yet", "The result appears once the prediction is ready."));
            return;
        }
        PreparedPhoto photo = session.current();
        boolean withRegrain = used.regrain();
        String name = String.valueOf(destination.getFileName());
        settings.put("lastExportFolder", String.valueOf(destination.toAbsolutePath().getParent()));
        Activity activity = new Activity("Exporting " + name, true);
        activities.track(activity, app.retone.ui.task.BackgroundTask.<ImageFormat>of(activity.title(), context -> {
            Photo source = photo.fullResolution(context); // decoded again if the photo came prepared
            context.progress(0.05, withRegrain ? "Applying the look at full size, keeping the fine detail…"
                    : "Applying the look at full size…");
            return PhotoRender.export(services.colorTransfer(), services.exporter(), source, used,
                    destination, options);
        }).onSuccess(format -> {
            notices.notice(Notice.info("Exported", destination + " (" + format.name().toLowerCase(Locale.ROOT) + ")"));
            notices.status("Exported " + name);
        }).onFailure(error -> notices.notice(Notice.error("Export failed: nothing was written to " + name,
                Notice.reason(error)))));
    }

    /** Writes the current look, at the current strength, with the adjustments, as a .cube LUT other tools can use. */
    public void exportLut(Path destination) {
        Look look = looks.lookProperty().get();
        app.retone.core.render.Recipe used = recipe.get();
        if (look == null || used == null) {
            notices.notice(Notice.info("No look to export yet", "The LUT exists once the prediction is ready."));
            return;
        }
        ColorLut3D lut = used.lut();
        String title = "Retone " + look.name() + String.format(Locale.ROOT, " %.0f%%", used.strength() * 100)
                + (used.develop().isNeutral() ? "" : " with adjustments");
        String name = String.valueOf(destination.getFileName());
        Activity activity = new Activity("Exporting " + name, true);
        activities.track(activity, app.retone.ui.task.BackgroundTask.<Path>of(activity.title(), context -> {
            CubeFile.write(lut, title, destination);
            return destination;
        }).onSuccess(path -> notices.notice(Notice.info("LUT exported", path.toString())))
                .onFailure(error -> notices.notice(Notice.error("Could not write " + name, Notice.reason(error)))));
    }

    /** The folder the last export went to, if it is still there. */
    public Optional<Path> lastExportFolder() {
        return settings.get("lastExportFolder").map(Path::of).filter(Files::isDirectory);
    }

    /** Where the export dialogs start: the last export's folder, else the photo's own. */
    public Optional<Path> suggestedFolder() {
        return lastExportFolder().or(() -> session.photoPath().map(Path::getParent));
    }

    /** A file name for the export of the open photo: "name-retone.jpg" beside the original's name. */
    public String suggestedExportName(ImageFormat format) {
        Path source = session.current() == null ? null : Path.of(session.current().details().fileName());
        return ExportNames.fileName(ExportNames.DEFAULT_PATTERN, source, 1, format);
    }

    /**
     * Whether writing to {@code destination} would replace the open photo's own file, by the file
     * system's judgement (links, case-insensitive names), not by comparing names.
     */
    public boolean isOpenPhoto(Path destination) {
        return session.photoPath().map(original -> AtomicFiles.wouldReplace(original, destination)).orElse(false);
    }

    /** True while an export is being written: quitting now would lose it. */
    public boolean isExporting() {
        return activities.isExporting();
    }
}
