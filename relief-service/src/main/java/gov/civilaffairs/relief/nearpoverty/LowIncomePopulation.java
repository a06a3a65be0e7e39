package gov.civilaffairs.relief.nearpoverty;

import java.util.ArrayList;
import java.util.List;

import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The low-income population register (低收入人口): every person the bureau currently supports or monitors as
 * low-income, by category, read from the schemes' own records (no copy that could drift):
 * <ul>
 *   <li>{@link Category#MINIMUM_LIVING_ALLOWANCE}: living members of households whose allowance is ACTIVE;</li>
 *   <li>{@link Category#EXTREME_POVERTY_SUPPORT}: persons whose 特困 case is SUPPORTED;</li>
 *   <li>{@link Category#NEAR_POVERTY}: members of the near-poverty register (低保边缘家庭).</li>
 * </ul>
 * Source: 民政部等《关于加强低收入人口动态监测做好分层分类社会救助工作的意见》(2023): the low-income population
 * comprises 低保对象, 特困人员, 低保边缘家庭成员 (and, where a city adds them, households with heavy essential
 * expenditure, not recorded here). A person in two categories is listed once per category.
 */
@Service
public class LowIncomePopulation {

  /** Why a person belongs to the register. */
  public enum Category {
    MINIMUM_LIVING_ALLOWANCE, EXTREME_POVERTY_SUPPORT, NEAR_POVERTY
  }

  /**
   * One person of the register.
   *
   * @param nationalIdNumber 18 characters
   * @param regionCode 12-digit village or community code (GB/T 2260 extended) of the household or case
   * @param recordId the record the person belongs through: household id, 特困 case id, near-poverty household id
   */
  public record Person(String nationalIdNumber, String name, String regionCode, Category category, long recordId) {
  }

  private static final String ALLOWANCE = """
      SELECT m.national_id_number, m.name, h.region_code, 'MINIMUM_LIVING_ALLOWANCE' AS category, h.id AS record_id
      FROM household_member m JOIN household h ON h.id = m.household_id JOIN allowance a ON a.household_id = h.id
      WHERE a.status = 'ACTIVE' AND m.deceased_death_record_id IS NULL AND %s""";
  private static final String EXTREME_POVERTY = """
      SELECT c.national_id_number, c.name, c.region_code, 'EXTREME_POVERTY_SUPPORT' AS category, c.id AS record_id
      FROM extreme_poverty_case c WHERE c.status = 'SUPPORTED' AND %s""";
  private static final String NEAR_POVERTY = """
      SELECT m.national_id_number, m.name, n.region_code, 'NEAR_POVERTY' AS category, n.id AS record_id
      FROM near_poverty_member m JOIN near_poverty_household n ON n.id = m.near_poverty_id WHERE %s""";

  private final JdbcClient jdbc;

  LowIncomePopulation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A page of the register within {@code area}, ordered by category, region and ID number.
   *
   * @param category one category, or null for all
   * @param page from 0
   * @param size 1-500
   */
  public List<Person> list(RegionScope area, Category category, int page, int size) {
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    add(parts, params, category, Category.MINIMUM_LIVING_ALLOWANCE, ALLOWANCE, area.sqlPredicate("h.region_code"));
    add(parts, params, category, Category.EXTREME_POVERTY_SUPPORT, EXTREME_POVERTY, area.sqlPredicate("c.region_code"));
    add(parts, params, category, Category.NEAR_POVERTY, NEAR_POVERTY, area.sqlPredicate("n.region_code"));
    params.add(size);
    params.add((long) page * size);
    return jdbc.sql("SELECT * FROM (" + String.join(" UNION ALL ", parts) + ") p "
            + "ORDER BY p.category, p.region_code, p.national_id_number, p.record_id LIMIT ? OFFSET ?")
        .params(params)
        .query((rs, n) -> new Person(rs.getString("national_id_number"), rs.getString("name"),
            rs.getString("region_code"), Category.valueOf(rs.getString("category")), rs.getLong("record_id")))
        .list();
  }

  private static void add(List<String> parts, List<Object> params, Category wanted, Category category, String sql,
      RegionScope.SqlPredicate within) {
    if (wanted == null || wanted == category) {
      parts.add(sql.formatted(within.sql()));
      params.addAll(within.parameters());
    }
  }
}
