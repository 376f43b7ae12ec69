package vn.haiphong.dx.escalation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.haiphong.dx.escalation.DifficultyProcess.Status;

/** {@code dx_difficulty} and its status history {@code dx_difficulty_event}. */
@Repository
class DifficultyRepository {

    record Row(long id, String planCode, String unitCode, String periodCode, String source, String taskConcerned,
               String description, String impact, String proposal, String urgency, Status status,
               OffsetDateTime stageDueAt, String answer, String cityReportNumber, LocalDate cityReportDate,
               String cityDirection, String reportedBy, OffsetDateTime reportedAt, OffsetDateTime closedAt) {}

    record Event(Status status, String actor, OffsetDateTime actedAt, String note) {}

    private final JdbcClient jdbc;

    DifficultyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The engine's clock, as reports and due dates use it: a difficulty falls in the period its plan's clock says. */
    static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    }

    long insert(String planCode, String unitCode, String periodCode, String source, String taskConcerned, String description,
                String impact, String proposal, String urgency, String reportedBy, String processInstanceId) {
        jdbc.sql("""
                insert into dx_difficulty (plan_code, unit_code, period_code, source, task_concerned, description, impact,
                                           proposal, urgency, status, reported_by, reported_at, process_instance_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'REPORTED', ?, ?, ?)""")
                .params(planCode, unitCode, periodCode, source, taskConcerned, description, impact, proposal, urgency,
                        reportedBy, now(), processInstanceId)
                .update();
        return jdbc.sql("select id from dx_difficulty where process_instance_id = ?").param(processInstanceId)
                .query(Long.class).single();
    }

    /** Moves the difficulty to a status and records who did it, when and why. */
    void move(long id, Status status, String actor, String note, OffsetDateTime stageDueAt) {
        jdbc.sql("update dx_difficulty set status = ?, stage_due_at = ?, closed_at = ? where id = ?")
                .params(status.name(), stageDueAt, status == Status.CONFIRMED ? now() : null, id).update();
        jdbc.sql("insert into dx_difficulty_event (difficulty_id, status, actor, acted_at, note) values (?, ?, ?, ?, ?)")
                .params(id, status.name(), actor, now(), note).update();
    }

    void answer(long id, String answer) {
        jdbc.sql("update dx_difficulty set answer = ? where id = ?").params(answer, id).update();
    }

    void cityReport(long id, String number, LocalDate date) {
        jdbc.sql("update dx_difficulty set city_report_number = ?, city_report_date = ? where id = ?").params(number, date, id).update();
    }

    void cityDirection(long id, String direction) {
        jdbc.sql("update dx_difficulty set city_direction = ? where id = ?").params(direction, id).update();
    }

    /** Counts of the difficulties not yet confirmed solved, by status: one pass over the table, for the metrics. */
    Map<Status, Long> openByStatus() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        jdbc.sql("select status, count(*) from dx_difficulty where status <> ? group by status").param(Status.CONFIRMED.name())
                .query((RowCallbackHandler) rs -> counts.put(Status.valueOf(rs.getString(1)), rs.getLong(2)));
        return counts;
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select * from dx_difficulty where id = ?").param(id).query(DifficultyRepository::row).optional();
    }

    List<Row> byPlan(String planCode) {
        return jdbc.sql("select * from dx_difficulty where plan_code = ? order by reported_at desc, id desc").param(planCode)
                .query(DifficultyRepository::row).list();
    }

    List<Event> events(long id) {
        return jdbc.sql("select * from dx_difficulty_event where difficulty_id = ? order by id").param(id)
                .query(DifficultyRepository::event).list();
    }

    /** The history of every difficulty of a plan, by difficulty, in one query (the Office's view lists them all). */
    Map<Long, List<Event>> eventsByPlan(String planCode) {
        Map<Long, List<Event>> byDifficulty = new HashMap<>();
        jdbc.sql("""
                select e.* from dx_difficulty_event e join dx_difficulty d on d.id = e.difficulty_id
                where d.plan_code = ? order by e.id""").param(planCode)
                .query((RowCallbackHandler) rs -> byDifficulty.computeIfAbsent(rs.getLong("difficulty_id"), id -> new ArrayList<>())
                        .add(event(rs, 0)));
        return byDifficulty;
    }

    private static Event event(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Event(Status.valueOf(rs.getString("status")), rs.getString("actor"),
                rs.getObject("acted_at", OffsetDateTime.class), rs.getString("note"));
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getString("plan_code"), rs.getString("unit_code"), rs.getString("period_code"),
                rs.getString("source"), rs.getString("task_concerned"), rs.getString("description"), rs.getString("impact"),
                rs.getString("proposal"), rs.getString("urgency"), Status.valueOf(rs.getString("status")),
                rs.getObject("stage_due_at", OffsetDateTime.class), rs.getString("answer"),
                rs.getString("city_report_number"), rs.getObject("city_report_date", LocalDate.class),
                rs.getString("city_direction"), rs.getString("reported_by"),
                rs.getObject("reported_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class));
    }
}
