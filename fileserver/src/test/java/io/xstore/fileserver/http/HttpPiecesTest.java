package io.xstore.fileserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Range parsing, content types and percent-decoding. */
class HttpPiecesTest {

    @Test
    void rangesResolveAgainstTheFileSize() {
        assertThat(ByteRange.parse("bytes=0-99", 50)).isEqualTo(new ByteRange(ByteRange.Kind.SATISFIABLE, 0, 49));
        assertThat(ByteRange.parse("bytes=-10", 50)).isEqualTo(new ByteRange(ByteRange.Kind.SATISFIABLE, 40, 49));
        assertThat(ByteRange.parse("bytes=-100", 50)).isEqualTo(new ByteRange(ByteRange.Kind.SATISFIABLE, 0, 49));
        assertThat(ByteRange.parse("bytes=50-", 50).kind()).isEqualTo(ByteRange.Kind.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=0-", 0).kind()).isEqualTo(ByteRange.Kind.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=0-1,5-6", 50).kind()).isEqualTo(ByteRange.Kind.IGNORE);
        assertThat(ByteRange.parse("bytes=9-3", 50).kind()).isEqualTo(ByteRange.Kind.IGNORE);
        assertThat(ByteRange.parse("items=0-1", 50).kind()).isEqualTo(ByteRange.Kind.IGNORE);
        assertThat(ByteRange.parse("bytes=x-1", 50).kind()).isEqualTo(ByteRange.Kind.IGNORE);
    }

    @Test
    void compressedFilesAreOpaqueAndOthersAreGuessed() {
        assertThat(ContentTypes.forFileName("data.csv.gz")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.forFileName("archive.tgz")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.forFileName("a_b_00000001.jpeg")).isEqualTo("image/jpeg");
        assertThat(ContentTypes.forFileName("x.PNG")).isEqualTo("image/png");
        assertThat(ContentTypes.forFileName("d.json")).isEqualTo("application/json");
        assertThat(ContentTypes.forFileName("t.csv")).isEqualTo("text/csv; charset=utf-8");
        assertThat(ContentTypes.forFileName("obj.pkl")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.forFileName("noextension")).isEqualTo("application/octet-stream");
    }

    @Test
    void percentDecodingIsLenientAndDecodesOnce() {
        assertThat(PercentDecoding.unquote("/a%20b/%2541+c")).isEqualTo("/a b/%41+c");
        assertThat(PercentDecoding.unquote("100%/%zz/%4")).isEqualTo("100%/%zz/%4");
        assertThat(PercentDecoding.unquote("%C3%A9")).isEqualTo("é");
        assertThat(PercentDecoding.unquotePlus("a+b%2Bc")).isEqualTo("a b+c");
    }
}
