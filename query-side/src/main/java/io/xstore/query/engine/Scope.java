package io.xstore.query.engine;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

/**
 * Whose documents a query may see: the caller's company, plus public documents (company {@code ""}) when
 * {@code allowPublic}.
 */
public record Scope(String company, boolean allowPublic) {

    public static Scope withPublic(String company) {
        return new Scope(company, true);
    }

    public static Scope companyOnly(String company) {
        return new Scope(company, false);
    }

    public Bson toFilter() {
        String own = company == null ? "" : company;
        return allowPublic && !own.isEmpty() ? Filters.in("company", own, "") : Filters.eq("company", own);
    }

    /** Users are joined by id alone: user ids are global and a user document need not carry a company. */
    public Bson toFilterFor(EntitySpec spec) {
        return spec == EntitySpecs.USER ? Filters.empty() : toFilter();
    }
}
