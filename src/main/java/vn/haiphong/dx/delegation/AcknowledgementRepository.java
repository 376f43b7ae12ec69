package vn.haiphong.dx.delegation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Units of a plan, their assignments and acknowledgements ({@code dx_plan_unit}, {@code dx_acknowledgement*}). */
@Repository
class AcknowledgementRepository {

    record UnitRow(String planCode, String unitCode, String unitName, String groupId, boolean focal) {}

    record AssignmentRow(String taskCode, String taskTitle, String role) {}

    record PlannedActivity(int month, String activity) {}

    private final JdbcClient jdbc;

    AcknowledgementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UnitRow> unit(String planCode, String unitCode) {
        return jdbc.sql("select * from dx_plan_unit where plan_code = ? and unit_code = ?")
                .params(planCode, unitCode)
                .query((rs, n) -> new UnitRow(rs.getString("plan_code"), rs.getString("unit_code"),
                        rs.getString("unit_name"), rs.getString("group_id"), rs.getBoolean("focal")))
                .optional();
    }

    List<AssignmentRow> assignments(String planCode, String unitCode) {
        return jdbc.sql("select task_code, task_title, role from dx_task_assignment where plan_code = ? and unit_code = ? order by task_code")
                .params(planCode, unitCode)
                .query((rs, n) -> new AssignmentRow(rs.getString("task_code"), rs.getString("task_title"), rs.getString("role")))
                .list();
    }

    boolean acknowledged(String planCode, String unitCode) {
        return jdbc.sql("select count(*) from dx_acknowledgement where plan_code = ? and unit_code = ?")
                .params(planCode, unitCode).query(Integer.class).single() > 0;
    }

    void insert(String planCode, String unitCode, String personInCharge, String contact, String notes, String actor,
                List<PlannedActivity> activities) {
        jdbc.sql("""
                insert into dx_acknowledgement (plan_code, unit_code, person_in_charge, contact, notes,
                                                acknowledged_by, acknowledged_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(planCode, unitCode, personInCharge, contact, notes, actor, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        for (PlannedActivity a : activities) {
            jdbc.sql("insert into dx_acknowledgement_activity (plan_code, unit_code, month_no, activity) values (?, ?, ?, ?)")
                    .params(planCode, unitCode, a.month(), a.activity())
                    .update();
        }
    }

    List<PlannedActivity> plannedActivities(String planCode, String unitCode) {
        return jdbc.sql("select month_no, activity from dx_acknowledgement_activity where plan_code = ? and unit_code = ? order by month_no, id")
                .params(planCode, unitCode)
                .query((rs, n) -> new PlannedActivity(rs.getInt("month_no"), rs.getString("activity")))
                .list();
    }

    List<UnitAcknowledgement> statuses(String planCode) {
        return jdbc.sql("""
                select u.unit_code, u.unit_name, u.focal, a.person_in_charge, a.contact,
                       a.acknowledged_by, a.acknowledged_at
                from dx_plan_unit u
                left join dx_acknowledgement a on a.plan_code = u.plan_code and a.unit_code = u.unit_code
                where u.plan_code = ? and (u.released_at is null or u.handed_to is not null)
                order by u.focal desc, u.unit_name""")
                .param(planCode)
                .query((rs, n) -> new UnitAcknowledgement(rs.getString("unit_code"), rs.getString("unit_name"),
                        rs.getBoolean("focal"), rs.getString("person_in_charge"),
                        rs.getString("contact"), rs.getString("acknowledged_by"),
                        rs.getObject("acknowledged_at", OffsetDateTime.class)))
                .list();
    }
}
