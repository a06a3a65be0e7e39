package gov.civilaffairs.eldercare.card;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.eldercare.SetWiseSql;
import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code card} and {@code transit_card_notification}; times are UTC. */
@Repository
class CardRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;

  CardRepository(JdbcClient jdbc, JdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /** Inserts an ISSUED card; a second card of the kind for the person, or a used number, breaks a unique key. */
  Card insert(long personId, CardKind kind, String cardNumber, LocalDate issuedOn) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO card (person_id, kind, card_number, issued_on, status) VALUES (?, ?, ?, ?, ?)")
        .params(personId, kind.name(), cardNumber, issuedOn, CardStatus.ISSUED.name())
        .update(key);
    return new Card(key.getKey().longValue(), personId, kind, cardNumber, issuedOn, CardStatus.ISSUED, null);
  }

  List<Card> findByPerson(long personId) {
    return jdbc.sql("SELECT * FROM card WHERE person_id = ? ORDER BY id").param(personId).query(Card.class).list();
  }

  /** Gives the card a new number and keeps the old one in {@code card_replacement}. */
  void replaceNumber(long cardId, String oldNumber, String newNumber, String reason, LocalDate on) {
    jdbc.sql("UPDATE card SET card_number = ? WHERE id = ?").params(newNumber, cardId).update();
    jdbc.sql("INSERT INTO card_replacement (card_id, old_number, new_number, reason, replaced_on) VALUES (?, ?, ?, ?, ?)")
        .params(cardId, oldNumber, newNumber, reason, on).update();
  }

  /** Old numbers of replaced transit cards, in number order (listed BLOCKED in the daily file). */
  List<String> replacedTransitCardNumbers() {
    return jdbc.sql("SELECT r.old_number FROM card_replacement r JOIN card c ON c.id = r.card_id"
        + " WHERE c.kind = 'TRANSIT_CARD' ORDER BY r.old_number").query(String.class).list();
  }

  void revoke(long cardId, long deathRecordId) {
    jdbc.sql("UPDATE card SET status = 'REVOKED', revoked_by_death_record_id = ? WHERE id = ?")
        .params(deathRecordId, cardId).update();
  }

  /** The ISSUED cards of {@code personIds}, in id order (order of issue). */
  List<Card> issuedOf(Collection<Long> personIds) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM card WHERE person_id IN (:ids) AND status = 'ISSUED' ORDER BY id")
        .param("ids", personIds).query(Card.class).list();
  }

  /** {@link #revoke} for each card id to its death record, in one UPDATE (rows locked in id order). */
  void revokeAll(Map<Long, Long> deathRecordByCard) {
    if (deathRecordByCard.isEmpty()) {
      return;
    }
    List<Object> parameters = new ArrayList<>();
    String revokedBy = SetWiseSql.caseOf("id", deathRecordByCard, parameters);
    String ids = SetWiseSql.placeholders(deathRecordByCard.keySet(), parameters);
    jdbc.sql("UPDATE card SET status = 'REVOKED', revoked_by_death_record_id = " + revokedBy + " WHERE id IN ("
        + ids + ")").params(parameters).update();
  }

  /** A notification for the transit-card system to record. */
  record NewNotification(long cardId, TransitCardNotification.Kind kind, long deathRecordId) {
  }

  /** {@link #insertNotification} for each, in order, as one JDBC batch (one multi-row INSERT). */
  void insertNotifications(List<NewNotification> notifications, Instant now) {
    if (notifications.isEmpty()) {
      return;
    }
    batches.batchUpdate("INSERT INTO transit_card_notification (card_id, kind, death_record_id, created_at)"
        + " VALUES (?, ?, ?, ?)", notifications.stream().map(notification -> new Object[] {notification.cardId(),
        notification.kind().name(), notification.deathRecordId(), now}).toList());
  }

  void reinstate(long cardId) {
    jdbc.sql("UPDATE card SET status = 'ISSUED', revoked_by_death_record_id = NULL WHERE id = ?")
        .param(cardId).update();
  }

  void insertNotification(long cardId, TransitCardNotification.Kind kind, long deathRecordId, Instant now) {
    jdbc.sql("""
        INSERT INTO transit_card_notification (card_id, kind, death_record_id, created_at) VALUES (?, ?, ?, ?)""")
        .params(cardId, kind.name(), deathRecordId, now).update();
  }

  /** Pending notifications (not yet sent) in creation order, after {@code afterId}. */
  List<TransitCardNotification> pendingNotifications(RegionScope area, long afterId, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("p.region_code");
    return jdbc.sql("SELECT n.id, c.card_number, n.kind, n.death_record_id, n.created_at, n.sent_at"
        + " FROM transit_card_notification n JOIN card c ON c.id = n.card_id"
        + " JOIN elderly_person p ON p.id = c.person_id"
        + " WHERE n.sent_at IS NULL AND n.id > ? AND " + within.sql()
        + " ORDER BY n.id LIMIT ?")
        .param(afterId).params(within.parameters()).param(size)
        .query((rs, row) -> new TransitCardNotification(rs.getLong("id"), rs.getString("card_number"),
            TransitCardNotification.Kind.valueOf(rs.getString("kind")), rs.getLong("death_record_id"),
            utc(rs.getObject("created_at", LocalDateTime.class)), utc(rs.getObject("sent_at", LocalDateTime.class))))
        .list();
  }

  /** Calls {@code action} for every transit card, in card-number order (streamed, not held in memory). */
  void forEachTransitCard(java.util.function.Consumer<Card> action) {
    try (var cards = jdbc.sql("SELECT * FROM card WHERE kind = 'TRANSIT_CARD' ORDER BY card_number")
        .query(Card.class).stream()) {
      cards.forEach(action);
    }
  }

  long insertFile(LocalDate date, int lineCount, String content, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO transit_card_file (file_date, line_count, notifications, content, generated_at)
        VALUES (?, ?, 0, ?, ?)""").params(date, lineCount, content, now).update(key);
    return key.getKey().longValue();
  }

  /** Marks every pending notification sent in the file, and counts them on it. */
  void markNotificationsSent(long fileId, Instant now) {
    int sent = jdbc.sql("UPDATE transit_card_notification SET sent_at = ?, file_id = ? WHERE sent_at IS NULL")
        .params(now, fileId).update();
    jdbc.sql("UPDATE transit_card_file SET notifications = ? WHERE id = ?").params(sent, fileId).update();
  }

  java.util.Optional<TransitCardFile> findFile(LocalDate date) {
    return jdbc.sql("SELECT file_date, line_count, notifications, generated_at FROM transit_card_file WHERE file_date = ?")
        .param(date)
        .query((rs, row) -> new TransitCardFile(rs.getObject("file_date", LocalDate.class), rs.getInt("line_count"),
            rs.getInt("notifications"), utc(rs.getObject("generated_at", LocalDateTime.class))))
        .optional();
  }

  java.util.Optional<String> fileContent(LocalDate date) {
    return jdbc.sql("SELECT content FROM transit_card_file WHERE file_date = ?").param(date).query(String.class)
        .optional();
  }

  private static Instant utc(LocalDateTime time) {
    return time == null ? null : time.toInstant(ZoneOffset.UTC);
  }
}
