package vn.haiphong.dx.plan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, every plan file whose plan the system does not know yet becomes a draft waiting for its focal unit.
 * A known plan keeps what it has (its drafts are revised in the application, its issued versions never change); a
 * file that differs from it is only reported.
 */
@Component
@Order(8)
class PlanBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PlanBootstrap.class);

    private final PlanFiles files;
    private final PlanService service;
    private final PlanRepository repository;

    PlanBootstrap(PlanFiles files, PlanService service, PlanRepository repository) {
        this.files = files;
        this.service = service;
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (PlanFiles.File file : files.read()) {
            String code = file.read().plan().code();
            if (!repository.exists(code)) {
                service.register(file.read(), file.name(), null);
            } else if (!repository.hasVersions(code)) {
                // Registered before plans were kept in the database: its file is all there is.
                repository.backfillVersion(code, file.read().text(), PlanService.sha256(file.read().text()), file.name());
                LOG.warn("Plan {} was registered before plan versions were stored; version 1 is taken from {} as it is now",
                        code, file.name());
            } else if (!PlanService.sha256(file.read().text()).equals(repository.definitionHash(code))) {
                LOG.warn("Plan file {} differs from plan {} as the system has it; the file is not applied. The plan's Office "
                        + "revises a draft or drafts an amendment in the application.", file.name(), code);
            }
        }
    }
}
