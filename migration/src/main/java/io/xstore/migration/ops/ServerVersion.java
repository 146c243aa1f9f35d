package io.xstore.migration.ops;

/** The version of this build, from the jar's manifest ("development build" when run from classes). */
public final class ServerVersion {

    private ServerVersion() {
    }

    public static String current() {
        String version = ServerVersion.class.getPackage().getImplementationVersion();
        return "xstore " + (version == null ? "development build" : version);
    }
}
