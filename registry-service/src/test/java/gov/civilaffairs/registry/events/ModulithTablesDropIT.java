package gov.civilaffairs.registry.events;

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
 * V16 drops Spring Modulith's publication tables, but never while a publication was not completed (an event
 * committed before V15 and never sent would be lost): the migration fails and nothing is dropped; once the
 * publication is completed it runs. Against a scratch schema of its own ({@code registry_test<suffix>_v16}).
 */
class ModulithTablesDropIT {

  private static final String SCHEMA = "registry_test" + System.getenv().getOrDefault("TEST_SCHEMA_SUFFIX", "") + "_v16";
  private static final String URL = "jdbc:mysql://127.0.0.1:3306/" + SCHEMA
      + "?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";

  @AfterEach
  void dropSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, "root", ""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
    }
  }

  @Test
  void anIncompletePublicationStopsTheDropUntilItIsCompleted() throws SQLException {
    flyway("15").clean();
    flyway("15").migrate();
    execute("""
        INSERT INTO EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE, STATUS)
        VALUES ('00000000-0000-0000-0000-000000000001', 'externalizer', 'PersonDeceased', '{}', NOW(6), 'FAILED')""");

    assertThatThrownBy(() -> flyway("16").migrate()).isInstanceOf(FlywayException.class)
        .hasMessageContaining("v16_incomplete_modulith_publications_must_be_sent_first");
    assertThat(tableExists("EVENT_PUBLICATION")).as("nothing dropped").isTrue();
    assertThat(count("SELECT COUNT(*) FROM EVENT_PUBLICATION")).isEqualTo(1);

    execute("UPDATE EVENT_PUBLICATION SET COMPLETION_DATE = NOW(6), STATUS = 'COMPLETED'");
    execute("DELETE FROM flyway_schema_history WHERE success = 0"); // what `flyway repair` does after a failure
    flyway("16").migrate();

    assertThat(tableExists("EVENT_PUBLICATION")).isFalse();
    assertThat(tableExists("EVENT_PUBLICATION_ARCHIVE")).isFalse();
    assertThat(tableExists("death_event_outbox")).isTrue();
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

  private static boolean tableExists(String table) throws SQLException {
    return count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + SCHEMA
        + "' AND table_name = '" + table + "'") == 1;
  }
}
