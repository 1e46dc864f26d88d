package app.digitpad.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerPriorityTest {
    @Test
    void findsHotSpotsCompilerThreadsByName(@TempDir Path tasks) throws IOException {
        task(tasks, "101", "C2 CompilerThre");
        task(tasks, "102", "C1 CompilerThre");
        task(tasks, "103", "JavaFX Applicat");
        task(tasks, "104", "digitpad-traini");
        Files.createDirectories(tasks.resolve("105")); // ended before its name was read
        assertEquals(List.of(101, 102), CompilerPriority.compilerThreads(tasks).stream().sorted().toList());
        assertEquals(List.of(), CompilerPriority.compilerThreads(tasks.resolve("missing")));
    }

    @Test
    void theCompilerThreadsOfThisJvmRunAtTheLowestPriority() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        assumeTrue(Files.isDirectory(tasks), "Linux only");
        List<Integer> compilers = CompilerPriority.compilerThreads(tasks);
        assertFalse(compilers.isEmpty(), "HotSpot's compiler threads");
        assertEquals(compilers.size(), CompilerPriority.lower());
        for (int id : compilers) {
            assertEquals(CompilerPriority.NICE, nice(tasks.resolve(String.valueOf(id))), "thread " + id);
        }
        assertEquals(0, nice(tasks.resolve(String.valueOf(currentThreadId()))), "the other threads keep theirs");
    }

    private static void task(Path tasks, String id, String name) throws IOException {
        Files.createDirectories(tasks.resolve(id));
        Files.writeString(tasks.resolve(id).resolve("comm"), name + "\n");
    }

    /** Field 19 of /proc/.../stat, counted after the parenthesized name (which may hold spaces). */
    private static int nice(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }

    private static int currentThreadId() throws IOException {
        return Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
    }
}
