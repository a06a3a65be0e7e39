package gov.civilaffairs.relief.disaster;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import gov.civilaffairs.platform.region.Region;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.region.RegionLevel;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disaster information officers (灾害信息员) per village or community, their trainings and exam results, and the
 * villages of an area that have none (the guidance asks for at least one per village; see {@link DisasterOfficer}).
 * An exam passes at {@code relief.disaster.exam-pass-score} or more ({@link DisasterReliefProperties}).
 */
@Service
public class DisasterOfficerService {

  private final JdbcClient jdbc;
  private final RegionDirectory regions;
  private final BureauClock clock;
  private final DisasterReliefProperties properties;

  DisasterOfficerService(JdbcClient jdbc, RegionDirectory regions, BureauClock clock,
      DisasterReliefProperties properties) {
    this.jdbc = jdbc;
    this.regions = regions;
    this.clock = clock;
    this.properties = properties;
  }

  /** An officer as registered by a caseworker (ID number already normalised). */
  public record NewOfficer(String regionCode, String nationalIdNumber, String name, String mobilePhone,
      LocalDate appointedOn) {
  }

  /**
   * @throws ProblemException 422 {@code unknown-village}, {@code date-in-future}; 409 {@code officer-already-registered}
   *     (the same person in the same village)
   */
  @Transactional
  public DisasterOfficer register(NewOfficer o, String actor) {
    requireVillage(o.regionCode());
    if (o.appointedOn().isAfter(clock.today())) {
      throw ProblemException.unprocessable("date-in-future", "appointedOn is after today.");
    }
    KeyHolder key = new GeneratedKeyHolder();
    try {
      jdbc.sql("""
          INSERT INTO disaster_officer (region_code, national_id_number, name, mobile_phone, appointed_on, created_by)
          VALUES (?, ?, ?, ?, ?, ?)""")
          .params(o.regionCode(), o.nationalIdNumber(), o.name(), o.mobilePhone(), o.appointedOn(), actor)
          .update(key);
    } catch (DuplicateKeyException e) {
      throw ProblemException.conflict("officer-already-registered",
          "This person is already a disaster information officer of village " + o.regionCode() + ".");
    }
    return find(key.getKey().longValue(), RegionScope.everything());
  }

  /**
   * Records a training and its exam result ({@code examScore} null: no exam).
   *
   * @throws ProblemException 404 when the officer is unknown or outside {@code area}; 422 {@code date-in-future},
   *     {@code trained-before-appointment}; 409 {@code training-already-recorded} (same course, same day)
   */
  @Transactional
  public DisasterOfficer recordTraining(long officerId, String course, LocalDate trainedOn, BigDecimal examScore,
      RegionScope area, String actor) {
    DisasterOfficer officer = find(officerId, area);
    if (trainedOn.isAfter(clock.today())) {
      throw ProblemException.unprocessable("date-in-future", "trainedOn is after today.");
    }
    if (trainedOn.isBefore(officer.appointedOn())) {
      throw ProblemException.unprocessable("trained-before-appointment",
          "trainedOn is before the officer's appointment on " + officer.appointedOn() + ".");
    }
    Boolean passed = examScore == null ? null : examScore.compareTo(properties.examPassScore()) >= 0;
    try {
      jdbc.sql("""
          INSERT INTO disaster_officer_training (officer_id, course, trained_on, exam_score, exam_passed, created_by)
          VALUES (?, ?, ?, ?, ?, ?)""")
          .params(officerId, course, trainedOn, examScore, passed, actor).update();
    } catch (DuplicateKeyException e) {
      throw ProblemException.conflict("training-already-recorded",
          "This training (" + course + ", " + trainedOn + ") is already recorded for the officer.");
    }
    return find(officerId, area);
  }

  /** @throws ProblemException 404 when unknown or outside {@code area} */
  public DisasterOfficer find(long id, RegionScope area) {
    DisasterOfficer officer = jdbc.sql("SELECT * FROM disaster_officer WHERE id = ?").param(id)
        .query((rs, n) -> officer(rs, List.of())).optional()
        .filter(o -> area.covers(o.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Disaster information officer", id));
    return new DisasterOfficer(officer.id(), officer.regionCode(), officer.nationalIdNumber(), officer.name(),
        officer.mobilePhone(), officer.appointedOn(), trainings(id));
  }

  /** Officers within {@code area}, by id, a page at a time. */
  public List<DisasterOfficer> list(RegionScope area, int page, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    List<DisasterOfficer> officers = jdbc.sql("SELECT * FROM disaster_officer WHERE " + within.sql()
            + " ORDER BY id LIMIT ? OFFSET ?")
        .params(within.parameters()).param(size).param((long) page * size)
        .query((rs, n) -> officer(rs, List.of())).list();
    List<DisasterOfficer> withTrainings = new ArrayList<>(officers.size());
    for (DisasterOfficer o : officers) {
      withTrainings.add(new DisasterOfficer(o.id(), o.regionCode(), o.nationalIdNumber(), o.name(), o.mobilePhone(),
          o.appointedOn(), trainings(o.id())));
    }
    return withTrainings;
  }

  /**
   * The villages and communities under a county (6 digits) or township (9 digits) that have no disaster information
   * officer, ordered by code.
   *
   * @throws ProblemException 422 {@code unknown-region} (not a known county or township)
   */
  public List<Region> villagesWithoutOfficer(String countyOrTownship) {
    Region region = regions.find(countyOrTownship)
        .filter(r -> r.level() == RegionLevel.COUNTY || r.level() == RegionLevel.TOWNSHIP)
        .orElseThrow(() -> ProblemException.unprocessable("unknown-region",
            "Region code " + countyOrTownship + " is not a known county or township."));
    Set<String> covered = new HashSet<>(jdbc.sql(
            "SELECT DISTINCT region_code FROM disaster_officer WHERE region_code LIKE ?")
        .param(region.code() + "%").query(String.class).list());
    List<Region> villages = new ArrayList<>();
    List<Region> townships = region.level() == RegionLevel.TOWNSHIP ? List.of(region) : regions.children(region.code());
    for (Region township : townships) {
      for (Region village : regions.children(township.code())) {
        if (village.level() == RegionLevel.VILLAGE && !covered.contains(village.code())) {
          villages.add(village);
        }
      }
    }
    return villages;
  }

  private void requireVillage(String regionCode) {
    if (regions.find(regionCode).filter(r -> r.level() == RegionLevel.VILLAGE).isEmpty()) {
      throw ProblemException.unprocessable("unknown-village",
          "Region code " + regionCode + " is not a known village or community committee.");
    }
  }

  private List<DisasterOfficer.Training> trainings(long officerId) {
    return jdbc.sql("SELECT * FROM disaster_officer_training WHERE officer_id = ? ORDER BY trained_on, id")
        .param(officerId)
        .query((rs, n) -> new DisasterOfficer.Training(rs.getLong("id"), rs.getString("course"),
            rs.getObject("trained_on", LocalDate.class), rs.getBigDecimal("exam_score"),
            rs.getObject("exam_passed") == null ? null : rs.getBoolean("exam_passed")))
        .list();
  }

  private static DisasterOfficer officer(ResultSet rs, List<DisasterOfficer.Training> trainings) throws SQLException {
    return new DisasterOfficer(rs.getLong("id"), rs.getString("region_code"), rs.getString("national_id_number"),
        rs.getString("name"), rs.getString("mobile_phone"), rs.getObject("appointed_on", LocalDate.class), trainings);
  }
}
