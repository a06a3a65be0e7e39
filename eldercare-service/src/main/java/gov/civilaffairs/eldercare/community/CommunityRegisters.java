package gov.civilaffairs.eldercare.community;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.region.RegionLevel;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community registers of the eldercare section: community elderly homes (星光老年之家) and their yearly
 * grading, village elderly associations (老年协会) with their elections (换届, one term of
 * {@link CommunityProperties#associationTermYears()}) and recognitions (表彰), cultural and sports events
 * (文体活动) by level, and the yearly assessment (目标责任制考核) of townships and member units: targets with
 * their maximum scores, the scores given, totals per unit.
 */
@Service
public class CommunityRegisters {

  private final JdbcClient jdbc;
  private final CommunityProperties policy;
  private final RegionDirectory regions;
  private final BureauClock clock;

  CommunityRegisters(JdbcClient jdbc, CommunityProperties policy, RegionDirectory regions, BureauClock clock) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.regions = regions;
    this.clock = clock;
  }

  /** A community elderly home with its gradings, newest year first. */
  public record ElderlyHome(long id, String name, String regionCode, LocalDate openedOn, List<Grading> gradings) {
  }

  /** The grade of a year. */
  public record Grading(int year, String grade, LocalDate gradedOn) {
  }

  /** A village elderly association with its elections and recognitions. */
  public record Association(long id, String name, String regionCode, LocalDate establishedOn, List<Election> elections,
      LocalDate nextElectionDue, boolean electionOverdue, List<Recognition> recognitions) {
  }

  /** An election: the chair elected on a day. */
  public record Election(LocalDate electedOn, String chair) {
  }

  /** A title given in a year by a level of government. */
  public record Recognition(int year, String title, Level level) {
  }

  /** The level of government of an event or recognition: 省级, 市级 (the prefecture city), 县(市)级. */
  public enum Level {
    PROVINCE, CITY, MUNICIPALITY
  }

  /** A cultural or sports event. */
  public record CulturalEvent(long id, String name, String regionCode, LocalDate heldOn, Level level, Kind kind,
      int participants) {

    /** 文化 or 体育. */
    public enum Kind {
      CULTURE, SPORT
    }
  }

  /** A target of the yearly assessment, with its score once given. */
  public record Target(long id, int year, UnitKind unitKind, String unitName, String regionCode, String target,
      BigDecimal maxScore, BigDecimal score) {
  }

  /** 乡镇(街道) or 成员单位. */
  public enum UnitKind {
    TOWNSHIP, MEMBER_UNIT
  }

  /** A unit's result of a year: its targets, the sum of scores and of maximum scores. */
  public record UnitResult(String unitName, String regionCode, UnitKind unitKind, BigDecimal score, BigDecimal maxScore,
      int targetsScored, int targets) {
  }

  // --- community elderly homes ---

  /** @throws ProblemException 422 {@code not-a-village}, {@code future-date} */
  @Transactional
  public ElderlyHome openHome(String name, String regionCode, LocalDate openedOn) {
    village(regionCode);
    notAfterToday("openedOn", openedOn);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO community_elderly_home (name, region_code, opened_on, created_at) VALUES (?, ?, ?, ?)")
        .params(name, regionCode, openedOn, clock.now()).update(key);
    return home(key.getKey().longValue(), RegionScope.everything());
  }

  /** @throws ProblemException 404 when unknown or outside {@code area} */
  public ElderlyHome home(long id, RegionScope area) {
    record Row(long id, String name, String regionCode, LocalDate openedOn) {
    }
    Row row = jdbc.sql("SELECT id, name, region_code, opened_on FROM community_elderly_home WHERE id = ?").param(id)
        .query(Row.class).optional().filter(r -> area.covers(r.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Community elderly home", id));
    List<Grading> gradings = jdbc.sql("SELECT grading_year AS year, grade, graded_on FROM community_elderly_home_grading"
        + " WHERE home_id = ? ORDER BY grading_year DESC").param(id).query(Grading.class).list();
    return new ElderlyHome(row.id(), row.name(), row.regionCode(), row.openedOn(), gradings);
  }

  /** Homes within {@code area} (filtered in SQL), in id order. */
  public List<ElderlyHome> homes(RegionScope area, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT id FROM community_elderly_home WHERE " + within.sql() + " ORDER BY id LIMIT ?")
        .params(within.parameters()).param(size).query(Long.class).list().stream().map(id -> home(id, area)).toList();
  }

  /**
   * Grades a home for a year.
   *
   * @throws ProblemException 422 {@code unknown-grade} (naming the configured grades), {@code future-date};
   *     409 {@code duplicate} when the year is graded already
   */
  @Transactional
  public ElderlyHome grade(ElderlyHome home, int year, String grade, LocalDate gradedOn) {
    if (!policy.homeGrades().contains(grade)) {
      throw ProblemException.unprocessable("unknown-grade", "grade must be one of " + policy.homeGrades() + ".");
    }
    notAfterToday("gradedOn", gradedOn);
    jdbc.sql("INSERT INTO community_elderly_home_grading (home_id, grading_year, grade, graded_on) VALUES (?, ?, ?, ?)")
        .params(home.id(), year, grade, gradedOn).update();
    return home(home.id(), RegionScope.everything());
  }

  // --- village elderly associations ---

  /** @throws ProblemException 422 {@code not-a-village}, {@code future-date} */
  @Transactional
  public Association registerAssociation(String name, String regionCode, LocalDate establishedOn) {
    village(regionCode);
    notAfterToday("establishedOn", establishedOn);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO elderly_association (name, region_code, established_on, created_at) VALUES (?, ?, ?, ?)")
        .params(name, regionCode, establishedOn, clock.now()).update(key);
    return association(key.getKey().longValue(), RegionScope.everything());
  }

  /**
   * The association; the next election is due one term after the last election (or after its establishment), and
   * is overdue when today (Asia/Shanghai) is past that day.
   *
   * @throws ProblemException 404 when unknown or outside {@code area}
   */
  public Association association(long id, RegionScope area) {
    record Row(long id, String name, String regionCode, LocalDate establishedOn) {
    }
    Row row = jdbc.sql("SELECT id, name, region_code, established_on FROM elderly_association WHERE id = ?").param(id)
        .query(Row.class).optional().filter(r -> area.covers(r.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Elderly association", id));
    List<Election> elections = jdbc.sql("SELECT elected_on, chair FROM elderly_association_election"
        + " WHERE association_id = ? ORDER BY elected_on, id").param(id).query(Election.class).list();
    List<Recognition> recognitions = jdbc.sql("SELECT recognition_year AS year, title, level"
        + " FROM elderly_association_recognition WHERE association_id = ? ORDER BY recognition_year, id").param(id)
        .query(Recognition.class).list();
    LocalDate last = elections.isEmpty() ? row.establishedOn() : elections.get(elections.size() - 1).electedOn();
    LocalDate due = last.plusYears(policy.associationTermYears());
    return new Association(row.id(), row.name(), row.regionCode(), row.establishedOn(), elections, due,
        clock.today().isAfter(due), recognitions);
  }

  /** Associations within {@code area}, optionally only those whose election is overdue (both filtered in SQL). */
  public List<Association> associations(RegionScope area, boolean onlyElectionOverdue, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("a.region_code");
    return jdbc.sql("SELECT a.id FROM elderly_association a LEFT JOIN (SELECT association_id, MAX(elected_on) AS last"
        + " FROM elderly_association_election GROUP BY association_id) e ON e.association_id = a.id WHERE "
        + within.sql() + " AND (? = FALSE OR DATE_ADD(COALESCE(e.last, a.established_on), INTERVAL ? YEAR) < ?)"
        + " ORDER BY a.id LIMIT ?")
        .params(within.parameters()).param(onlyElectionOverdue).param(policy.associationTermYears())
        .param(clock.today()).param(size)
        .query(Long.class).list().stream().map(id -> association(id, area)).toList();
  }

  /** @throws ProblemException 422 {@code future-date}, {@code before-last-election} */
  @Transactional
  public Association elect(Association association, LocalDate electedOn, String chair) {
    notAfterToday("electedOn", electedOn);
    if (!association.elections().isEmpty()
        && electedOn.isBefore(association.elections().get(association.elections().size() - 1).electedOn())) {
      throw ProblemException.unprocessable("before-last-election", "electedOn is before the last election.");
    }
    jdbc.sql("INSERT INTO elderly_association_election (association_id, elected_on, chair) VALUES (?, ?, ?)")
        .params(association.id(), electedOn, chair).update();
    return association(association.id(), RegionScope.everything());
  }

  /** @throws ProblemException 422 {@code future-year} */
  @Transactional
  public Association recognise(Association association, int year, String title, Level level) {
    if (year > clock.today().getYear()) {
      throw ProblemException.unprocessable("future-year", "year " + year + " is after this year.");
    }
    jdbc.sql("INSERT INTO elderly_association_recognition (association_id, recognition_year, title, level) VALUES (?, ?, ?, ?)")
        .params(association.id(), year, title, level.name()).update();
    return association(association.id(), RegionScope.everything());
  }

  // --- cultural and sports events ---

  /** @throws ProblemException 422 unknown region, {@code future-date} */
  @Transactional
  public CulturalEvent recordEvent(String name, String regionCode, LocalDate heldOn, Level level,
      CulturalEvent.Kind kind, int participants) {
    regions.require(regionCode);
    notAfterToday("heldOn", heldOn);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO cultural_event (name, region_code, held_on, level, kind, participants, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""").params(name, regionCode, heldOn, level.name(), kind.name(), participants,
        clock.now()).update(key);
    return jdbc.sql("SELECT * FROM cultural_event WHERE id = ?").param(key.getKey().longValue())
        .query(CulturalEvent.class).single();
  }

  /** Events within {@code area} held between the two days (inclusive), newest first. */
  public List<CulturalEvent> events(RegionScope area, LocalDate from, LocalDate to, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM cultural_event WHERE held_on BETWEEN ? AND ? AND " + within.sql()
        + " ORDER BY held_on DESC, id LIMIT ?").param(from).param(to).params(within.parameters()).param(size)
        .query(CulturalEvent.class).list();
  }

  // --- yearly assessment of townships and member units ---

  /**
   * Sets a target of a unit for a year.
   *
   * @param regionCode the township's 9-digit code (TOWNSHIP), or the county of a member unit (MEMBER_UNIT, 6 digits)
   * @throws ProblemException 422 {@code not-a-township} or {@code not-a-county} for the unit kind; 409
   *     {@code duplicate} for the same target twice
   */
  @Transactional
  public Target setTarget(int year, UnitKind kind, String unitName, String regionCode, String target,
      BigDecimal maxScore) {
    RegionLevel level = regions.require(regionCode).level();
    if (kind == UnitKind.TOWNSHIP && level != RegionLevel.TOWNSHIP) {
      throw ProblemException.unprocessable("not-a-township", "regionCode of a TOWNSHIP unit is its 9-digit code.");
    }
    if (kind == UnitKind.MEMBER_UNIT && level != RegionLevel.COUNTY) {
      throw ProblemException.unprocessable("not-a-county", "regionCode of a MEMBER_UNIT is its county's 6-digit code.");
    }
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO annual_assessment_target (assessment_year, unit_kind, unit_name, region_code, target, max_score)
        VALUES (?, ?, ?, ?, ?, ?)""").params(year, kind.name(), unitName, regionCode, target, maxScore.setScale(2))
        .update(key);
    return target(key.getKey().longValue(), RegionScope.everything());
  }

  /** @throws ProblemException 404 when unknown or outside {@code area} */
  public Target target(long id, RegionScope area) {
    return jdbc.sql("SELECT id, assessment_year AS year, unit_kind, unit_name, region_code, target, max_score, score"
        + " FROM annual_assessment_target WHERE id = ?").param(id).query(Target.class).optional()
        .filter(t -> area.covers(t.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Assessment target", id));
  }

  /** @throws ProblemException 422 {@code score-out-of-range} (0 to the target's maximum, 2 decimals) */
  @Transactional
  public Target score(Target target, BigDecimal score) {
    if (score.signum() < 0 || score.compareTo(target.maxScore()) > 0 || score.scale() > 2) {
      throw ProblemException.unprocessable("score-out-of-range", "score must be between 0 and " + target.maxScore()
          + " with at most 2 decimals.");
    }
    jdbc.sql("UPDATE annual_assessment_target SET score = ? WHERE id = ?").params(score.setScale(2), target.id()).update();
    return target(target.id(), RegionScope.everything());
  }

  /** The units' results of a year within {@code area}, highest score first (unscored targets count 0). */
  public List<UnitResult> results(int year, RegionScope area) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    List<Target> targets = jdbc.sql("SELECT id, assessment_year AS year, unit_kind, unit_name, region_code, target,"
        + " max_score, score FROM annual_assessment_target WHERE assessment_year = ? AND " + within.sql()
        + " ORDER BY id").param(year).params(within.parameters()).query(Target.class).list();
    Map<String, List<Target>> byUnit = new LinkedHashMap<>();
    targets.forEach(t -> byUnit.computeIfAbsent(t.regionCode() + "|" + t.unitName(), k -> new ArrayList<>()).add(t));
    List<UnitResult> results = new ArrayList<>();
    byUnit.values().forEach(unit -> {
      Target first = unit.get(0);
      BigDecimal score = unit.stream().map(t -> Optional.ofNullable(t.score()).orElse(BigDecimal.ZERO))
          .reduce(new BigDecimal("0.00"), BigDecimal::add);
      BigDecimal max = unit.stream().map(Target::maxScore).reduce(new BigDecimal("0.00"), BigDecimal::add);
      results.add(new UnitResult(first.unitName(), first.regionCode(), first.unitKind(), score, max,
          (int) unit.stream().filter(t -> t.score() != null).count(), unit.size()));
    });
    results.sort((a, b) -> b.score().compareTo(a.score()));
    return results;
  }

  private void village(String regionCode) {
    if (regions.require(regionCode).level() != RegionLevel.VILLAGE) {
      throw ProblemException.unprocessable("not-a-village", "Region " + regionCode
          + " is not a community or village (12-digit GB/T 2260 code).");
    }
  }

  private void notAfterToday(String field, LocalDate date) {
    if (date.isAfter(clock.today())) {
      throw ProblemException.unprocessable("future-date", field + ": " + date + " is after today.");
    }
  }
}
