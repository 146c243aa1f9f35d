package io.xstore.command.user;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class UserCacheConfig {

    @Bean
    Cache userCache() {
        return new WeakReferenceCache();
    }
}
