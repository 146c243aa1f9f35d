package io.xstore.readmodel;

import org.bson.Document;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which read-model documents a caller may see, judged by their {@code company} field: exactly one company, a company
 * plus the public documents (company {@code ""}), or anyone (user documents are global). It means what the filters
 * {@code {company: c}} and {@code {company: {$in: [c, ""]}}} mean on a string field, a missing field counting as
 * {@code null}. {@link OwnedDocuments} applies it in Java, so a lookup can filter on {@code _id} alone.
 */
public final class Ownership {

    private static final Ownership ANYONE = new Ownership(null);

    /** The company values that may be seen; null: any. */
    private final Set<String> companies;

    private Ownership(Set<String> companies) {
        this.companies = companies;
    }

    /** Documents of exactly this company (as {@code {company: company}}; null matches a missing company). */
    public static Ownership company(String company) {
        return new Ownership(Collections.singleton(company));
    }

    /** Documents of this company and public ones (as {@code {company: {$in: [company, ""]}}}). */
    public static Ownership companyOrPublic(String company) {
        return new Ownership(Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(company, ""))));
    }

    /** Every document, whatever its company. */
    public static Ownership anyone() {
        return ANYONE;
    }

    /** Whether the check needs the {@code company} field at all. */
    public boolean checksCompany() {
        return companies != null;
    }

    /** Whether a stored document (read with its {@code company} field) may be seen. */
    public boolean allows(Document doc) {
        return companies == null || doc != null && companies.contains(doc.get("company"));
    }

    /** Whether a document whose {@code company} field holds this value (null when missing) may be seen. */
    public boolean allowsCompany(String company) {
        return companies == null || companies.contains(company);
    }

    @Override
    public String toString() {
        return companies == null ? "anyone" : "company in " + companies;
    }
}
