package vn.haiphong.dx.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notification tables ({@code dx_notification*}). Every step that hands work to one node claims its row with a
 * conditional update first, so two nodes (or a retry and an after-commit run) never send the same mail twice.
 */
@Repository
class NotificationRepository {

    /** Event kinds ({@code dx_notification_event.kind}). */
    enum EventKind { CREATED, ASSIGNED, NOTED, URGED }

    /** Message kinds ({@code dx_notification.kind}). */
    enum Kind { TASK, ASSIGNED, URGING, REMINDER }

    /** Outcomes ({@code dx_notification.status}, {@code dx_notification_digest.status}). */
    enum Status { PENDING, SENDING, SENT, RECORDED, SKIPPED, FAILED, INTERRUPTED }

    /** @param detail of an urging: the Office's message */
    record Event(long id, EventKind kind, String taskId, String actor, String detail, int attempts) {}

    /** A message to one person, before it is stored. */
    record Notice(String dedupeKey, String recipient, String address, Kind kind, String taskId, String subject,
                  String body, boolean digest) {}

    record Message(long id, String recipient, String address, Kind kind, String taskId, String subject, String body,
                   Status status, int attempts) {}

    record Digest(long id, String recipient, LocalDate day, String address, int attempts) {}

    static final int SUBJECT = 500;
    static final int BODY = 4000;
    private static final int ERROR = 1000;
    private static final int ADDRESS = 300;

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    // --- events ---

    void insertEvent(EventKind kind, String taskId, String actor, String detail) {
        jdbc.sql("insert into dx_notification_event (kind, task_id, actor, detail, created_at) values (?, ?, ?, ?, ?)")
                .params(kind.name(), taskId, actor, cut(detail, ERROR), now()).update();
    }

    /** The messages of the urgings recorded on a task. */
    List<String> urgings(String taskId) {
        return jdbc.sql("select detail from dx_notification_event where task_id = ? and kind = 'URGED' and detail is not null")
                .param(taskId).query(String.class).list();
    }

    List<Event> openEvents(int limit) {
        return jdbc.sql("select * from dx_notification_event where processed_at is null order by id fetch first " + limit + " rows only")
                .query((rs, n) -> new Event(rs.getLong("id"), EventKind.valueOf(rs.getString("kind")), rs.getString("task_id"),
                        rs.getString("actor"), rs.getString("detail"), rs.getInt("attempts")))
                .list();
    }

    /** Takes an event for this transaction; false if another node took it first. */
    boolean claimEvent(long id) {
        return jdbc.sql("update dx_notification_event set processed_at = ? where id = ? and processed_at is null")
                .params(now(), id).update() == 1;
    }

    /** Events turned into messages long ago: the messages stay as the record. */
    int forgetEvents(OffsetDateTime processedBefore) {
        return jdbc.sql("delete from dx_notification_event where processed_at < ?").param(processedBefore).update();
    }

    /** An event that could not be turned into messages: tried again later, or given up (recorded). */
    void eventFailed(long id, String error, boolean giveUp) {
        jdbc.sql("update dx_notification_event set attempts = attempts + 1, last_error = ?, processed_at = ? where id = ?")
                .params(cut(error, ERROR), giveUp ? now() : null, id).update();
    }

    // --- messages ---

    /** Stores a message unless the person was already told the same thing; true if stored. */
    boolean insertIfAbsent(Notice notice) {
        boolean told = jdbc.sql("select count(*) from dx_notification where dedupe_key = ? and recipient = ?")
                .params(notice.dedupeKey(), notice.recipient()).query(Integer.class).single() > 0;
        if (told) {
            return false;
        }
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into dx_notification (dedupe_key, recipient, kind, task_id, subject, body, digest, status, attempts,
                                             next_attempt_at, address, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""")
                .params(notice.dedupeKey(), notice.recipient(), notice.kind().name(), notice.taskId(),
                        cut(notice.subject(), SUBJECT), cut(notice.body(), BODY), notice.digest(), now,
                        cut(notice.address(), ADDRESS), now)
                .update();
        return true;
    }

    /** Messages to send at once whose time has come (new ones, and retries after their pause). */
    List<Message> dueMessages(int limit) {
        return jdbc.sql("select * from dx_notification where status = 'PENDING' and digest = false and next_attempt_at <= ? "
                        + "order by id fetch first " + limit + " rows only")
                .param(now()).query(NotificationRepository::message).list();
    }

    boolean claim(long id) {
        return jdbc.sql("update dx_notification set status = 'SENDING', attempts = attempts + 1, claimed_at = ? where id = ? and status = 'PENDING'")
                .params(now(), id).update() == 1;
    }

    void finish(long id, Status status, String reference, String error) {
        jdbc.sql("update dx_notification set status = ?, reference = ?, last_error = ?, sent_at = ? where id = ?")
                .params(status.name(), cut(reference, ADDRESS), cut(error, ERROR), status == Status.FAILED ? null : now(), id)
                .update();
    }

    void retryLater(long id, String error, OffsetDateTime at) {
        jdbc.sql("update dx_notification set status = 'PENDING', last_error = ?, next_attempt_at = ? where id = ? and status = 'SENDING'")
                .params(cut(error, ERROR), at, id).update();
    }

    /**
     * Messages a node took and never finished (it stopped while sending): recorded as failed, not sent again, since
     * the mail may have gone. Returns how many.
     */
    int abandonStale(OffsetDateTime claimedBefore) {
        int digests = jdbc.sql("update dx_notification_digest set status = 'INTERRUPTED' where status = 'SENDING' and claimed_at < ?")
                .param(claimedBefore).update();
        return digests + jdbc.sql("update dx_notification set status = 'INTERRUPTED' where status = 'SENDING' and claimed_at < ?")
                .param(claimedBefore).update();
    }

    List<Message> ofTask(String taskId) {
        return jdbc.sql("select * from dx_notification where task_id = ? order by id").param(taskId)
                .query(NotificationRepository::message).list();
    }

    // --- digests ---

    List<String> digestRecipients() {
        return jdbc.sql("select distinct recipient from dx_notification where status = 'PENDING' and digest = true order by recipient")
                .query(String.class).list();
    }

    /** The person's digest of the day, if none was started yet (on any node). */
    Optional<Long> openDigest(String recipient, LocalDate day, String address) {
        try {
            OffsetDateTime now = now();
            jdbc.sql("""
                    insert into dx_notification_digest (recipient, digest_day, status, attempts, claimed_at, address, created_at)
                    values (?, ?, 'SENDING', 1, ?, ?, ?)""").params(recipient, day, now, cut(address, ADDRESS), now).update();
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select id from dx_notification_digest where recipient = ? and digest_day = ?")
                .params(recipient, day).query(Long.class).single());
    }

    /** Puts the person's waiting reminders into the digest; returns them. */
    List<Message> attachToDigest(long digestId, String recipient) {
        jdbc.sql("""
                update dx_notification set status = 'SENDING', digest_id = ?, attempts = attempts + 1, claimed_at = ?
                where recipient = ? and status = 'PENDING' and digest = true""").params(digestId, now(), recipient).update();
        return digestItems(digestId);
    }

    List<Message> digestItems(long digestId) {
        return jdbc.sql("select * from dx_notification where digest_id = ? order by id").param(digestId)
                .query(NotificationRepository::message).list();
    }

    void finishDigest(long digestId, Status status, String reference, String error) {
        OffsetDateTime sent = status == Status.FAILED ? null : now();
        jdbc.sql("update dx_notification_digest set status = ?, reference = ?, last_error = ?, sent_at = ? where id = ?")
                .params(status.name(), cut(reference, ADDRESS), cut(error, ERROR), sent, digestId).update();
        jdbc.sql("update dx_notification set status = ?, reference = ?, last_error = ?, sent_at = ? where digest_id = ? and status = 'SENDING'")
                .params(status.name(), cut(reference, ADDRESS), cut(error, ERROR), sent, digestId).update();
    }

    /** Digests of the day whose sending failed and may be tried again. */
    List<Digest> failedDigests(LocalDate day, int maxAttempts) {
        return jdbc.sql("select * from dx_notification_digest where digest_day = ? and status = 'FAILED' and attempts < ? order by id")
                .params(day, maxAttempts)
                .query((rs, n) -> new Digest(rs.getLong("id"), rs.getString("recipient"), rs.getObject("digest_day", LocalDate.class),
                        rs.getString("address"), rs.getInt("attempts")))
                .list();
    }

    boolean claimDigestRetry(long digestId) {
        OffsetDateTime now = now();
        boolean claimed = jdbc.sql("update dx_notification_digest set status = 'SENDING', attempts = attempts + 1, claimed_at = ? "
                + "where id = ? and status = 'FAILED'").params(now, digestId).update() == 1;
        if (claimed) {
            jdbc.sql("update dx_notification set status = 'SENDING', claimed_at = ? where digest_id = ? and status = 'FAILED'")
                    .params(now, digestId).update();
        }
        return claimed;
    }

    int digestsOf(String recipient, LocalDate day) {
        return jdbc.sql("select count(*) from dx_notification_digest where recipient = ? and digest_day = ?")
                .params(recipient, day).query(Integer.class).single();
    }

    // --- preferences ---

    Optional<Boolean> emailEnabled(String userId) {
        return jdbc.sql("select email_enabled from dx_notification_preference where user_id = ?").param(userId)
                .query(Boolean.class).optional();
    }

    void setEmailEnabled(String userId, boolean enabled) {
        OffsetDateTime now = now();
        int updated = jdbc.sql("update dx_notification_preference set email_enabled = ?, updated_at = ? where user_id = ?")
                .params(enabled, now, userId).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into dx_notification_preference (user_id, email_enabled, updated_at) values (?, ?, ?)")
                        .params(userId, enabled, now).update();
            } catch (DuplicateKeyException e) {
                // Saved at the same moment from another tab or node: the last one wins.
                jdbc.sql("update dx_notification_preference set email_enabled = ?, updated_at = ? where user_id = ?")
                        .params(enabled, now, userId).update();
            }
        }
    }

    private static Message message(ResultSet rs, int n) throws SQLException {
        return new Message(rs.getLong("id"), rs.getString("recipient"), rs.getString("address"), Kind.valueOf(rs.getString("kind")),
                rs.getString("task_id"), rs.getString("subject"), rs.getString("body"), Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"));
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
