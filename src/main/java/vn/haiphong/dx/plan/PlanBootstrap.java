package vn.haiphong.dx.plan;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Every plan file not yet known becomes a draft waiting for its focal unit, once, at start-up. */
@Component
@Order(30)
class PlanBootstrap implements ApplicationRunner {

    private final PlanCatalog catalog;
    private final PlanService service;

    PlanBootstrap(PlanCatalog catalog, PlanService service) {
        this.catalog = catalog;
        this.service = service;
    }

    @Override
    public void run(ApplicationArguments args) {
        catalog.all().forEach(service::registerDraft);
    }
}
