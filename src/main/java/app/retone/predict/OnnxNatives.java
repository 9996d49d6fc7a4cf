package app.retone.predict;

import app.retone.core.io.TemporaryFolders;
import app.retone.core.io.UserCache;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How ONNX Runtime's native libraries are loaded so that no way of running Retone leaves anything in
 * the temporary folder ({@code java.io.tmpdir}), the one home of that rule.
 *
 * <p>From the jar, the libraries are kept in a folder of the user's cache ({@link UserCache}{@code
 * /retone/onnxruntime-VERSION/PLATFORM}), filled once: ONNX Runtime's own way unpacks 20 MB into
 * {@code /tmp} at every start and leaves them there whenever a run is killed. The installed app
 * names its bundled folder with {@code -Donnxruntime.native.path}, and so does anyone who wants
 * another: then no folder is chosen here. When the cache cannot be written, the libraries are
 * unpacked into a temporary folder of Retone's own, which is deleted as soon as they are loaded.
 *
 * <p>Whatever the folder, ONNX Runtime makes an {@code onnxruntime-java…} folder in the temporary
 * folder when it starts, and removes it only when Java exits normally: it is deleted here once the
 * libraries are loaded. It stays empty, since the libraries always come from a folder named to ONNX
 * Runtime, so a run killed in the second between its making and its deletion leaves an empty folder,
 * never libraries. Such folders are not swept away: every program that uses ONNX Runtime makes them
 * alike, and a long-running one may still use its own. Retone's own folders of libraries that killed
 * runs left are swept away by the next run that needs one ({@link TemporaryFolders}; runs with a cache
 * never make them), and the partial copies a run killed while filling the user's cache left there by
 * the next run that fills it.
 *
 * <p>Each library is copied to a temporary file beside its place and renamed into it, so runs that
 * start together never see half a library; a library is copied again when its size is not the
 * jar's. Nothing here fails its caller: ONNX Runtime's own errors come when a model is loaded.
 */
final class OnnxNatives {

    /** ONNX Runtime's property for the folder its native libraries are loaded from. */
    static final String NATIVE_PATH = "onnxruntime.native.path";
    private static final System.Logger LOG = System.getLogger(OnnxNatives.class.getName());
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");
    /** The name ONNX Runtime gives the folder it makes at every start. */
    static final String RUNTIMES_FOLDER_PREFIX = "onnxruntime-java";
    /** The purpose of Retone's own folder for the libraries when the user's cache cannot keep them. */
    private static final String OWN_FOLDER_PURPOSE = "onnxruntime";
    /** How old a partial copy of a library must be to be taken for a killed run's. */
    static final Duration STALE_PART = Duration.ofMinutes(10);
    private static boolean loaded;

    private OnnxNatives() {
    }

    /** Loads ONNX Runtime's libraries, as the class comment says; once per JVM. */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        Path ownFolder = null;
        if (System.getProperty(NATIVE_PATH) == null && !useUserCache()) {
            ownFolder = unpackIntoOwnFolder();
        }
        try {
            // initialising this class loads the libraries (OnnxRuntime.init), without making an environment
            Class.forName("ai.onnxruntime.OrtEnvironment", true, OnnxNatives.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "ONNX Runtime did not load here; its error comes with the model: " + e);
        } finally {
            runtimesOwnFolder().ifPresent(TemporaryFolders::deleteTree);
            if (ownFolder != null) {
                TemporaryFolders.deleteTree(ownFolder);
            }
        }
    }

    /** Points ONNX Runtime at the user's cache of its libraries; false when they cannot be kept there. */
    private static boolean useUserCache() {
        Path folder = UserCache.home().resolve("retone").resolve("onnxruntime-" + ortVersion()).resolve(platform());
        try {
            if (!placeLibraries(folder)) {
                return true; // not a platform the jar carries: ONNX Runtime's own search says so
            }
            System.setProperty(NATIVE_PATH, folder.toString());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "ONNX Runtime's libraries cannot be kept in " + folder + ": " + e);
            return false;
        }
    }

    /** The libraries unpacked into a new temporary folder of Retone's own, named to ONNX Runtime; null if that fails too. */
    private static Path unpackIntoOwnFolder() {
        TemporaryFolders.sweep(OWN_FOLDER_PURPOSE); // what killed runs without a cache left (only such runs make them)
        Path folder = null;
        try {
            folder = TemporaryFolders.make(OWN_FOLDER_PURPOSE);
            if (placeLibraries(folder)) {
                System.setProperty(NATIVE_PATH, folder.toString());
                return folder;
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "ONNX Runtime's libraries cannot be unpacked into " + folder + ": " + e);
        }
        if (folder != null) {
            TemporaryFolders.deleteTree(folder);
        }
        return null; // ONNX Runtime unpacks them itself, into the folder deleted after loading
    }

    /** Copies the jar's libraries for this platform into {@code folder}; false if the jar has none for it. */
    private static boolean placeLibraries(Path folder) throws IOException {
        for (String library : LIBRARIES) {
            String name = System.mapLibraryName(library);
            URL resource = OnnxNatives.class.getResource("/ai/onnxruntime/native/" + platform() + "/" + name);
            if (resource == null) {
                return false;
            }
            place(resource, folder.resolve(name));
        }
        return true;
    }

    /** The folder ONNX Runtime made when it loaded (its private {@code OnnxRuntime.tempDirectory}), if known. */
    static Optional<Path> runtimesOwnFolder() {
        try {
            Field field = Class.forName("ai.onnxruntime.OnnxRuntime", false, OnnxNatives.class.getClassLoader())
                    .getDeclaredField("tempDirectory");
            field.setAccessible(true);
            return Optional.ofNullable((Path) field.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "ONNX Runtime's temporary folder is not known in this version: " + e);
            return Optional.empty();
        }
    }

    private static String platform() {
        return platform(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** ONNX Runtime's name of a platform's folder in its jar: linux-x64, osx-aarch64, win-x64… */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.contains("win") ? "win" : os.contains("mac") || os.contains("darwin") ? "osx" : "linux";
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "x64";
            case "aarch64", "arm64" -> "aarch64";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return system + "-" + arch;
    }

    /** Copies {@code resource} to {@code target} unless a file of its size is there already. */
    static void place(URL resource, Path target) throws IOException {
        URLConnection connection = resource.openConnection();
        long size = connection.getContentLengthLong();
        if (size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) {
            return;
        }
        Files.createDirectories(target.getParent());
        removeStaleParts(target, Instant.now());
        Path part = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * Deletes the partial copies of {@code target} beside it that are older than {@link #STALE_PART}
     * at {@code now}: what runs killed while copying left (a copy takes well under a second).
     */
    static void removeStaleParts(Path target, Instant now) {
        String prefix = "." + target.getFileName();
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(target.getParent(), prefix + "*.part")) {
            for (Path part : parts) {
                if (Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(part, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(now.minus(STALE_PART))) {
                    Files.deleteIfExists(part);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "partial copies beside " + target + " not removed: " + e);
        }
    }

    private static String ortVersion() {
        // a class literal does not initialise the class, so nothing is loaded yet
        String version = ai.onnxruntime.OrtEnvironment.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
