package gov.civilaffairs.eldercare.homecare;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.civilaffairs.eldercare.SetWiseSql;
import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code home_care_station} and {@code home_care_order}; times UTC. */
@Repository
class HomeCareRepository {

  private final JdbcClient jdbc;

  HomeCareRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insertStation(String name, String regionCode, String operator, LocalDate openedOn, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO home_care_station (name, region_code, operator, opened_on, created_at) VALUES (?, ?, ?, ?, ?)")
        .params(name, regionCode, operator, openedOn, now).update(key);
    return key.getKey().longValue();
  }

  Optional<HomeCareStation> station(long id) {
    return jdbc.sql("SELECT * FROM home_care_station WHERE id = ?").param(id).query(HomeCareStation.class).optional();
  }

  List<HomeCareStation> stations(RegionScope area, long afterId, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM home_care_station WHERE " + within.sql() + " AND id > ? ORDER BY id LIMIT ?")
        .params(within.parameters()).param(afterId).param(size).query(HomeCareStation.class).list();
  }

  long insertOrder(long stationId, long personId, HomeCareOrder.ServiceType type, HomeCareOrder.PaymentKind payment,
      BigDecimal fee, String provider, Instant scheduledAt, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO home_care_order (station_id, person_id, service_type, payment_kind, fee, provider, scheduled_at,
          status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
        .params(stationId, personId, type.name(), payment.name(), fee, provider, scheduledAt, now).update(key);
    return key.getKey().longValue();
  }

  Optional<HomeCareOrder> order(long id) {
    return jdbc.sql("SELECT * FROM home_care_order WHERE id = ?").param(id).query(HomeCareRepository::order).optional();
  }

  List<HomeCareOrder> orders(long stationId, HomeCareOrder.Status status, long afterId, int size) {
    String name = status == null ? null : status.name();
    return jdbc.sql("SELECT * FROM home_care_order WHERE station_id = ? AND (? IS NULL OR status = ?) AND id > ?"
        + " ORDER BY id LIMIT ?").params(stationId, name, name, afterId, size).query(HomeCareRepository::order).list();
  }

  List<HomeCareOrder> openOrdersOf(long personId) {
    return jdbc.sql("SELECT * FROM home_care_order WHERE person_id = ? AND status = 'OPEN' ORDER BY id")
        .param(personId).query(HomeCareRepository::order).list();
  }

  /** The OPEN orders of {@code personIds}, in id order. */
  List<HomeCareOrder> openOrdersOf(Collection<Long> personIds) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM home_care_order WHERE person_id IN (:ids) AND status = 'OPEN' ORDER BY id")
        .param("ids", personIds).query(HomeCareRepository::order).list();
  }

  /**
   * {@link #close} as CANCELLED for each order id, with its outcome and death record, in one UPDATE (rows locked in
   * id order); an order no longer OPEN is left as it is.
   */
  void cancelAll(Map<Long, String> outcomes, Map<Long, Long> cancelledBy, Instant closedAt) {
    if (outcomes.isEmpty()) {
      return;
    }
    List<Object> parameters = new ArrayList<>();
    String outcome = SetWiseSql.caseOf("id", outcomes, parameters);
    parameters.add(closedAt);
    String deathRecord = SetWiseSql.caseOf("id", cancelledBy, parameters);
    String ids = SetWiseSql.placeholders(outcomes.keySet(), parameters);
    jdbc.sql("UPDATE home_care_order SET status = 'CANCELLED', outcome = " + outcome + ", closed_at = ?,"
        + " cancelled_by_death_record_id = " + deathRecord + " WHERE id IN (" + ids + ") AND status = 'OPEN'")
        .params(parameters).update();
  }

  List<HomeCareOrder> ordersCancelledBy(long personId, long deathRecordId) {
    return jdbc.sql("SELECT * FROM home_care_order WHERE person_id = ? AND cancelled_by_death_record_id = ? ORDER BY id")
        .params(personId, deathRecordId).query(HomeCareRepository::order).list();
  }

  /** Closes an OPEN order; returns false when it was not OPEN any more. */
  boolean close(long id, HomeCareOrder.Status status, String outcome, Instant closedAt, Long deathRecordId) {
    return jdbc.sql("""
        UPDATE home_care_order SET status = ?, outcome = ?, closed_at = ?, cancelled_by_death_record_id = ?
        WHERE id = ? AND status = 'OPEN'""").params(status.name(), outcome, closedAt, deathRecordId, id).update() == 1;
  }

  void reopen(long id) {
    jdbc.sql("""
        UPDATE home_care_order SET status = 'OPEN', outcome = NULL, closed_at = NULL, cancelled_by_death_record_id = NULL
        WHERE id = ?""").param(id).update();
  }

  private static HomeCareOrder order(ResultSet rs, int row) throws SQLException {
    return new HomeCareOrder(rs.getLong("id"), rs.getLong("station_id"), rs.getLong("person_id"),
        HomeCareOrder.ServiceType.valueOf(rs.getString("service_type")),
        HomeCareOrder.PaymentKind.valueOf(rs.getString("payment_kind")), rs.getBigDecimal("fee"),
        rs.getString("provider"), utc(rs.getObject("scheduled_at", LocalDateTime.class)),
        HomeCareOrder.Status.valueOf(rs.getString("status")), rs.getString("outcome"),
        utc(rs.getObject("closed_at", LocalDateTime.class)), rs.getObject("cancelled_by_death_record_id", Long.class));
  }

  private static Instant utc(LocalDateTime time) {
    return time == null ? null : time.toInstant(ZoneOffset.UTC);
  }
}
