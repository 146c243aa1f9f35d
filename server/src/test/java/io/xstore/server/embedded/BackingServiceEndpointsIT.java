package io.xstore.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

class BackingServiceEndpointsIT extends ServerTestSupport {

    @Autowired
    Environment environment;

    @Test
    void theEndpointsOfTheRunningServicesArePublishedAsProperties() {
        assertThat(environment.getProperty("xstore.kafka.bootstrap-servers")).isEqualTo(kafkaBootstrapServers())
                .startsWith("127.0.0.1:");
        assertThat(environment.getProperty("xstore.mongo.uri")).startsWith("mongodb://127.0.0.1:");
        assertThat(environment.getProperty("xstore.elastic.url")).startsWith("http://127.0.0.1:");
    }

    @Test
    void everythingEmbeddedLivesInTheLockedDataDir() {
        assertThat(environment.getProperty("xstore.data-dir")).isEqualTo(DATA_DIR.toString());
        assertThat(DATA_DIR.resolve(DataDirLock.LOCK_FILE)).exists();
        for (String dir : new String[] {"mongo", "elasticsearch", "kafka", "eventstore"}) {
            assertThat(DATA_DIR.resolve(dir)).as(dir).isDirectory();
        }
    }
}
