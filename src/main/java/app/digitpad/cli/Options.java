package app.digitpad.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options plus positional arguments, checked against a known set. */
final class Options {
    private final Map<String, String> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    Options(String[] args, int from, Set<String> valued, Set<String> flags) throws UsageException {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                if (flags.contains(name)) {
                    values.put(name, "true");
                } else if (valued.contains(name)) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("Option --" + name + " needs a value.");
                    }
                    values.put(name, args[++i]);
                } else {
                    throw new UsageException("Unknown option --" + name + ".");
                }
            } else {
                positional.add(arg);
            }
        }
    }

    List<String> positional() {
        return positional;
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("Option --" + name + " needs a whole number, not '" + value + "'.");
        }
    }

    float decimal(String name, float fallback) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Float.parseFloat(value);
        } catch (NumberFormatException e) {
            throw new UsageException("Option --" + name + " needs a number, not '" + value + "'.");
        }
    }
}
