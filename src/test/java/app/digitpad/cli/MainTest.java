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
        assertTrue(errors().contains("line 2 is not a pen digit: it has no strokes"), errors());
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
