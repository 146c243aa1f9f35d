package io.xstore.command.project;

/** A row of the project-name lookup: which company owns which full project name under which id. */
public record ProjectRef(String id, String company, String name) {

    public String basename() {
        return ProjectNameRules.basename(name);
    }
}
