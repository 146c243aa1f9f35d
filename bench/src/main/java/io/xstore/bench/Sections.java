package io.xstore.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which parts of the benchmark run: {@code --only=<section>[,<section>...]}, all of them without the argument. */
record Sections(Set<String> selected) {

    static final String API = "api";
    static final String WRITE_PATH = "write-path";
    static final List<String> ALL = List.of(API, WRITE_PATH);

    static Sections fromArguments(String[] args) {
        Set<String> selected = new LinkedHashSet<>();
        for (String arg : args) {
            if (!arg.startsWith("--only=")) {
                throw new IllegalArgumentException("unknown argument " + arg + "; usage: [--only=" + String.join("|",
                        ALL) + "]");
            }
            for (String name : arg.substring("--only=".length()).split(",")) {
                if (!ALL.contains(name.trim())) {
                    throw new IllegalArgumentException("unknown section '" + name + "'; known: " + ALL);
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
