package app.digitpad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.LogFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines and files give one clear sentence and a non-zero exit code. */
class MainTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    private String errors() {
        return cli.err();
    }

    @Test
    void unknownCommandAndOptionsExitWithTwo() {
        assertEquals(2, run("fly"));
        assertTrue(errors().contains("Unknown command 'fly'"), errors());
        assertEquals(2, run("train", "--speed", "9"));
        assertTrue(errors().contains("Unknown option --speed"), errors());
    }

    @Test
    void nonsenseValuesAreNamed() {
        assertEquals(2, run("train", "--epochs", "many"));
        assertTrue(errors().contains("--epochs needs a whole number, not 'many'"), errors());
        assertEquals(2, run("train", "--epochs", "0"));
        assertTrue(errors().contains("epochs must be between"), errors());
        assertEquals(2, run("train", "--arch", "resnet"));
        assertTrue(errors().contains("Unknown architecture 'resnet'"), errors());
        assertEquals(2, run("train", "--lr"));
        assertTrue(errors().contains("--lr needs a value"), errors());
        assertEquals(2, run("pendigits", "bundled", "--extent", "2"));
        assertTrue(errors().contains("--extent is the share of the pad"), errors());
        assertEquals(2, run("bench", "--long-epochs", "0"));
        assertTrue(errors().contains("--long-epochs must be at least 1"), errors());
    }

    @Test
    void aPenDigitWithoutStrokesIsNamedByLine() throws Exception {
        Path file = dir.resolve("pens.jsonl");
        Files.writeString(file, "{\"id\":\"a\",\"label\":1,\"strokes\":[[[0,0],[5,9]]]}\n{\"id\":\"b\",\"label\":2,\"strokes\":[]}\n");
        assertEquals(1, run("pendigits", "bundled", "--file", file.toString()));
        assertTrue(errors().contains("line 2 is not a pen sample: it has no strokes"), errors());
    }

    @Test
    void aCorruptPenDataLineIsNamedAndTrainingDoesNotStart() throws Exception {
        Path pen = dir.resolve("pen.jsonl");
        Files.writeString(pen, "{\"id\":\"a\",\"label\":1,\"strokes\":[[[0,0],[5,9]]]}\n"
                + "{\"id\":\"b\",\"label\":7,\"strokes\":[[[0,0],[9,0],[3,9]]]}\n"
                + "{\"id\":\"c\",\"label\":3,\"strokes\":[[[0,0],[\"x\",1]]]}\n");
        Path others = dir.resolve("others.jsonl");
        Files.writeString(others, "{\"id\":\"d\",\"label\":-1,\"char\":\"x\",\"strokes\":[[[0,0],[9,9]],[[9,0],[0,9]]]}\n");
        Path out = dir.resolve("never.dpmodel");
        assertEquals(1, run("train", "--data", "mnist+pen", "--pen", pen.toString(), "--nondigits", others.toString(),
                "--train-limit", "256", "--test-limit", "100", "--out", out.toString()));
        assertTrue(errors().contains("pen.jsonl line 3 is not a pen sample"), errors());
        assertTrue(!cli.out().contains("Training"), "training never started: " + cli.out());
        assertTrue(!Files.exists(out));
        // a digit file with a non-digit in it, or only one of the two files, is refused as well
        assertEquals(2, run("train", "--data", "mnist+pen", "--pen", pen.toString(), "--out", out.toString()));
        assertTrue(errors().contains("--pen and --nondigits go together"), errors());
        assertEquals(1, run("train", "--data", "mnist+pen", "--pen", others.toString(), "--nondigits", others.toString(),
                "--out", out.toString()));
        assertTrue(errors().contains("holds a non-digit"), errors());
    }

    @Test
    void aMissingModelFileIsNamedWithExitOne() {
        Path missing = dir.resolve("nope.dpmodel");
        assertEquals(1, run("evaluate", missing.toString(), "--test-limit", "10"));
        assertTrue(errors().contains("nope.dpmodel does not exist"), errors());
        assertTrue(!errors().contains("\tat "), "no stack trace");
        LogFile.assertErrorWithTrace("nope.dpmodel does not exist"); // the trace goes to the log
    }

    @Test
    void aCorruptModelFileIsNamedWithExitOne() throws Exception {
        Path corrupt = dir.resolve("corrupt.dpmodel");
        Files.writeString(corrupt, "this is not a model");
        assertEquals(1, run("evaluate", corrupt.toString(), "--test-limit", "10"));
        assertTrue(errors().contains("corrupt.dpmodel"), errors());
    }

    @Test
    void aBrokenDatasetFolderIsNamedWithExitOne() {
        assertEquals(1, run("train", "--dataset", dir.toString(), "--epochs", "1"));
        assertTrue(errors().contains("does not exist"), errors());
        assertTrue(errors().contains(dir.toString()), errors());
    }
}
