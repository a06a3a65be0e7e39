package gov.civilaffairs.eldercare;

import java.util.List;
import java.util.Map;

/**
 * SQL for writing many rows in one statement (issue 4: a poll's deaths are applied with a constant number of
 * statements, not a few per death).
 */
public final class SetWiseSql {

  private SetWiseSql() {
  }

  /**
   * {@code CASE <column> WHEN ? THEN ? ... END}: the value for each key, to set a column of many rows (each
   * with its own value) in one {@code UPDATE ... WHERE <column> IN (...)}. The keys and values are appended to
   * {@code parameters} in the order of the placeholders.
   *
   * @param column the key column, e.g. {@code id}
   * @param values key to value, not empty
   * @param parameters the statement's positional parameters so far, appended to
   * @return the CASE expression
   */
  public static String caseOf(String column, Map<Long, ?> values, List<Object> parameters) {
    StringBuilder sql = new StringBuilder("CASE ").append(column);
    values.forEach((key, value) -> {
      sql.append(" WHEN ? THEN ?");
      parameters.add(key);
      parameters.add(value);
    });
    return sql.append(" END").toString();
  }

  /**
   * {@code ?, ?, ...}: one placeholder per key, the keys appended to {@code parameters}.
   *
   * @param keys not empty
   */
  public static String placeholders(Iterable<Long> keys, List<Object> parameters) {
    StringBuilder sql = new StringBuilder();
    for (Long key : keys) {
      sql.append(sql.isEmpty() ? "?" : ", ?");
      parameters.add(key);
    }
    return sql.toString();
  }
}
