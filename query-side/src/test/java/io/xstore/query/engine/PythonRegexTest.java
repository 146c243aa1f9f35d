package io.xstore.query.engine;

import io.xstore.protocol.ApiException;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonRegexTest {

    private static boolean finds(String python, String text) {
        return Pattern.compile(PythonRegex.toJava(python)).matcher(text).find();
    }

    @Test
    void reEscapedNamesMatchThemselves() {
        assertTrue(finds("^my\\ project/sub\\-1\\.\\#x$", "my project/sub-1.#x"));
    }

    @Test
    void namedGroupsWithUnderscoresAndBackreferences() {
        assertTrue(finds("(?P<first_word>\\w+) (?P=first_word)", "hey hey"));
    }

    @Test
    void literalBracesAndClassesAsPythonReadsThem() {
        assertTrue(finds("a{b}", "a{b}"));
        assertTrue(finds("x{,2}y", "xxy"));
        assertTrue(finds("[[]", "["));
        assertTrue(finds("[a&&b]", "&"));
        assertTrue(finds("[]a]", "]"));
    }

    @Test
    void pythonOnlyFlagsAndComments() {
        assertTrue(finds("(?a)abc(?#comment)", "abc"));
        assertTrue(finds("(?i)ABC", "abc"));
        assertEquals("abc\\z", PythonRegex.translate("abc\\Z"));
    }

    @Test
    void invalidPatternsAre400Subcode21() {
        for (String bad : new String[] {"(", "*x", "[a", "a)"}) {
            ApiException e = assertThrows(ApiException.class, () -> PythonRegex.toJava(bad), bad);
            assertEquals(21, e.subcode());
        }
    }
}
