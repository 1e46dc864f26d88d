package app.digitpad.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point one way: app -> ui -> ml/preprocess; the engine side knows nothing of the UI. */
@AnalyzeClasses(packages = "app.digitpad", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule coreHasNoJavaFx = noClasses()
            .that().resideInAnyPackage("app.digitpad.ml..", "app.digitpad.preprocess..", "app.digitpad.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("training, inference and preprocessing must run headless and be testable without a window");

    @ArchTest
    static final ArchRule coreDoesNotKnowTheUi = noClasses()
            .that().resideInAnyPackage("app.digitpad.ml..", "app.digitpad.preprocess..")
            .should().dependOnClassesThat().resideInAnyPackage("app.digitpad.ui..", "app.digitpad.app..", "app.digitpad.cli..")
            .because("ui depends on ml and preprocess, never the other way round");

    @ArchTest
    static final ArchRule preprocessingIsEngineFree = noClasses()
            .that().resideInAPackage("app.digitpad.preprocess..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "app.digitpad.ml..")
            .because("turning strokes into a 28x28 input is a pure function of the drawing");

    @ArchTest
    static final ArchRule onlyTheCliPrints = noClasses()
            .that().resideOutsideOfPackage("app.digitpad.cli..")
            .should().accessField(System.class, "out")
            .because("the app and libraries report through return values, listeners and properties");
}
