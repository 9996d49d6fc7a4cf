package app.retone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers docs/ARCHITECTURE.md describes (section 2, "Layers and packages"), checked on every build. */
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
}
