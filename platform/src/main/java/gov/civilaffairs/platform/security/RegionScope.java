package gov.civilaffairs.platform.security;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The area of the city whose records a caller may see or change, as a GB/T 2260 code prefix.
 *
 * <p>The rule (issue 3; the bureau's tiered case management): city-wide roles see everything; a county
 * officer sees the codes that start with the 6-digit county code, a township caseworker the 9-digit
 * township code, a village assistant the 12-digit village code. A caller of a local role without a
 * region fit for that role sees nothing (fail closed).
 *
 * <p>Use {@link #covers(String)} for one object (and answer 404, not 403, when it is outside the area,
 * so that the answer does not reveal that it exists) and {@link #sqlPredicate(String)} to filter
 * lists in SQL.
 */
public final class RegionScope {

  private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
  private static final RegionScope EVERYTHING = new RegionScope(true, "");
  private static final RegionScope NOTHING = new RegionScope(false, null);

  private final boolean everything;
  private final String prefix;

  private RegionScope(boolean everything, String prefix) {
    this.everything = everything;
    this.prefix = prefix;
  }

  /** The whole city. */
  public static RegionScope everything() {
    return EVERYTHING;
  }

  /** No region at all. */
  public static RegionScope nothing() {
    return NOTHING;
  }

  /**
   * The divisions whose codes start with {@code prefix}.
   *
   * @param prefix a GB/T 2260 code of 6, 9 or 12 digits
   * @throws IllegalArgumentException for anything else
   */
  public static RegionScope within(String prefix) {
    if (!RegionCodes.isValid(prefix)) {
      throw new IllegalArgumentException("Not a 6, 9 or 12-digit GB/T 2260 code: " + prefix);
    }
    return new RegionScope(false, prefix);
  }

  /**
   * Whether a record of the given region lies in this scope.
   *
   * @param regionCode the GB/T 2260 code stored on the record (any length); {@code null} is covered
   *     only by {@link #everything()}
   */
  public boolean covers(String regionCode) {
    if (everything) {
      return true;
    }
    return prefix != null && regionCode != null && regionCode.startsWith(prefix);
  }

  /** Whether this is the whole city. */
  public boolean isEverything() {
    return everything;
  }

  /** The code prefix of this scope; empty for the whole city, {@code null} for nothing. */
  public String prefix() {
    return prefix;
  }

  /**
   * A predicate that keeps the rows of this scope, for the service's own SQL: {@code 1 = 1} for the
   * whole city, {@code 1 = 0} for nothing, otherwise {@code <column> LIKE ? ESCAPE '!'} with the
   * parameter {@code <prefix>%} (LIKE wildcards in the prefix escaped). With an index on the column,
   * MySQL answers a prefix LIKE by a range scan.
   *
   * <pre>{@code
   * SqlPredicate area = caller.regionScope().sqlPredicate("h.region_code");
   * jdbc.sql("SELECT ... FROM household h WHERE " + area.sql() + " ORDER BY h.id LIMIT ?")
   *     .params(area.parameters()).param(size).query(...);
   * }</pre>
   *
   * @param column the region-code column, optionally qualified ({@code h.region_code})
   * @throws IllegalArgumentException if {@code column} is not a plain identifier
   */
  public SqlPredicate sqlPredicate(String column) {
    if (column == null || !COLUMN.matcher(column).matches()) {
      throw new IllegalArgumentException("Not a column name: " + column);
    }
    if (everything) {
      return new SqlPredicate("1 = 1", List.of());
    }
    if (prefix == null) {
      return new SqlPredicate("1 = 0", List.of());
    }
    return new SqlPredicate(column + " LIKE ? ESCAPE '!'", List.of(escapeLike(prefix) + "%"));
  }

  private static String escapeLike(String value) {
    return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegionScope other && everything == other.everything
        && Objects.equals(prefix, other.prefix);
  }

  @Override
  public int hashCode() {
    return Objects.hash(everything, prefix);
  }

  @Override
  public String toString() {
    return everything ? "RegionScope[everything]" : prefix == null ? "RegionScope[nothing]" : "RegionScope[" + prefix + "*]";
  }

  /**
   * A SQL boolean expression with its positional ({@code ?}) parameters, in order.
   *
   * @param sql the expression, safe to concatenate into a WHERE clause
   * @param parameters the values of its {@code ?} placeholders
   */
  public record SqlPredicate(String sql, List<Object> parameters) {

    public SqlPredicate {
      parameters = List.copyOf(parameters);
    }
  }
}
