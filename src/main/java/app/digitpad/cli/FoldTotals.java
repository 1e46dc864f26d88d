package app.digitpad.cli;

import app.digitpad.ml.eval.PenEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The readings of several folds of writers added up: each writer is in one fold only. */
final class FoldTotals {
    private final List<PenEvaluation.Writer> writers = new ArrayList<>();
    private final List<PenEvaluation.Misread> misreads = new ArrayList<>();
    private int digits;
    private int correct;
    private int flagged;
    private int nonDigits;
    private int nonDigitsFlagged;

    void add(PenEvaluation fold) {
        writers.addAll(fold.writers());
        misreads.addAll(fold.misreads());
        digits += fold.digits();
        correct += fold.matrix().correct();
        flagged += fold.digitsFlagged();
        nonDigits += fold.nonDigits();
        nonDigitsFlagged += fold.nonDigitsFlagged();
    }

    int nonDigits() {
        return nonDigits;
    }

    double nonDigitsFlaggedShare() {
        return nonDigits == 0 ? 0 : (double) nonDigitsFlagged / nonDigits;
    }

    int digits() {
        return digits;
    }

    double accuracy() {
        return digits == 0 ? 0 : (double) correct / digits;
    }

    double flaggedShare() {
        return digits == 0 ? 0 : (double) flagged / digits;
    }

    /** Every writer, worst first. */
    List<PenEvaluation.Writer> writers() {
        List<PenEvaluation.Writer> sorted = new ArrayList<>(writers);
        sorted.sort(PenEvaluation.Writer.WORST_FIRST);
        return sorted;
    }

    List<PenEvaluation.Misread> misreads() {
        return List.copyOf(misreads);
    }

    /** "writers under 96%: 3 of 165: a 90.0% (9/10), ..." naming the {@code named} worst. */
    String writersUnder(double accuracy, int named) {
        List<PenEvaluation.Writer> under = writers().stream().filter(w -> w.accuracy() < accuracy).toList();
        String listed = under.stream().limit(named)
                .map(w -> String.format("%s %.1f%% (%d/%d)", w.name(), w.accuracy() * 100, w.correct(), w.digits()))
                .collect(Collectors.joining(", "));
        return String.format("writers under %.0f%%: %d of %d", accuracy * 100, under.size(), writers.size())
                + (under.isEmpty() ? "" : ": " + listed) + (under.size() > named ? String.format(" and %d more", under.size() - named) : "");
    }

    /** The {@code limit} most frequent "label as answer" pairs, e.g. "1 as 7: 25, 0 as 4: 7". */
    String commonMisreads(int limit) {
        Map<String, Integer> pairs = new TreeMap<>();
        for (PenEvaluation.Misread m : misreads) {
            pairs.merge(m.label() + " as " + m.answer(), 1, Integer::sum);
        }
        String listed = pairs.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
        return listed.isEmpty() ? "none" : listed;
    }
}
