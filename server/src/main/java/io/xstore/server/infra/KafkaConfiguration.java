package io.xstore.server.infra;

import io.xstore.server.embedded.BackingService;
import io.xstore.server.embedded.BackingServices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Exposes the Kafka endpoint; clients are built by their users (producer, Streams) with their own settings. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    /** Injecting it waits until the broker accepts connections. */
    @Bean
    public KafkaConnection kafkaConnection(BackingServices services) {
        return new KafkaConnection(services.endpoint(BackingService.KAFKA));
    }
}
