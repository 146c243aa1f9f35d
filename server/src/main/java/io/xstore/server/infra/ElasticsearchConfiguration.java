package io.xstore.server.infra;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.xstore.server.embedded.BackingService;
import io.xstore.server.embedded.BackingServices;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elasticsearch Java client, for the embedded node or {@code xstore.elastic.url} (user:password@ allowed). Built
 * without waiting for the embedded node, which starts longest of the backing services: the beans holding the client
 * are created meanwhile, and its first request waits for the node.
 */
@Configuration(proxyBeanMethods = false)
public class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    public RestClient elasticsearchRestClient(BackingServices services) {
        URI url = URI.create(services.endpointBeforeStart(BackingService.ELASTICSEARCH));
        RestClientBuilder builder = RestClient.builder(new HttpHost(url.getHost(), url.getPort() < 0 ? 9200 : url.getPort(),
                url.getScheme()))
                .setRequestConfigCallback(config -> config.setConnectTimeout(5_000).setSocketTimeout(120_000));
        if (url.getPath() != null && !url.getPath().isEmpty() && !url.getPath().equals("/")) {
            builder.setPathPrefix(url.getPath());
        }
        if (url.getRawUserInfo() != null) {
            String[] userAndPassword = url.getRawUserInfo().split(":", 2);
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(decode(userAndPassword[0]),
                    userAndPassword.length > 1 ? decode(userAndPassword[1]) : ""));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        return builder.build();
    }

    /** Own ObjectMapper: the API's JSON settings must not change how documents are stored. */
    @Bean
    public ElasticsearchClient elasticsearchClient(RestClient elasticsearchRestClient, BackingServices services) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return new ElasticsearchClient(new StartAwaitingTransport(
                new RestClientTransport(elasticsearchRestClient, new JacksonJsonpMapper(mapper)),
                () -> services.endpoint(BackingService.ELASTICSEARCH)));
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
