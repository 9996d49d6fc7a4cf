package app.retone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The layers docs/ARCHITECTURE.md describes (section 2, "Layers and packages") and the house rules
 * beside them (one recipe and one loop for every batch, one composition root, the loader's steps,
 * no cycle among classes, the rules of section 5 written in their homes only, no main source file
 * over 400 lines), checked on every build.
 */
@AnalyzeClasses(packages = "app.retone", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsFreeOfUiMlAndCli = noClasses().that().resideInAPackage("app.retone.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "ai.djl..", "picocli..",
                    "app.retone.ui..", "app.retone.cli..", "app.retone.predict..");

    @ArchTest
    static final ArchRule colourEngineNeedsOnlyTheJdk = classes().that().resideInAPackage("app.retone.core.color..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "app.retone.core.color..", "app.retone.core.io..");

    @ArchTest
    static final ArchRule fileHelpersNeedOnlyTheJdk = classes().that().resideInAPackage("app.retone.core.io..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "app.retone.core.io..");

    @ArchTest
    static final ArchRule editsStayInCore = noClasses().that().resideInAPackage("app.retone.core.edit..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "app.retone.core..");

    @ArchTest
    static final ArchRule predictionKnowsNoFrontEnd = noClasses().that().resideInAPackage("app.retone.predict..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..", "app.retone.ui..", "app.retone.cli..");

    @ArchTest
    static final ArchRule commandLineNeverTouchesTheUi = noClasses().that().resideInAPackage("app.retone.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "app.retone.ui..", "org.controlsfx..", "org.fxyz3d..");

    @ArchTest
    static final ArchRule uiNeverUsesTheCommandLine = noClasses().that().resideInAPackage("app.retone.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "app.retone.cli..");

    @ArchTest
    static final ArchRule viewModelsNeverTouchNodes = noClasses().that().resideInAnyPackage("app.retone.ui.editor..",
                    "app.retone.ui.folder..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..",
                    "org.controlsfx..", "org.fxyz3d..");

    @ArchTest
    static final ArchRule viewModelsAreWhereTheyShouldBe = classes().that().haveSimpleNameEndingWith("ViewModel")
            .should().resideInAnyPackage("app.retone.ui.editor..", "app.retone.ui.folder..");

    @ArchTest
    static final ArchRule backgroundWorkKnowsNoViews = noClasses().that().resideInAnyPackage("app.retone.ui.task..",
                    "app.retone.ui.settings..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "app.retone.ui.editor..");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("app.retone.(**)").should().beFreeOfCycles();

    /**
     * One per-photo recipe and one batch loop (docs/ARCHITECTURE.md, "Batches"): the command line's
     * transfer and enhance and the app's batch export run {@code core.render.ExportJob} and
     * {@code core.render.PhotoBatch}, and none of them renders by itself.
     */
    @ArchTest
    static final ArchRule batchesExportEachPhotoByTheOneRecipe = classes().that()
            .haveFullyQualifiedName("app.retone.cli.PhotoJob")
            .or().haveFullyQualifiedName("app.retone.ui.folder.BatchExportViewModel")
            .should().dependOnClassesThat().haveFullyQualifiedName("app.retone.core.render.ExportJob");

    @ArchTest
    static final ArchRule batchesTryEveryPhotoByTheOneLoop = classes().that()
            .haveFullyQualifiedName("app.retone.cli.Batch")
            .or().haveFullyQualifiedName("app.retone.ui.folder.BatchExportViewModel")
            .should().dependOnClassesThat().haveFullyQualifiedName("app.retone.core.render.PhotoBatch");

    /** The benchmark alone renders by hand: it times the render itself. */
    @ArchTest
    static final ArchRule batchesNeverRenderByThemselves = noClasses().that()
            .resideInAnyPackage("app.retone.cli..", "app.retone.ui.folder..")
            .and().doNotHaveFullyQualifiedName("app.retone.cli.BenchCommand")
            .should().dependOnClassesThat().haveFullyQualifiedName("app.retone.core.render.PhotoRender");

    /**
     * One composition root (docs/ARCHITECTURE.md, "The UI"): the app's view models (the editor, the
     * folder, its batch export, the reference picker's choices) are built by {@code AppViewModels}
     * alone, for the app and the window tests alike; the parts of a view model are built by it,
     * inside the view-model packages, never by a window, a presenter or the app.
     */
    @ArchTest
    static final ArchRule onlyTheCompositionRootBuildsTheAppsViewModels = noClasses().that()
            .doNotHaveFullyQualifiedName("app.retone.ui.AppViewModels")
            .should().callConstructorWhere(DescribedPredicate.describe("a constructor of "
                    + "EditorViewModel, FolderViewModel, BatchExportViewModel or ReferenceChoices",
                    call -> Set.of("app.retone.ui.editor.EditorViewModel", "app.retone.ui.folder.FolderViewModel",
                            "app.retone.ui.folder.BatchExportViewModel", "app.retone.ui.editor.ReferenceChoices")
                            .contains(call.getTargetOwner().getName())));

    @ArchTest
    static final ArchRule viewModelsAreBuiltInsideTheirPackagesOrByTheRoot = noClasses().that()
            .resideOutsideOfPackages("app.retone.ui.editor..", "app.retone.ui.folder..")
            .and().doNotHaveFullyQualifiedName("app.retone.ui.AppViewModels")
            .should().callConstructorWhere(DescribedPredicate.describe("a constructor of a *ViewModel",
                    call -> call.getTargetOwner().getSimpleName().endsWith("ViewModel")));

    /**
     * The loader keeps the order of the steps and does none of them itself (docs/ARCHITECTURE.md,
     * "The path of a photo", step 1): opening the file is {@code PhotoFiles}', decoding within
     * limits {@code PhotoDecoder}'s (the only ones that open a file or touch ImageIO for it).
     */
    @ArchTest
    static final ArchRule theLoaderOpensAndDecodesNothingItself = noClasses().that()
            .haveFullyQualifiedName("app.retone.core.image.PhotoLoader")
            .should().dependOnClassesThat().resideInAPackage("javax.imageio..")
            .orShould().callConstructorWhere(DescribedPredicate.describe("a constructor of a file's stream",
                    call -> Set.of("java.io.RandomAccessFile", "java.io.FileInputStream")
                            .contains(call.getTargetOwner().getName())))
            .orShould().callMethodWhere(DescribedPredicate.describe("a method that opens a file",
                    call -> call.getTargetOwner().getName().equals("java.nio.file.Files") && call.getName().startsWith("new")
                            || call.getTargetOwner().getName().equals("java.nio.channels.FileChannel") && call.getName().equals("open")));

    /** The thumbnails and the export use the loader's steps, never the loader: it is the app's and the command line's. */
    @ArchTest
    static final ArchRule nothingInTheImagePackageUsesTheLoader = noClasses().that()
            .resideInAPackage("app.retone.core.image")
            .and().doNotHaveFullyQualifiedName("app.retone.core.image.PhotoLoader")
            .should().dependOnClassesThat().haveFullyQualifiedName("app.retone.core.image.PhotoLoader");

    /** The strength range's home is {@code core.render.Strength}: no other file writes its bounds out ({@link RuleCopies}). */
    @ArchTest
    static void theStrengthRangeHasOneHome(JavaClasses classes) {
        assertNoCopies(RuleCopies.STRENGTH);
    }

    /** The LUT sizes' home is {@code ColorLut3D} ({@code MIN_SIZE}, {@code MAX_SIZE}, {@code DEFAULT_SIZE}). */
    @ArchTest
    static void theLutSizesHaveOneHome(JavaClasses classes) {
        assertNoCopies(RuleCopies.LUT_SIZE);
    }

    /** The bins rule's home is {@code Histogram3D} ({@code isSupportedBins} and its bounds). */
    @ArchTest
    static void theBinsRuleHasOneHome(JavaClasses classes) {
        assertNoCopies(RuleCopies.BINS);
    }

    /** The readable formats' home is {@code ReadableFormat}; the packaging's copies are {@code FileAssociationsTest}'s. */
    @ArchTest
    static void theReadableFormatsHaveOneHome(JavaClasses classes) {
        assertNoCopies(RuleCopies.READABLE_FORMATS);
    }

    private static void assertNoCopies(RuleCopies.Home home) {
        List<String> copies = RuleCopies.copiesOf(home);
        assertTrue(copies.isEmpty(), "copies of " + home.rule() + " outside its home, " + home.home()
                + " (use the home's constants and methods):\n  " + String.join("\n  ", copies));
    }

    /** The longest a main source file may be: past it, a class has more than one job. */
    static final int MAX_SOURCE_LINES = 400;

    @ArchTest
    static final ArchRule noMainSourceFileIsLongerThan400Lines = classes().that().areTopLevelClasses()
            .should(haveASourceFileOfAtMost(MAX_SOURCE_LINES));

    /**
     * No cycle among classes, of any length (each class counted with its nested classes, as its
     * source file): of two classes that use each other, or of a ring, one is the lower one, and the
     * upper one hands it what it needs (a listener, a record), or what both need has a home of its
     * own. Package cycles are {@link #noCyclesBetweenPackages}'s; this is the same rule between
     * classes. What the graph sees and what it leaves out (constants javac copies, a sealed type's
     * {@code permits}) is {@link ClassCycles}'.
     */
    @ArchTest
    static final ArchRule noClassesFormACycle = classes().that().areTopLevelClasses().should(notBeInACycle());

    private static ArchCondition<JavaClass> haveASourceFileOfAtMost(int maxLines) {
        return new ArchCondition<>("have a source file of at most " + maxLines + " lines") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Path file = sourceFileOf(javaClass);
                if (!Files.isRegularFile(file)) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + ": no source file at " + file));
                    return;
                }
                long lines;
                try (Stream<String> all = Files.lines(file)) {
                    lines = all.count();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                events.add(new SimpleConditionEvent(javaClass, lines <= maxLines,
                        file + " has " + lines + " lines, more than " + maxLines + ": split it by job"));
            }
        };
    }

    private static Path sourceFileOf(JavaClass javaClass) {
        String folder = javaClass.getPackageName().replace('.', '/');
        String name = javaClass.getSource().flatMap(source -> source.getFileName())
                .orElse(javaClass.getSimpleName() + ".java");
        return Path.of("src/main/java", folder, name);
    }

    private static ArchCondition<JavaClass> notBeInACycle() {
        return new ArchCondition<>("not be in a cycle of classes that use each other") {
            private final Map<String, Set<String>> cycleOf = new HashMap<>();
            private ClassCycles graph;

            @Override
            public void init(Collection<JavaClass> allClasses) {
                graph = ClassCycles.of(allClasses);
                for (Set<String> cycle : graph.cycles()) {
                    cycle.forEach(name -> cycleOf.put(name, cycle));
                }
            }

            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Set<String> cycle = cycleOf.get(javaClass.getName());
                if (cycle != null && cycle.iterator().next().equals(javaClass.getName())) {
                    events.add(SimpleConditionEvent.violated(javaClass, "a cycle of " + cycle.size() + " classes, "
                            + cycle + ", by these uses:\n    " + String.join("\n    ", graph.usesWithin(cycle))));
                }
            }
        };
    }
}
