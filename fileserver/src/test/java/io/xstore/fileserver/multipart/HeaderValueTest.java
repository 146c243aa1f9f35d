package io.xstore.fileserver.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderValueTest {

    @Test
    void parsesQuotedAndTokenParametersCaseInsensitively() {
        HeaderValue value = HeaderValue.parse("form-data; NAME=\"/a/b c.txt\"; filename=plain.txt");

        assertThat(value.value()).isEqualTo("form-data");
        assertThat(value.parameter("name")).isEqualTo("/a/b c.txt");
        assertThat(value.parameter("filename")).isEqualTo("plain.txt");
    }

    @Test
    void semicolonsInsideQuotesBelongToTheValue() {
        assertThat(HeaderValue.parse("form-data; name=\"a;b=c\"; filename=\"f\"").parameter("name")).isEqualTo("a;b=c");
    }

    @Test
    void unescapesOnlyQuotesAndBackslashesAndKeepsPercentEscapes() {
        HeaderValue value = HeaderValue.parse("form-data; name=\"a\\\"b\\\\c\\d%22e\"");

        assertThat(value.parameter("name")).isEqualTo("a\"b\\c\\d%22e");
    }

    @Test
    void extendedParametersAreDecodedAndWin() {
        HeaderValue value = HeaderValue.parse("form-data; name=\"fallback\"; name*=UTF-8''%C3%A9t%C3%A9.txt");

        assertThat(value.parameter("name")).isEqualTo("été.txt");
    }

    @Test
    void missingHeaderHasNoParameters() {
        assertThat(HeaderValue.parse(null).parameter("name")).isNull();
    }
}
