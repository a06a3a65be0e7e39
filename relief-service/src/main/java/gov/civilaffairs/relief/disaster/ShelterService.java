package gov.civilaffairs.relief.disaster;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.platform.region.RegionDirectory;
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
 * Disaster shelters (避灾安置场所; 《自然灾害救助条例》 art. 11, see {@link Shelter}): registered with capacity, location
 * and level; listed per area, optionally those set up in a period ("shelters added", DOMAIN.md "Reports").
 */
@Service
public class ShelterService {

  private final JdbcClient jdbc;
  private final RegionDirectory regions;
  private final BureauClock clock;

  ShelterService(JdbcClient jdbc, RegionDirectory regions, BureauClock clock) {
    this.jdbc = jdbc;
    this.regions = regions;
    this.clock = clock;
  }

  /** A shelter as registered. */
  public record NewShelter(String regionCode, String name, String address, BigDecimal latitude, BigDecimal longitude,
      int capacity, String level, LocalDate establishedOn) {
  }

  /**
   * @throws ProblemException 422 {@code unknown-region}, {@code level-mismatch} (the level must match the length of
   *     the region code: COUNTY 6, TOWNSHIP 9, VILLAGE 12), {@code coordinates-incomplete}, {@code date-in-future};
   *     409 {@code shelter-already-registered} (same name in the same region)
   */
  @Transactional
  public Shelter register(NewShelter s, String actor) {
    if (regions.find(s.regionCode()).isEmpty()) {
      throw ProblemException.unprocessable("unknown-region", "Region code " + s.regionCode() + " is not known.");
    }
    int expectedLength = switch (s.level()) {
      case "COUNTY" -> 6;
      case "TOWNSHIP" -> 9;
      default -> 12;
    };
    if (s.regionCode().length() != expectedLength) {
      throw ProblemException.unprocessable("level-mismatch", "A " + s.level() + " shelter lies in a region code of "
          + expectedLength + " digits; regionCode has " + s.regionCode().length() + ".");
    }
    if ((s.latitude() == null) != (s.longitude() == null)) {
      throw ProblemException.unprocessable("coordinates-incomplete", "Give both latitude and longitude, or neither.");
    }
    if (s.establishedOn().isAfter(clock.today())) {
      throw ProblemException.unprocessable("date-in-future", "establishedOn is after today.");
    }
    KeyHolder key = new GeneratedKeyHolder();
    try {
      jdbc.sql("""
          INSERT INTO disaster_shelter (region_code, name, address, latitude, longitude, capacity, level,
            established_on, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(s.regionCode(), s.name(), s.address(), s.latitude(), s.longitude(), s.capacity(), s.level(),
              s.establishedOn(), actor)
          .update(key);
    } catch (DuplicateKeyException e) {
      throw ProblemException.conflict("shelter-already-registered",
          "A shelter named " + s.name() + " is already registered in region " + s.regionCode() + ".");
    }
    return find(key.getKey().longValue(), RegionScope.everything());
  }

  /** @throws ProblemException 404 when unknown or outside {@code area} */
  public Shelter find(long id, RegionScope area) {
    return jdbc.sql("SELECT * FROM disaster_shelter WHERE id = ?").param(id).query((rs, n) -> shelter(rs)).optional()
        .filter(s -> area.covers(s.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Shelter", id));
  }

  /** Shelters within {@code area}, set up between {@code from} and {@code to} inclusive when given, by id. */
  public List<Shelter> list(RegionScope area, LocalDate from, LocalDate to, int page, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM disaster_shelter WHERE " + within.sql()
            + " AND established_on >= ? AND established_on <= ? ORDER BY id LIMIT ? OFFSET ?")
        .params(within.parameters())
        .param(from == null ? LocalDate.of(1900, 1, 1) : from).param(to == null ? LocalDate.of(9999, 12, 31) : to)
        .param(size).param((long) page * size)
        .query((rs, n) -> shelter(rs)).list();
  }

  private static Shelter shelter(ResultSet rs) throws SQLException {
    return new Shelter(rs.getLong("id"), rs.getString("region_code"), rs.getString("name"), rs.getString("address"),
        rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getInt("capacity"), rs.getString("level"),
        rs.getObject("established_on", LocalDate.class));
  }
}
