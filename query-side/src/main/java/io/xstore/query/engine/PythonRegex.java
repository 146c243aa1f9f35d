package io.xstore.query.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Clients send Python {@code re} patterns (the SDK builds {@code ^<re.escape(name)>$}). This rewrites the few
 * constructs whose syntax differs in {@code java.util.regex} (and in MongoDB's PCRE): named groups
 * {@code (?P<name>..)}/{@code (?P=name)}, {@code \Z}, comment groups, Python-only inline flags, a literal
 * {@code {} that is not a quantifier, and {@code [}/{@code &} inside character classes.
 */
public final class PythonRegex {

    private PythonRegex() {
    }

    /** Translates and checks a pattern; a pattern that does not compile is a 400/21. */
    public static String toJava(String python) {
        String java = translate(python);
        try {
            Pattern.compile(java);
        } catch (PatternSyntaxException e) {
            throw QueryErrors.invalidRegex(python, e.getDescription());
        }
        return java;
    }

    static String translate(String p) {
        StringBuilder out = new StringBuilder(p.length() + 8);
        Map<String, String> groupNames = new HashMap<>();
        int i = 0;
        int n = p.length();
        while (i < n) {
            char c = p.charAt(i);
            if (c == '\\') {
                i = copyEscape(p, i, out);
            } else if (c == '[') {
                i = copyClass(p, i, out);
            } else if (c == '(' && p.startsWith("(?P<", i)) {
                int end = p.indexOf('>', i + 4);
                if (end < 0) {
                    out.append(p, i, n);
                    break;
                }
                String name = p.substring(i + 4, end);
                out.append("(?<").append(javaGroupName(name, groupNames)).append('>');
                i = end + 1;
            } else if (c == '(' && p.startsWith("(?P=", i)) {
                int end = p.indexOf(')', i + 4);
                if (end < 0) {
                    out.append(p, i, n);
                    break;
                }
                String name = p.substring(i + 4, end);
                out.append("\\k<").append(javaGroupName(name, groupNames)).append('>');
                i = end + 1;
            } else if (c == '(' && p.startsWith("(?#", i)) {
                int end = p.indexOf(')', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '(' && p.startsWith("(?", i)) {
                i = copyInlineFlags(p, i, out);
            } else if (c == '{') {
                i = copyBrace(p, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int copyEscape(String p, int i, StringBuilder out) {
        if (i + 1 >= p.length()) {
            out.append('\\');
            return i + 1;
        }
        char next = p.charAt(i + 1);
        out.append('\\').append(next == 'Z' ? 'z' : next);
        return i + 2;
    }

    /** Copies a character class, escaping what Java would read as nesting or intersection. */
    private static int copyClass(String p, int i, StringBuilder out) {
        int n = p.length();
        out.append('[');
        i++;
        if (i < n && p.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < n && p.charAt(i) == ']') {
            out.append("\\]");
            i++;
        }
        while (i < n) {
            char c = p.charAt(i);
            if (c == '\\') {
                i = copyEscape(p, i, out);
                continue;
            }
            if (c == ']') {
                out.append(']');
                return i + 1;
            }
            if (c == '[' || c == '&') {
                out.append('\\');
            }
            out.append(c);
            i++;
        }
        return i;
    }

    private static int copyInlineFlags(String p, int i, StringBuilder out) {
        int j = i + 2;
        StringBuilder flags = new StringBuilder();
        while (j < p.length() && Character.isLetter(p.charAt(j))) {
            flags.append(p.charAt(j));
            j++;
        }
        if (flags.isEmpty() || j >= p.length() || (p.charAt(j) != ')' && p.charAt(j) != ':' && p.charAt(j) != '-')) {
            out.append("(?");
            return i + 2;
        }
        StringBuilder kept = new StringBuilder();
        for (char f : flags.toString().toCharArray()) {
            if ("imsx".indexOf(f) >= 0) {
                kept.append(f);
            }
        }
        if (kept.isEmpty() && p.charAt(j) == ')') {
            return j + 1;
        }
        out.append("(?").append(kept);
        return j;
    }

    /** Python reads a brace that does not start {n}, {n,}, {,m} or {n,m} as a literal; Java rejects it. */
    private static int copyBrace(String p, int i, StringBuilder out) {
        int close = p.indexOf('}', i);
        if (close > i) {
            String body = p.substring(i + 1, close);
            if (body.matches("\\d+|\\d+,\\d*|,\\d+")) {
                out.append('{').append(body.startsWith(",") ? "0" + body : body).append('}');
                return close + 1;
            }
        }
        out.append("\\{");
        return i + 1;
    }

    private static String javaGroupName(String name, Map<String, String> names) {
        return names.computeIfAbsent(name, k -> {
            String cleaned = k.replaceAll("[^A-Za-z0-9]", "");
            if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
                cleaned = "g" + cleaned;
            }
            String candidate = cleaned;
            int suffix = 1;
            while (names.containsValue(candidate)) {
                candidate = cleaned + "x" + suffix++;
            }
            return candidate;
        });
    }
}
