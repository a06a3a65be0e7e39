package gov.civilaffairs.veterans.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * V14: from this version Modulith no longer sends this service's events, so a publication an earlier version
 * committed and never sent would be lost. The migration (and so the start) fails while one exists and runs once it
 * is completed. Against a scratch schema of its own ({@code veterans_test<suffix>_v14}).
 */
class ModulithPublicationsGuardIT {

  private static final String SCHEMA = "veterans_test" + System.getenv().getOrDefault("TEST_SCHEMA_SUFFIX", "") + "_v14";
  private static final String URL = "jdbc:mysql://127.0.0.1:3306/" + SCHEMA
      + "?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";

  @AfterEach
  void dropSchema() throws SQLException {
    execute("DROP DATABASE IF EXISTS " + SCHEMA);
  }

  @Test
  void anUnsentModulithPublicationStopsTheMigrationUntilItIsSent() throws SQLException {
    flyway("12").clean();
    flyway("12").migrate();
    execute("""
        INSERT INTO EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE, STATUS)
        VALUES ('00000000-0000-0000-0000-000000000014', 'externalizer', 'PensionTerminated', '{}', NOW(6), 'FAILED')""");

    assertThatThrownBy(() -> flyway("14").migrate()).isInstanceOf(FlywayException.class)
        .hasMessageContaining("v14_incomplete_modulith_publications_must_be_sent_first");
    assertThat(count("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '14' AND success = 1")).isZero();

    execute("UPDATE EVENT_PUBLICATION SET COMPLETION_DATE = NOW(6), STATUS = 'COMPLETED'");
    execute("DELETE FROM flyway_schema_history WHERE success = 0"); // what `flyway repair` does after a failure
    flyway("14").migrate();

    assertThat(count("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '14' AND success = 1")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM EVENT_PUBLICATION")).as("the tables stay").isEqualTo(1);
  }

  private static Flyway flyway(String target) {
    return Flyway.configure().dataSource(URL, "root", "").locations("classpath:db/migration").target(target)
        .cleanDisabled(false).load();
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, "root", ""); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, "root", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
