package io.xstore.protocol;

/** An API version such as 2.23, compared numerically per part (2.9 is below 2.10). */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    public static final ApiVersion MAX = new ApiVersion(2, 31);

    public static ApiVersion parse(String text) {
        int dot = text.indexOf('.');
        try {
            if (dot < 0) {
                return new ApiVersion(Integer.parseInt(text), 0);
            }
            return new ApiVersion(Integer.parseInt(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw ApiError.REQUEST_PATH_HAS_INVALID_VERSION.toException(java.util.Map.of("version", text));
        }
    }

    public boolean atLeast(String other) {
        return compareTo(parse(other)) >= 0;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
