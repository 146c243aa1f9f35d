package io.xstore.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class BackingServiceSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void everyServiceIsEmbeddedByDefault() {
        BackingServiceSettings settings = BackingServiceSettings.from(new MockEnvironment());

        for (BackingService service : BackingService.values()) {
            assertThat(settings.setting(service).embedded()).as(service.name()).isTrue();
            assertThat(settings.setting(service).embeddedPort()).isZero();
        }
        assertThat(settings.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void configuredEndpointsMakeEachServiceExternalIndependently() {
        BackingServiceSettings settings = BackingServiceSettings.from(new MockEnvironment()
                .withProperty("xstore.mongo.uri", "mongodb://db.example:27018/other")
                .withProperty("xstore.kafka.bootstrap-servers", "k1:9092,k2:9092"));

        assertThat(settings.setting(BackingService.MONGODB).externalEndpoint()).isEqualTo("mongodb://db.example:27018/other");
        assertThat(settings.setting(BackingService.ELASTICSEARCH).embedded()).isTrue();
        assertThat(settings.setting(BackingService.KAFKA).externalEndpoint()).isEqualTo("k1:9092,k2:9092");
    }

    @Test
    void clearMlServiceVariablesNameExternalMongoAndElasticsearch() {
        BackingServiceSettings settings = BackingServiceSettings.from(new MockEnvironment()
                .withProperty("CLEARML_MONGODB_SERVICE_HOST", "mongo")
                .withProperty("CLEARML_MONGODB_SERVICE_PORT", "27017")
                .withProperty("CLEARML_ELASTIC_SERVICE_HOST", "elastic"));

        assertThat(settings.setting(BackingService.MONGODB).externalEndpoint()).isEqualTo("mongodb://mongo:27017");
        assertThat(settings.setting(BackingService.ELASTICSEARCH).externalEndpoint()).isEqualTo("http://elastic:9200");
        assertThat(settings.setting(BackingService.KAFKA).embedded()).isTrue();
    }

    @Test
    void externalServicesStartNothingAndAnswerWithTheirEndpoint() {
        BackingServices services = BackingServices.start(BackingServiceSettings.from(new MockEnvironment()
                .withProperty("xstore.data-dir", dataDir.toString())
                .withProperty("xstore.mongo.uri", "mongodb://127.0.0.1:1")
                .withProperty("xstore.elastic.url", "http://127.0.0.1:2")
                .withProperty("xstore.kafka.bootstrap-servers", "127.0.0.1:3")));
        try {
            assertThat(services.endpoint(BackingService.ELASTICSEARCH)).isEqualTo("http://127.0.0.1:2");
            for (BackingService service : BackingService.values()) {
                assertThat(services.isEmbedded(service)).isFalse();
            }
            assertThat(dataDir).isEmptyDirectory();
        } finally {
            services.destroy();
        }
    }

    @Test
    void credentialsNeverReachTheLog() {
        assertThat(BackingServices.withoutCredentials("mongodb://user:secret@db:27017/x")).isEqualTo("mongodb://***@db:27017/x");
        assertThat(BackingServices.withoutCredentials("http://elastic:9200")).isEqualTo("http://elastic:9200");
    }
}
