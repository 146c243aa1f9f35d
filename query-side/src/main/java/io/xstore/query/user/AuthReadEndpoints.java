package io.xstore.query.user;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.CallContext;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reading endpoints of the ClearML {@code auth} service: a user's own key list, never secrets. */
@Component
public class AuthReadEndpoints {

    private final MongoCollection<Document> credentials;

    public AuthReadEndpoints(MongoDatabase database) {
        this.credentials = database.getCollection(Collections.CREDENTIALS);
    }

    @ApiEndpoint(value = "auth.get_credentials", since = "2.1")
    public Object getCredentials(CallContext ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        credentials.find(Filters.eq("user", ctx.caller().userId())).forEach(doc -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("access_key", doc.getString("_id"));
            if (doc.get("label") != null) {
                item.put("label", doc.get("label"));
            }
            if (doc.get("last_used") != null) {
                item.put("last_used", doc.get("last_used"));
            }
            out.add(item);
        });
        return Map.of("credentials", out);
    }
}
