package io.xstore.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which parts of the benchmark run: {@code --only=<section>[,<section>...]}, all of them without the argument. */
record Sections(Set<String> selected) {

    static final String API = "api";
    static final String WRITE_PATH = "write-path";
    /** The replay of write-path alone on a store of its own; runs only when named with --only. */
    static final String REPLAY = "replay";
    static final List<String> ALL = List.of(API, WRITE_PATH);
    static final List<String> KNOWN = List.of(API, WRITE_PATH, REPLAY);

    static Sections fromArguments(String[] args) {
        Set<String> selected = new LinkedHashSet<>();
        for (String arg : args) {
            if (!arg.startsWith("--only=")) {
                throw new IllegalArgumentException("unknown argument " + arg + "; usage: [--only=" + String.join("|",
                        KNOWN) + "]");
            }
            for (String name : arg.substring("--only=".length()).split(",")) {
                if (!KNOWN.contains(name.trim())) {
                    throw new IllegalArgumentException("unknown section '" + name + "'; known: " + KNOWN);
                }
                selected.add(name.trim());
            }
        }
        return new Sections(selected.isEmpty() ? new LinkedHashSet<>(ALL) : selected);
    }

    boolean includes(String section) {
        return selected.contains(section);
    }
}
