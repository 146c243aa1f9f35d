package io.xstore.command.project;

import java.util.Optional;

/** The server's {@link InMemoryProjectNames}, seeded in one line, and able to miss name look-ups on demand. */
public class TestProjectNames extends InMemoryProjectNames {

    /** Makes name look-ups miss, as a read racing with a concurrent creation would; the writes still check. */
    public volatile boolean staleReads;

    public TestProjectNames with(String id, String company, String name) {
        add(new ProjectRef(id, company, name));
        return this;
    }

    @Override
    public Optional<ProjectRef> byName(String company, String name) {
        return staleReads ? Optional.empty() : super.byName(company, name);
    }
}
