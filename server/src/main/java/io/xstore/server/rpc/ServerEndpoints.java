package io.xstore.server.rpc;

import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiVersion;
import io.xstore.protocol.CallContext;
import io.xstore.server.auth.TokenService;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code debug} and {@code server} services: health ping and version information, no credentials needed. */
@Component
public class ServerEndpoints {

    private final ServerIdentity identity;

    public ServerEndpoints(ServerIdentity identity) {
        this.identity = identity;
    }

    @ApiEndpoint(value = "debug.ping", authenticated = false)
    public Object ping(CallContext ctx) {
        Map<String, Object> data = new LinkedHashMap<>();
        ctx.body().fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue()));
        data.put("msg", "ClearML server");
        return data;
    }

    @ApiEndpoint(value = "server.info", authenticated = false)
    public Object info(CallContext ctx) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("version", TokenService.SERVER_VERSION);
        data.put("build", identity.build());
        data.put("commit", identity.commit());
        data.put("uid", identity.uid());
        data.put("api_version", ApiVersion.MAX.toString());
        return data;
    }

    @ApiEndpoint(value = "server.report_stats_option", since = "2.4")
    public Object reportStatsOption(CallContext ctx) {
        return Map.of("enabled", false, "supported", false, "enabled_time", "",
                "enabled_version", "", "enabled_user", "", "current_version", TokenService.SERVER_VERSION);
    }
}
