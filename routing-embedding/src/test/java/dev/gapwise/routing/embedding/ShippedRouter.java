package dev.gapwise.routing.embedding;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.bundled.BundledCatalogReader;
import dev.gapwise.routing.Classifiers;
import dev.gapwise.routing.FrontierLags;
import dev.gapwise.routing.ModelLags;
import dev.gapwise.routing.Router;
import dev.gapwise.routing.policy.Policy;

/** The router as Gapwise ships it: built-in policy, bundled catalog and lags, fast models plus the second opinion. */
final class ShippedRouter {
    static final Catalog CATALOG = BundledCatalogReader.readBundled();
    static final ModelLags LAGS = FrontierLags.of(CATALOG);
    static final Classifiers CLASSIFIERS = Classifiers.bundled().withSecondOpinion(EmbeddingSecondOpinion.bundled());
    static final Router ROUTER = new Router(Policy.builtIn(), CATALOG, LAGS, CLASSIFIERS);

    private ShippedRouter() {
    }
}
