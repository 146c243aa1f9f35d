package io.xstore.query.engine;

import com.mongodb.client.model.Filters;
import io.xstore.readmodel.Ownership;
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
        String own = own();
        return allowPublic && !own.isEmpty() ? Filters.in("company", own, "") : Filters.eq("company", own);
    }

    /**
     * The same rule as {@link #toFilter()}, checked in Java: for lookups by id through
     * {@link io.xstore.readmodel.OwnedDocuments}, whose query must name {@code _id} alone.
     */
    public Ownership ownership() {
        String own = own();
        return allowPublic && !own.isEmpty() ? Ownership.companyOrPublic(own) : Ownership.company(own);
    }

    /** Users are joined by id alone: user ids are global and a user document need not carry a company. */
    public Ownership ownershipFor(EntitySpec spec) {
        return spec == EntitySpecs.USER ? Ownership.anyone() : ownership();
    }

    private String own() {
        return company == null ? "" : company;
    }
}
