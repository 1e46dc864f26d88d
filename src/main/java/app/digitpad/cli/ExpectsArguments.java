package app.digitpad.cli;

/** A command with positional arguments says in one sentence what it needs when they are missing or too many. */
interface ExpectsArguments {
    /** e.g. "evaluate needs exactly one model file (or 'bundled')." */
    String expectedArguments();
}
