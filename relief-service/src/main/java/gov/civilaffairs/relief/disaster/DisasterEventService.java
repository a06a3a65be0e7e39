package gov.civilaffairs.relief.disaster;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.region.RegionLevel;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.disaster.DisasterEvent.ReportType;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disaster events, their reports and the relief given per recipient.
 *
 * <p>Reports follow 应急管理部《自然灾害情况统计调查制度》 (deadlines in {@link DisasterReliefProperties}): the first
 * report is the initial report (初报), due {@code initial-report-hours} after the event; while the event is open each
 * follow-up report (续报) is due {@code follow-up-report-days} after the previous report; the final report (核报) is
 * due {@code final-report-days} after the day the disaster stabilised and closes the event. A report received after
 * its deadline is taken and flagged {@code late}. Relocated persons and deaths are part of the affected population
 * (the 制度's indicator definitions), so neither may exceed it.
 *
 * <p>Relief is recorded per recipient; the same item is given to the same recipient (person, or household by its
 * head's number) once per event ({@link ReliefDistribution}).
 */
@Service
public class DisasterEventService {

  private final JdbcClient jdbc;
  private final RegionDirectory regions;
  private final BureauClock clock;
  private final DisasterReliefProperties properties;

  DisasterEventService(JdbcClient jdbc, RegionDirectory regions, BureauClock clock,
      DisasterReliefProperties properties) {
    this.jdbc = jdbc;
    this.regions = regions;
    this.clock = clock;
    this.properties = properties;
  }

  /** The figures of a report; {@code stabilisedOn} only on the final one. */
  public record NewReport(ReportType type, int affectedPersons, int relocatedPersons, int deaths, int damagedHouses,
      BigDecimal directEconomicLoss, LocalDate stabilisedOn, String remarks) {
  }

  /** One recipient's relief (ID number normalised); {@code amount} for money, {@code quantity}/{@code unit} for goods. */
  public record NewDistribution(String regionCode, String recipientKind, String nationalIdNumber, String name,
      String item, String kind, BigDecimal amount, Integer quantity, String unit, LocalDate distributedOn) {
  }

  /** @throws ProblemException 422 {@code unknown-region}, {@code date-in-future} */
  @Transactional
  public DisasterEvent open(String regionCode, DisasterEvent.Kind kind, String title, Instant occurredAt,
      String actor) {
    if (regions.find(regionCode).filter(r -> r.level().codeLength() >= RegionLevel.COUNTY.codeLength()).isEmpty()) {
      throw ProblemException.unprocessable("unknown-region",
          "Region code " + regionCode + " is not a known county, township or village.");
    }
    if (occurredAt.isAfter(clock.now())) {
      throw ProblemException.unprocessable("date-in-future", "occurredAt is after now.");
    }
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO disaster_event (region_code, kind, title, occurred_at, status, created_by)
        VALUES (?, ?, ?, ?, 'OPEN', ?)""")
        .params(regionCode, kind.name(), title, utc(occurredAt), actor).update(key);
    return find(key.getKey().longValue(), RegionScope.everything());
  }

  /**
   * Adds a report to an open event.
   *
   * @throws ProblemException 404 unknown or outside {@code area}; 409 {@code event-closed},
   *     {@code initial-report-required} (a follow-up or final report before the initial one),
   *     {@code initial-already-reported}; 422 {@code figures-inconsistent}, {@code stabilised-on-required},
   *     {@code stabilised-on-final-only}, {@code date-in-future}, {@code stabilised-before-event}
   */
  @Transactional
  public DisasterEvent report(long eventId, NewReport r, RegionScope area, String actor) {
    DisasterEvent event = lock(eventId, area);
    if (!area.covers(event.regionCode())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area", "The event's region "
          + event.regionCode() + " is wider than your area; it is reported by an office whose area covers it.");
    }
    if (event.status() == DisasterEvent.Status.CLOSED) {
      throw ProblemException.conflict("event-closed", "The event was closed by its final report on "
          + event.closedAt() + "; no more reports are taken.");
    }
    if (r.relocatedPersons() > r.affectedPersons() || r.deaths() > r.affectedPersons()) {
      throw ProblemException.unprocessable("figures-inconsistent",
          "relocatedPersons and deaths are part of affectedPersons and cannot exceed it.");
    }
    boolean hasInitial = event.reports().stream().anyMatch(x -> x.type() == ReportType.INITIAL);
    if (r.type() == ReportType.INITIAL && hasInitial) {
      throw ProblemException.conflict("initial-already-reported", "The event has its initial report; send a "
          + "FOLLOW_UP or FINAL report.");
    }
    if (r.type() != ReportType.INITIAL && !hasInitial) {
      throw ProblemException.conflict("initial-report-required", "The first report of an event is the INITIAL one.");
    }
    if (r.type() == ReportType.FINAL && r.stabilisedOn() == null) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "stabilised-on-required",
          "A final report states the day the disaster stabilised (stabilisedOn).", Map.of("field", "stabilisedOn"));
    }
    if (r.type() != ReportType.FINAL && r.stabilisedOn() != null) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "stabilised-on-final-only",
          "stabilisedOn belongs to the final report only.", Map.of("field", "stabilisedOn"));
    }
    Instant now = clock.now();
    if (r.stabilisedOn() != null) {
      if (r.stabilisedOn().isAfter(clock.today())) {
        throw ProblemException.unprocessable("date-in-future", "stabilisedOn is after today.");
      }
      if (r.stabilisedOn().isBefore(clock.civilDate(event.occurredAt()))) {
        throw ProblemException.unprocessable("stabilised-before-event", "stabilisedOn is before the event.");
      }
    }
    Instant due = deadlines().dueAt(r.type(), event.occurredAt(), event.reports().isEmpty() ? null
        : event.reports().get(event.reports().size() - 1).reportedAt(), r.stabilisedOn());
    jdbc.sql("""
        INSERT INTO disaster_report (event_id, type, reported_at, due_at, late, affected_persons, relocated_persons,
          deaths, damaged_houses, direct_economic_loss, stabilised_on, remarks, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(eventId, r.type().name(), utc(now), utc(due), ReportDeadlines.late(now, due),
            r.affectedPersons(), r.relocatedPersons(), r.deaths(), r.damagedHouses(), r.directEconomicLoss(),
            r.stabilisedOn(), r.remarks(), actor)
        .update();
    if (r.type() == ReportType.FINAL) {
      jdbc.sql("UPDATE disaster_event SET status = 'CLOSED', closed_at = ? WHERE id = ?")
          .params(utc(now), eventId).update();
    }
    return find(eventId, area);
  }

  /**
   * Records one recipient's relief.
   *
   * @throws ProblemException 404 event unknown or outside {@code area}; 403 {@code region-outside-area} (the
   *     recipient's village outside the caller's area); 422 {@code unknown-village},
   *     {@code recipient-outside-event-region}, {@code date-in-future}, {@code distributed-before-event},
   *     {@code amount-required} (money), {@code quantity-required} (goods); 409 {@code already-distributed} (member
   *     {@code distributionId})
   */
  @Transactional
  public ReliefDistribution distribute(long eventId, NewDistribution d, RegionScope area, String actor) {
    DisasterEvent event = find(eventId, area);
    if (!area.covers(d.regionCode())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area",
          "Village " + d.regionCode() + " is outside your area.");
    }
    if (regions.find(d.regionCode()).filter(r -> r.level() == RegionLevel.VILLAGE).isEmpty()) {
      throw ProblemException.unprocessable("unknown-village",
          "Region code " + d.regionCode() + " is not a known village or community committee.");
    }
    if (!d.regionCode().startsWith(event.regionCode())) {
      throw ProblemException.unprocessable("recipient-outside-event-region", "Village " + d.regionCode()
          + " is not within the event's region " + event.regionCode() + ".");
    }
    if (d.distributedOn().isAfter(clock.today())) {
      throw ProblemException.unprocessable("date-in-future", "distributedOn is after today.");
    }
    if (d.distributedOn().isBefore(clock.civilDate(event.occurredAt()))) {
      throw ProblemException.unprocessable("distributed-before-event", "distributedOn is before the event.");
    }
    if (d.kind().equals("MONEY") && (d.amount() == null || d.quantity() != null)) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "amount-required",
          "Money is given as an amount (yuan), without quantity.", Map.of("field", "amount"));
    }
    if (d.kind().equals("GOODS") && (d.quantity() == null || d.unit() == null || d.amount() != null)) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "quantity-required",
          "Goods are given as a quantity and unit, without amount.", Map.of("field", "quantity"));
    }
    KeyHolder key = new GeneratedKeyHolder();
    try {
      jdbc.sql("""
          INSERT INTO disaster_relief_distribution (event_id, region_code, recipient_kind, national_id_number, name,
            item, kind, amount, quantity, unit, distributed_on, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(eventId, d.regionCode(), d.recipientKind(), d.nationalIdNumber(), d.name(), d.item(), d.kind(),
              d.amount(), d.quantity(), d.unit(), d.distributedOn(), actor)
          .update(key);
    } catch (DuplicateKeyException e) {
      long existing = jdbc.sql("SELECT id FROM disaster_relief_distribution WHERE event_id = ? AND item = ? "
              + "AND national_id_number = ?").params(eventId, d.item(), d.nationalIdNumber())
          .query(Long.class).single();
      throw new ProblemException(HttpStatus.CONFLICT, "already-distributed", "This recipient was already given "
          + d.item() + " for this event.", Map.of("distributionId", existing));
    }
    return distributions(eventId, area, key.getKey().longValue(), 0, 1).get(0);
  }

  /** The event's distributions to recipients within {@code area}, by id (one when {@code onlyId} is not null). */
  public List<ReliefDistribution> distributions(long eventId, RegionScope area, Long onlyId, int page, int size) {
    find(eventId, area);
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM disaster_relief_distribution WHERE event_id = ? AND (? IS NULL OR id = ?) AND "
            + within.sql() + " ORDER BY id LIMIT ? OFFSET ?")
        .param(eventId).param(onlyId).param(onlyId).params(within.parameters()).param(size).param((long) page * size)
        .query((rs, n) -> new ReliefDistribution(rs.getLong("id"), rs.getLong("event_id"), rs.getString("region_code"),
            rs.getString("recipient_kind"), rs.getString("national_id_number"), rs.getString("name"),
            rs.getString("item"), rs.getString("kind"), rs.getBigDecimal("amount"),
            rs.getObject("quantity") == null ? null : rs.getInt("quantity"), rs.getString("unit"),
            rs.getObject("distributed_on", LocalDate.class)))
        .list();
  }

  /**
   * An event the caller can see: its region lies within {@code area}, or {@code area} lies within its region (a
   * township-wide typhoon concerns each of its villages).
   *
   * @throws ProblemException 404 when unknown or not touching {@code area}
   */
  public DisasterEvent find(long id, RegionScope area) {
    return load(id, area, false);
  }

  /** Events touching {@code area} (see {@link #find}), optionally of one status, newest id first. */
  public List<DisasterEvent> list(RegionScope area, DisasterEvent.Status status, int page, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    boolean local = !area.isEverything() && area.prefix() != null;
    List<Object> parameters = new java.util.ArrayList<>(within.parameters());
    if (local) {
      parameters.add(area.prefix());
    }
    List<Long> ids = jdbc.sql("SELECT id FROM disaster_event WHERE "
            + (local ? "(" + within.sql() + " OR ? LIKE CONCAT(region_code, '%'))" : within.sql())
            + (status == null ? "" : " AND status = '" + status.name() + "'") + " ORDER BY id DESC LIMIT ? OFFSET ?")
        .params(parameters).param(size).param((long) page * size).query(Long.class).list();
    return ids.stream().map(id -> load(id, RegionScope.everything(), false)).toList();
  }

  private DisasterEvent lock(long id, RegionScope area) {
    return load(id, area, true);
  }

  private DisasterEvent load(long id, RegionScope area, boolean forUpdate) {
    record Row(long id, String regionCode, DisasterEvent.Kind kind, String title, Instant occurredAt,
        DisasterEvent.Status status, Instant closedAt) {
    }
    Row row = jdbc.sql("SELECT * FROM disaster_event WHERE id = ?" + (forUpdate ? " FOR UPDATE" : "")).param(id)
        .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("region_code"),
            DisasterEvent.Kind.valueOf(rs.getString("kind")), rs.getString("title"), instant(rs, "occurred_at"),
            DisasterEvent.Status.valueOf(rs.getString("status")), instant(rs, "closed_at")))
        .optional().filter(e -> touches(area, e.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Disaster event", id));
    List<DisasterEvent.Report> reports = jdbc.sql("SELECT * FROM disaster_report WHERE event_id = ? ORDER BY id")
        .param(id).query((rs, n) -> report(rs)).list();
    Instant nextDue = null;
    if (row.status() == DisasterEvent.Status.OPEN) {
      nextDue = deadlines().nextDueAt(row.occurredAt(),
          reports.isEmpty() ? null : reports.get(reports.size() - 1).reportedAt());
    }
    return new DisasterEvent(row.id(), row.regionCode(), row.kind(), row.title(), row.occurredAt(), row.status(),
        row.closedAt(), nextDue, nextDue != null && clock.now().isAfter(nextDue), reports);
  }

  private ReportDeadlines deadlines() {
    return new ReportDeadlines(properties, clock.zone());
  }

  private static boolean touches(RegionScope area, String regionCode) {
    return area.covers(regionCode) || (area.prefix() != null && !area.prefix().isEmpty()
        && area.prefix().startsWith(regionCode));
  }

  private static DisasterEvent.Report report(ResultSet rs) throws SQLException {
    return new DisasterEvent.Report(rs.getLong("id"), ReportType.valueOf(rs.getString("type")),
        instant(rs, "reported_at"), instant(rs, "due_at"), rs.getBoolean("late"), rs.getInt("affected_persons"),
        rs.getInt("relocated_persons"), rs.getInt("deaths"), rs.getInt("damaged_houses"),
        rs.getBigDecimal("direct_economic_loss"), rs.getObject("stabilised_on", LocalDate.class),
        rs.getString("remarks"));
  }

  /** Instants are stored as UTC wall time (the connection's time zone is UTC), as elsewhere in relief. */
  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }
}
