package app.retone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
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
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The layers docs/ARCHITECTURE.md describes (section 2, "Layers and packages") and the house rules
 * beside them (one recipe and one loop for every batch, no cycle among classes, no main source file
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
