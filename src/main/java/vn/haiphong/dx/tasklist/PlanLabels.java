package vn.haiphong.dx.tasklist;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.plan.Plans;

/**
 * How tasks and messages name a plan: short in a task's name (its document number once issued, else its code), in
 * full where there is room (its title, with its number).
 */
@Component
public class PlanLabels {

    /** @param number the document number of the plan as issued (e.g. 29/KH-UBND); null before issuance */
    public record Label(String code, String title, String number) {

        /** "29/KH-UBND", or the plan's code before it is issued. */
        public String shortName() {
            return number == null ? code : number;
        }

        /** "Kế hoạch … năm 2025 (số 29/KH-UBND)". */
        public String fullTitle() {
            return number == null ? title : title + " (số " + number + ")";
        }
    }

    private final Plans catalog;
    private final PlanRepository plans;

    PlanLabels(Plans catalog, PlanRepository plans) {
        this.catalog = catalog;
        this.plans = plans;
    }

    /** The plan as it runs now; empty for a code the system does not know. */
    public Optional<Label> find(String planCode) {
        if (planCode == null) {
            return Optional.empty();
        }
        return catalog.find(planCode).map(plan -> new Label(planCode, plan.title(),
                plans.find(planCode).map(PlanRepository.PlanRow::documentNumber).orElse(null)));
    }

    /** The title of a given version of the plan (a task's context may have been written with it). */
    Optional<String> title(String planCode, int version) {
        try {
            return Optional.of(catalog.version(planCode, version)).map(PlanDefinition::title);
        } catch (Plans.NoSuchPlanException e) {
            return Optional.empty();
        }
    }
}
