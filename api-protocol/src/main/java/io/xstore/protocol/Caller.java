package io.xstore.protocol;

/** The authenticated identity of an API call (from the JWT or the Basic credentials). */
public record Caller(String userId, String userName, String companyId, String companyName, String role) {

    public boolean isSystem() {
        return "system".equals(role) || "root".equals(role);
    }

    public boolean isAdmin() {
        return isSystem() || "admin".equals(role);
    }
}
