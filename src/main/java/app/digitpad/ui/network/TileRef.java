package app.digitpad.ui.network;

/** A tile of the Network view: channel {@code channel} of feature-map stage {@code stage}, or a first-layer filter. */
public record TileRef(Kind kind, int stage, int channel) {
    public enum Kind { FEATURE_MAP, FILTER }

    public static TileRef featureMap(int stage, int channel) {
        return new TileRef(Kind.FEATURE_MAP, stage, channel);
    }

    public static TileRef filter(int channel) {
        return new TileRef(Kind.FILTER, -1, channel);
    }
}
