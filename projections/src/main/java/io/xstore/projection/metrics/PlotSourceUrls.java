package io.xstore.projection.metrics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a plot refers to: every {@code "source": "<scheme>://..."} in the Plotly JSON (images embedded in a
 * layout). Stored with the plot so that deleting the plot's task can remove them.
 */
final class PlotSourceUrls {

    private static final Pattern SOURCE =
            Pattern.compile("\"source\"\\s*:\\s*\"([A-Za-z][A-Za-z0-9+.\\-]*://[^\"]+)\"");

    private PlotSourceUrls() {
    }

    static List<String> find(String plotStr) {
        if (plotStr == null || !plotStr.contains("\"source\"")) {
            return List.of();
        }
        Set<String> urls = new LinkedHashSet<>();
        Matcher matcher = SOURCE.matcher(plotStr);
        while (matcher.find()) {
            urls.add(matcher.group(1));
        }
        return List.copyOf(urls);
    }
}
