package io.xstore.server.embedded;

import org.springframework.core.env.PropertySource;

/**
 * Publishes the endpoint of each running backing service under its property ({@code xstore.mongo.uri},
 * {@code xstore.elastic.url}, {@code xstore.kafka.bootstrap-servers}), for code that cannot see the server
 * module's beans. Reading one waits until that service is ready. Not enumerable on purpose: listing the
 * properties (actuator, binders) must not wait for the services.
 */
final class BackingServiceEndpointsPropertySource extends PropertySource<BackingServices> {

    static final String NAME = "xstoreBackingServiceEndpoints";

    BackingServiceEndpointsPropertySource(BackingServices services) {
        super(NAME, services);
    }

    @Override
    public Object getProperty(String name) {
        for (BackingService service : BackingService.values()) {
            if (service.endpointProperty().equals(name)) {
                return getSource().endpoint(service);
            }
        }
        return null;
    }
}
