package io.xstore.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FileServerUrlsTest {

    private final FileServerUrls urls = new FileServerUrls(
            List.of("https://files.example.com", "http://proxy.example.com:9000/store/"), 8081, 8080, "Box1");

    @Test
    void theFileServerPortOnLocalNamesIsOurs() {
        assertThat(urls.storedPath("http://localhost:8081/p/t.1/artifacts/a/a.json"))
                .hasValue("p/t.1/artifacts/a/a.json");
        assertThat(urls.storedPath("http://127.0.0.1:8081/x.bin")).hasValue("x.bin");
        assertThat(urls.storedPath("http://[::1]:8081/x.bin")).hasValue("x.bin");
        assertThat(urls.storedPath("http://box1:8081/x.bin")).hasValue("x.bin");
        assertThat(urls.storedPath("HTTP://LocalHost:8081/x.bin")).hasValue("x.bin");
    }

    @Test
    void theWebAppsFilesProxyIsOurs() {
        assertThat(urls.storedPath("http://localhost:8080/files/p/x.bin")).hasValue("p/x.bin");
        assertThat(urls.storedPath("http://localhost:8080/other/x.bin")).isEmpty();
        assertThat(urls.storedPath("http://localhost:8080/filesx/x.bin")).isEmpty();
    }

    @Test
    void configuredPublicUrlsAreOursWithTheirDefaultPortAndPathPrefix() {
        assertThat(urls.storedPath("https://files.example.com/p/x.bin")).hasValue("p/x.bin");
        assertThat(urls.storedPath("https://files.example.com:443/p/x.bin")).hasValue("p/x.bin");
        assertThat(urls.storedPath("http://files.example.com/p/x.bin")).isEmpty();
        assertThat(urls.storedPath("http://proxy.example.com:9000/store/p/x.bin")).hasValue("p/x.bin");
        assertThat(urls.storedPath("http://proxy.example.com:9000/p/x.bin")).isEmpty();
    }

    @Test
    void otherHostsPortsAndSchemesAreNotOurs() {
        assertThat(urls.storedPath("http://localhost:8082/x.bin")).isEmpty();
        assertThat(urls.storedPath("http://elsewhere:8081/x.bin")).isEmpty();
        assertThat(urls.storedPath("s3://bucket/x.bin")).isEmpty();
        assertThat(urls.storedPath("file:///tmp/model.pt")).isEmpty();
        assertThat(urls.storedPath("/tmp/model.pt")).isEmpty();
        assertThat(urls.storedPath("http://localhost:abc/x.bin")).isEmpty();
        assertThat(urls.storedPath(null)).isEmpty();
    }

    @Test
    void thePathIsDecodedExactlyOnceAndTheQueryIgnored() {
        assertThat(urls.storedPath("http://localhost:8081/my%2520project/loss%200x3a.jpeg?download"))
                .hasValue("my%20project/loss 0x3a.jpeg");
        assertThat(urls.storedPath("http://user@localhost:8081/x.bin#frag")).hasValue("x.bin");
    }

    @Test
    void aPathRecordedWithoutQuotingIsTakenAsIs() {
        // OutputModel.update_weights(async_enable=False) records the destination path, not the quoted upload URL
        assertThat(urls.storedPath("http://localhost:8081/files check/odd %26 name/t%3A 100%25 [x].1/models/w.pt"))
                .hasValue("files check/odd %26 name/t%3A 100%25 [x].1/models/w.pt");
        assertThat(urls.storedPath("http://localhost:8081/a/50%/x.bin")).hasValue("a/50%/x.bin");
        assertThat(FileServerUrls.isQuoted("files%20check/odd%20%2526%20name/x.pt")).isTrue();
        assertThat(FileServerUrls.isQuoted("files check/x.pt")).isFalse();
    }

    @Test
    void theBareBaseNamesNoFile() {
        assertThat(urls.storedPath("http://localhost:8081")).hasValue("");
        assertThat(urls.storedPath("http://localhost:8081/")).hasValue("");
    }
}
