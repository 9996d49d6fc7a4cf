package app.retone.predict;

import app.retone.core.io.UserCache;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Where ONNX Runtime loads its native libraries from when Retone runs from its jar: a folder of the
 * user's cache ({@link UserCache}{@code /retone/onnxruntime-VERSION/PLATFORM}), filled once, so that
 * no run writes 20 MB of libraries into {@code /tmp} (ONNX Runtime's own way, left behind whenever a
 * run is killed while it loads). The installed app names its bundled folder with {@code
 * -Donnxruntime.native.path}, and so does anyone who wants another: then nothing is done here.
 *
 * <p>Each library is copied to a temporary file beside its place and renamed into it, so runs that
 * start together never see half a library; a library is copied again when its size is not the
 * jar's. Nothing here fails its caller: when the cache cannot be written, ONNX Runtime does as it
 * always did.
 */
final class OnnxNatives {

    /** ONNX Runtime's property for the folder its native libraries are loaded from. */
    static final String NATIVE_PATH = "onnxruntime.native.path";
    private static final System.Logger LOG = System.getLogger(OnnxNatives.class.getName());
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private OnnxNatives() {
    }

    /** Points ONNX Runtime at the user's cache of its libraries, unless a folder is named already. */
    static synchronized void useUserCache() {
        if (System.getProperty(NATIVE_PATH) != null) {
            return;
        }
        String platform = platform(System.getProperty("os.name"), System.getProperty("os.arch"));
        String version = ortVersion();
        Path folder = UserCache.home().resolve("retone").resolve("onnxruntime-" + version).resolve(platform);
        try {
            for (String library : LIBRARIES) {
                String name = System.mapLibraryName(library);
                URL resource = OnnxNatives.class.getResource("/ai/onnxruntime/native/" + platform + "/" + name);
                if (resource == null) {
                    return; // not a platform the jar carries: ONNX Runtime's own search says so
                }
                place(resource, folder.resolve(name));
            }
            System.setProperty(NATIVE_PATH, folder.toString());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "ONNX Runtime's libraries cannot be kept in " + folder
                    + "; it unpacks them itself: " + e);
        }
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
        Path part = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static String ortVersion() {
        // a class literal does not initialise the class, so nothing is loaded yet
        String version = ai.onnxruntime.OrtEnvironment.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
