package app.digitpad.ml.model;

import ai.djl.engine.Engine;

/** The versions of the deep-learning stack, for Help › About. */
public final class EngineVersions {
    private EngineVersions() {}

    /** Deep Java Library's version. */
    public static String djl() {
        return Engine.getDjlVersion();
    }

    /**
     * The engine's name and version, e.g. "PyTorch 2.7.1". Loads the engine if no model has yet:
     * call it off the UI thread.
     */
    public static String engine() {
        Engine engine = Engine.getInstance();
        return engine.getEngineName() + " " + engine.getVersion();
    }
}
