package io.xstore.readmodel;

/** Names of the MongoDB read-model collections. Each is written by one projection and read by the query side. */
public final class Collections {

    public static final String TASKS = "tasks";
    public static final String PROJECTS = "projects";
    public static final String MODELS = "models";
    public static final String USERS = "users";
    public static final String CREDENTIALS = "credentials";

    private Collections() {
    }
}
