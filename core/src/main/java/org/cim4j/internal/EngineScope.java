package org.cim4j.internal;

import org.cim4j.Cim4jScope;
import org.cim4j.Principal;
import org.cim4j.commerce.PurchaseService;
import org.cim4j.customer.CustomerService;
import org.cim4j.interaction.InteractionService;
import org.cim4j.loyalty.LoyaltyService;
import org.cim4j.tag.TagService;

/** The services of one principal; immutable and cheap (a handful of small objects). */
final class EngineScope implements Cim4jScope {
    private final Principal principal;
    private final EngineCustomerService customers;
    private final EngineInteractionService interactions;
    private final EnginePurchaseService purchases;
    private final EngineTagService tags;
    private final LoyaltyEngine loyalty;

    EngineScope(EngineContext ctx) {
        this.principal = ctx.principal();
        this.customers = new EngineCustomerService(ctx);
        this.interactions = new EngineInteractionService(ctx);
        this.purchases = new EnginePurchaseService(ctx);
        this.tags = new EngineTagService(ctx, customers);
        this.loyalty = ctx.loyalty();
    }

    @Override
    public Principal principal() {
        return principal;
    }

    @Override
    public CustomerService customers() {
        return customers;
    }

    @Override
    public InteractionService interactions() {
        return interactions;
    }

    @Override
    public PurchaseService purchases() {
        return purchases;
    }

    @Override
    public TagService tags() {
        return tags;
    }

    @Override
    public LoyaltyService loyalty() {
        return loyalty;
    }

    @Override
    public String toString() {
        return "Cim4jScope[principal=" + principal.id() + ", tenant=" + principal.tenant() + "]";
    }
}
